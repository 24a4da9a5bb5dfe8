import { describeStatus, versionStatus, writeVersion } from '../versioning';
import { ErrcatError } from '../errors';
import { parseCommandArgs, UsageError } from './args';
import { writeStdout } from './stdio';
import { compileAll, noteOnStderr, openWorkspace } from './catalogs';

export const versionHelp = `Usage: errcat version [CATALOG] [--base REV] [--write]

Compares each catalog of the project as committed at REV (default: HEAD) with the pages
now, and prints the semantic-version bump the changes call for (errcat diff's "bump":
major when a code was removed or a status changed, minor when codes, variants or
languages were added, patch for text edits, none) and the next version of the catalog's
npm package. The project's settings and pages are read as of REV from its git repository,
without a checkout; a page in another repository (a sibling checkout) has no state at REV,
so it is compared as it is now, with a note. Runs from any folder of the project.

Options:
  --base REV     the revision to compare with (default: HEAD)
  --write        record the next version as the catalog's "package.version" (in errcat.json,
                 or sources/<catalog>/catalog.json), so the next errcat build writes it
  --sources DIR  a folder of catalog folders to use instead of the project's
  -h, --help     show this help

Exit status: 0; 2 usage or input error (no project here, an unknown revision, a catalog
that does not exist).
`;

export async function runVersion(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { base: { type: 'string' }, sources: { type: 'string' }, write: { type: 'boolean' } });
  if (values.help) {
    writeStdout(versionHelp);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('version takes at most one CATALOG');
  const rev = values.base ?? 'HEAD';
  const workspace = openWorkspace({ sources: values.sources });
  const only = positionals[0];
  const specs = workspace.specs.filter((s) => only === undefined || s.name === only);
  if (specs.length === 0) throw new ErrcatError(workspace.project?.settingsFile ?? workspace.sourcesDir ?? '.', 0, `no catalog "${only}"; the catalogs are ${workspace.specs.map((s) => s.name).join(', ')}`);
  const current = await compileAll(specs, {});
  for (const status of await versionStatus(rev, workspace, current, noteOnStderr)) {
    writeStdout(`${describeStatus(status, rev)}\n`);
    if (values.write && !status.ok) {
      const path = writeVersion(current.find((c) => c.spec.name === status.catalog)!.spec, status.nextVersion);
      writeStdout(`  wrote package.version ${status.nextVersion} to ${path}; run errcat build\n`);
    }
  }
  return 0;
}
