import { diffCatalogSets, SEVERITY_RANK } from '../diff';
import { formatGithub, formatMarkdown, formatText } from '../diff/format';
import { terminalJson } from '../escape';
import { resolveSide } from '../diff/side';
import type { Severity } from '../generated/diff';
import { oneOf, parseCommandArgs, UsageError } from './args';
import { writeStdout } from './stdio';

export const diffHelp = `Usage: errcat diff OLD NEW [--format FORMAT] [--fail-on LEVEL]
       errcat diff --base REV [NEW] [--format FORMAT] [--fail-on LEVEL]

Reports what changed for consumers between two versions of the docs. Each side is
  - a catalog.json (e.g. dist/cci/catalog.json from an older build),
  - a sources folder (sources/), a catalog folder (sources/cci) or a single page,
    compiled in memory, or
  - git:REV[:PATH]: PATH (default: sources) as of revision REV of this repository,
    read with git, without a checkout.
--base REV compares git:REV with NEW (default: sources in the working tree).

Change kinds (severity): code-removed, status-changed (breaking); variant-removed,
message-changed, language-removed, language-added (warning); code-added, variant-added,
description-changed, measure-changed, module-changed, field-added, field-removed (info).
A code's variants pair by what they say, so reordered rows are no change; nor is a change
of form alone (a table rewritten, columns reordered, lines rewrapped, anchors).
The summary (and "bump" in json) gives the semantic-version step the changes call for:
major (something breaking), minor (only additions), patch (text edits) or none.

Options:
  --format FORMAT  text | markdown (a pull-request comment) | json | github (annotations)
                   | html (a self-contained page, old and new side by side) (default: text)
  --fail-on LEVEL  breaking | warning | info | never (default: never): exit 1 when a
                   change at or above LEVEL exists
  -h, --help       show this help

Exit status: 0; 1 with --fail-on and such a change; 2 usage or input error.
`;

export async function runDiff(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' }, 'fail-on': { type: 'string' }, base: { type: 'string' } });
  if (values.help) {
    writeStdout(diffHelp);
    return 0;
  }
  const format = oneOf('--format', values.format, ['text', 'markdown', 'json', 'github', 'html'] as const, 'text');
  const failOn = oneOf<Severity | 'never'>('--fail-on', values['fail-on'], ['breaking', 'warning', 'info', 'never'], 'never');
  let sides: [string, string];
  if (values.base !== undefined) {
    if (positionals.length > 1) throw new UsageError('with --base, give at most the NEW side');
    sides = [`git:${values.base}`, positionals[0] ?? 'sources'];
  } else {
    if (positionals.length !== 2) throw new UsageError('diff takes OLD and NEW (or --base REV)');
    sides = [positionals[0]!, positionals[1]!];
  }
  const report = diffCatalogSets(await resolveSide(sides[0]), await resolveSide(sides[1]));
  const text =
    format === 'json'
      ? `${terminalJson(JSON.stringify(report, null, 2))}\n`
      : format === 'markdown'
        ? formatMarkdown(report)
        : format === 'github'
          ? formatGithub(report)
          : format === 'html'
            ? (await import('../emit/html/diff-page')).formatHtml(report)
            : formatText(report);
  writeStdout(text);
  if (failOn === 'never') return 0;
  return report.changes.some((c) => SEVERITY_RANK[c.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0;
}
