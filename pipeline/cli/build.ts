import { SEVERITY_RANK, RULES } from '../check';
import { sharedArtifacts, type CompiledCatalog } from '../compile';
import { terminalText } from '../escape';
import { writeArtifacts } from '../output';
import { parseCommandArgs } from './args';
import { writeStderr, writeStdout } from './stdio';
import { catalogOptionHelp, catalogOptionSpec, compileAll, openWorkspace } from './catalogs';

export const buildHelp = `Usage: errcat build [--out DIR] [--source LANG=PATH...] [options]

Compiles each catalog of the project (the catalogs listed in the nearest errcat.json, or
the folders of a sources/ folder with one page per language: zh.md, en.rst), from any
folder of the project, and writes, only when every catalog compiled:

  DIR/<catalog>/catalog.json      the bilingual catalog (validated against the schema)
  DIR/<catalog>/catalog.ts        types, ErrorCode, catalog, lookup, isErrorCode, explain
  DIR/<catalog>/catalog.csv       one row per variant (RFC 4180, formula cells neutralised)
  DIR/<catalog>/divergences.json  where the languages disagree, by rule
  DIR/<catalog>/divergences.md    the same, for doc writers
  DIR/<catalog>/index.html        the review page: both languages side by side, filters
  DIR/<catalog>/package.json, index.js, index.cjs, index.d.ts, index.d.cts, README.md
                                  the catalog as an npm package (name and version from the
                                  catalog's "package" setting)
  DIR/catalog.schema.json         the JSON Schema of catalog.json

Options:
${catalogOptionHelp}
  --verbose           also list the tables that are not error-code tables, and reader notes
  -h, --help          show this help

Exit status: 0 when written; 2 for unreadable or malformed pages (file:line: message), a page
with no error-code table, or bad settings; 3 an internal error (a bug, or the disk refused a
write). Nothing is written then: DIR stays as it was.
Columns errcat cannot map are kept (extra) and reported, never an error.
`;

export async function runBuild(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...catalogOptionSpec, verbose: { type: 'boolean' } }, false);
  if (values.help) {
    writeStdout(buildHelp);
    return 0;
  }
  const workspace = openWorkspace(values, true);
  const { specs, explicit, out } = workspace;
  const compiled = await compileAll(specs, { 'csv-bom': values['csv-bom'] ?? workspace.project?.settings.csvBom });
  const artifacts = sharedArtifacts();
  for (const c of compiled) artifacts.addAll(c.artifacts);
  // With --source only this catalog's folder (and the shared schema) is replaced.
  writeArtifacts(out, artifacts, explicit ? [...specs.map((s) => s.name), 'catalog.schema.json'] : undefined, { onWait: (m) => writeStderr(`errcat build: ${m}\n`) });
  writeStdout(buildSummary(compiled, out, values.verbose ?? false));
  return 0;
}

/**
 * Rounded down, so 99.96% never reads as 100%; a dropped cell, or one beyond its row's header, lowers
 * it, even when every row was kept.
 */
function keptPercent(kept: number, read: number, cells: CompiledCatalog['accounting']['cells']): string {
  const share = Math.min(read === 0 ? 1 : kept / read, cells.read === 0 ? 1 : 1 - (cells.dropped + cells.beyondHeader) / cells.read);
  if (share === 1) return '100%';
  return `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;
}

export function buildSummary(compiled: CompiledCatalog[], out: string, verbose: boolean): string {
  const lines = [`errcat build: ${compiled.length} catalog${compiled.length === 1 ? '' : 's'} → ${out}/`];
  for (const c of compiled) {
    lines.push('', `${c.spec.name}`);
    for (const page of c.pages) {
      lines.push(`  ${page.lang}  ${terminalText(page.file)}: ${page.codeTables} error-code table${page.codeTables === 1 ? '' : 's'}, ${page.rows} rows` +
        (page.tables > page.codeTables ? ` (${page.tables - page.codeTables} other table${page.tables - page.codeTables === 1 ? '' : 's'} skipped)` : '') +
        (page.notes.length > 0 ? `, ${page.notes.length} reader note${page.notes.length === 1 ? '' : 's'}` : ''));
      if (verbose) for (const t of page.skipped) lines.push(`      skipped table at line ${t.line}: ${terminalText(t.header.join(' | '))}`);
      if (verbose) for (const n of page.notes) lines.push(`      note at line ${n.line}: ${terminalText(n.message)}`);
    }
    const left = Object.entries(c.accounting.excluded);
    const leftCount = left.reduce((n, [, k]) => n + k, 0);
    const { read, kept, cells } = c.accounting;
    const variants = c.catalog.entries.reduce((n, e) => n + (e.variants?.length ?? 1), 0);
    lines.push(`  ${read} rows read = ${kept} kept + ${leftCount} left out` +
      (left.length > 0 ? ` (${left.map(([rule, n]) => `${rule} ${n}`).join(', ')})` : '') +
      `: ${keptPercent(kept, read, cells)} kept, in ${c.catalog.entries.length} entries` + (variants > c.catalog.entries.length ? ` (${variants} variants)` : ''));
    lines.push(`  ${cells.read} cells read = ${cells.kept} kept` +
      (cells.inRowsLeftOut > 0 ? ` + ${cells.inRowsLeftOut} in rows left out` : '') +
      (cells.ignored > 0 ? ` + ${cells.ignored} in ignored columns` : '') +
      (cells.beyondHeader > 0 ? ` + ${cells.beyondHeader} beyond their row's header (long-row)` : '') +
      (cells.dropped !== 0 ? ` + ${cells.dropped} dropped` : ''));
    const counts = RULES.filter((r) => c.report.counts[r.id]).map((r) => {
      const found = c.report.divergences.filter((d) => d.rule === r.id);
      const worst = found.map((d) => d.severity).sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a])[0];
      return `${r.id} ${found.length} (${worst})`;
    });
    lines.push(`  divergences: ${counts.length > 0 ? counts.join(', ') : 'none'}`);
  }
  return `${lines.join('\n')}\n`;
}
