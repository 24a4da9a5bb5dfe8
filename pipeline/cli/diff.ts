import { diffCatalogSets, SEVERITY_RANK } from '../diff';
import { formatGithub, formatMarkdown, formatSarif, formatText } from '../diff/format';
import { resolveSide, workspaceAt } from '../diff/side';
import { resolve } from 'node:path';
import { terminalJson } from '../escape';
import { projectPath } from '../project';
import { compileAll, noteOnStderr, openWorkspace } from './catalogs';
import { repositoryPaths } from '../git';
import { ErrcatError } from '../errors';
import type { Severity } from '../generated/diff';
import { oneOf, parseCommandArgs, UsageError } from './args';
import { writeStdout } from './stdio';

declare const ERRCAT_VERSION: string;

export const diffHelp = `Usage: errcat diff --base REV [NEW] [--format FORMAT] [--fail-on LEVEL]
       errcat diff OLD NEW [--lang LANG]... [--catalog NAME] [--format FORMAT] [--fail-on LEVEL]

Reports what changed for consumers between two versions of the docs.
--base REV compares the project's catalogs as of revision REV of its git repository
(read without a checkout; a page in another repository is taken as it is now, with a
note) with NEW (default: the project's pages now; a catalog.json or catalog folder is
compared with the same catalog at REV). Runs from any folder of the project. Each of OLD and NEW is
  - a catalog.json (e.g. dist/cci/catalog.json from an older build),
  - a sources folder (sources/), a catalog folder (sources/cci) or a single page,
    compiled in memory, or
  - git:REV[:PATH]: PATH (default: sources) as of revision REV of the repository of the
    current folder.
A single page's language comes from its name or folder (zh.md, vpc/zh/page.md) unless
--lang says it (once for both sides, or twice: OLD's, then NEW's); --catalog names the
catalog two single pages make (default: the pages' folder, or "catalog").

Change kinds (severity): code-removed, status-changed (breaking); variant-removed,
message-changed, page-status-changed, language-removed, language-added (warning); code-added, variant-added,
description-changed, measure-changed, module-changed, extra-changed, field-added,
field-removed (info).
For translators: translation-stale (info), when one language's message, description or
measure of a variant changed and the other language's same text did not, nor does it
equal the new text (that language may now lag behind); counted apart, it never raises the
version bump.
A code's variants pair by what they say, so reordered rows are no change; nor is a change
of form alone (a table rewritten, columns reordered, lines rewrapped, anchors).
The summary (and "bump" in json) gives the semantic-version step the changes call for:
major (something breaking), minor (only additions), patch (text edits, a page's own
status, and removals that keep every code: a variant, a language's text, a field) or none.

Options:
  --lang LANG      a single page's language (repeat for NEW's when it differs)
  --catalog NAME   the catalog name for single pages
  --format FORMAT  text | markdown (a pull-request comment) | json | github (annotations)
                   | html (a self-contained page, old and new side by side)
                   | sarif (SARIF 2.1.0, e.g. for GitHub code scanning) (default: text)
  --fail-on LEVEL  breaking | warning | info | never (default: never): exit 1 when a
                   change at or above LEVEL exists
  -h, --help       show this help

Exit status: 0; 1 with --fail-on and such a change; 2 usage or input error.
`;

export async function runDiff(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    base: { type: 'string' },
    lang: { type: 'string', multiple: true },
    catalog: { type: 'string' },
  });
  if (values.help) {
    writeStdout(diffHelp);
    return 0;
  }
  const format = oneOf('--format', values.format, ['text', 'markdown', 'json', 'github', 'html', 'sarif'] as const, 'text');
  const failOn = oneOf<Severity | 'never'>('--fail-on', values['fail-on'], ['breaking', 'warning', 'info', 'never'], 'never');
  const langs = values.lang ?? [];
  if (langs.length > 2) throw new UsageError('--lang goes at most twice: OLD\'s language, then NEW\'s');
  const pageOptions = (i: 0 | 1) => ({ lang: langs[Math.min(i, langs.length - 1)], catalog: values.catalog });
  let report;
  let inRepository = repositoryPaths(process.cwd());
  // A git:REV[:PATH] side names its pages from the repository's root; --base from the project's.
  let atRevision = (file: string) => file;
  if (values.base !== undefined) {
    if (positionals.length > 1) throw new UsageError('with --base, give at most the NEW side');
    const newSide = positionals[0] === undefined ? undefined : resolve(positionals[0]);
    const workspace = openWorkspace({});
    inRepository = repositoryPaths(workspace.root);
    atRevision = inRepository;
    const old = await workspaceAt(workspace, values.base, noteOnStderr);
    const current =
      newSide === undefined
        ? { label: workspace.project?.settingsFile ?? 'sources', catalogs: (await compileAll(workspace.specs, {})).map((c) => c.catalog) }
        : await resolveSide(projectPath(workspace.root, newSide), pageOptions(1));
    // NEW names some catalogs (a catalog.json, one catalog folder): compare those with the same catalogs at REV.
    if (newSide !== undefined) {
      const names = new Set(current.catalogs.map((c) => c.catalog));
      const matching = old.catalogs.filter((c) => names.has(c.catalog));
      if (matching.length === 0 && old.catalogs.length > 0) {
        throw new ErrcatError(positionals[0]!, 0, `holds catalog ${[...names].join(', ')}, which the project did not have at ${values.base} (it had ${old.catalogs.map((c) => c.catalog).join(', ')})`);
      }
      old.catalogs = matching;
    }
    report = diffCatalogSets(old, current);
  } else {
    if (positionals.length !== 2) throw new UsageError('diff takes OLD and NEW (or --base REV)');
    report = diffCatalogSets(await resolveSide(positionals[0]!, pageOptions(0)), await resolveSide(positionals[1]!, pageOptions(1)));
  }
  const text =
    format === 'json'
      ? `${terminalJson(JSON.stringify(report, null, 2))}\n`
      : format === 'markdown'
        ? formatMarkdown(report)
        : format === 'github'
          ? formatGithub(report, inRepository)
          : format === 'sarif'
            ? terminalJson(formatSarif(report, ERRCAT_VERSION, inRepository, atRevision))
          : format === 'html'
            ? (await import('../emit/html/diff-page')).formatHtml(report)
            : formatText(report);
  writeStdout(text);
  if (failOn === 'never') return 0;
  return report.changes.some((c) => SEVERITY_RANK[c.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0;
}
