import { describeStatus, versionStatus, writeVersion } from '../versioning';
import { parseCommandArgs, UsageError } from './args';
import { writeStdout } from './stdio';

export const versionHelp = `Usage: errcat version [CATALOG] [--base REV] [--sources DIR] [--write]

Compares each catalog as committed at REV (default: HEAD) with the current sources, and
prints the semantic-version bump the changes call for (errcat diff's "bump": major when a
code was removed or a status changed, minor when codes, variants or languages were added,
patch for text edits, none) and the next version of the catalog's npm package.

Options:
  --base REV     the revision to compare with (default: HEAD)
  --sources DIR  the sources folder (default: sources)
  --write        record the next version as "package.version" in sources/<catalog>/catalog.json,
                 so the next errcat build writes it into dist/<catalog>/package.json
  -h, --help     show this help

Exit status: 0; 2 usage or input error (an unknown revision, a catalog that does not exist).
`;

export async function runVersion(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { base: { type: 'string' }, sources: { type: 'string' }, write: { type: 'boolean' } });
  if (values.help) {
    writeStdout(versionHelp);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('version takes at most one CATALOG');
  const rev = values.base ?? 'HEAD';
  const sources = values.sources ?? 'sources';
  for (const status of await versionStatus(rev, sources, positionals[0])) {
    writeStdout(`${describeStatus(status, rev)}\n`);
    if (values.write && !status.ok) {
      const path = writeVersion(sources, status.catalog, status.nextVersion);
      writeStdout(`  wrote package.version ${status.nextVersion} to ${path}; run errcat build\n`);
    }
  }
  return 0;
}
