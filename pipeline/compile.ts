/**
 * One catalog through all stages: read → normalize → merge → check → emit. Returns the artifacts
 * as text keyed by their path under the output folder, so `build` writes them and `check`
 * compares them without touching the disk twice.
 */
import { runChecks } from './check';
import { ErrcatError } from './errors';
import { loadConfig, resolveConfig, type CatalogConfig, type ResolvedConfig } from './config';
import { closest } from './language';
import { headerKey } from './normalize/columns';
import { Artifacts } from './emit/artifacts';
import { emitCsv } from './emit/csv';
import { emitReviewPage } from './emit/html/review';
import { packageFiles, packageInfo, type PackageInfo } from './emit/package';
import { toJson } from './emit/json';
import { emitReport } from './emit/report';
import { emitTypeScript } from './emit/typescript';
import type { Catalog } from './generated/catalog';
import type { DivergenceReport } from './generated/divergences';
import type { ReadNote } from './generated/rows';
import { matchesCodePattern, merge } from './merge';
import { normalizePage, type NormalizedPage, type SourceRow } from './normalize';
import { columnSettings } from './normalize/columns';
import { readPage, readPageBytes } from './read';
import type { CatalogSpec } from './sources';
import { catalogSchema, validateCatalog } from './validate';

export interface PageSummary {
  lang: string;
  file: string;
  tables: number;
  codeTables: number;
  rows: number;
  /** What the reader noted about the page's text (a pipe row cut or padded to its header's width, …). */
  notes: ReadNote[];
  skipped: NormalizedPage['skipped'];
}

export interface CompiledCatalog {
  spec: CatalogSpec;
  catalog: Catalog;
  report: DivergenceReport;
  pages: PageSummary[];
  /**
   * Body rows of error-code tables: read = kept + excluded (by rule). A kept row is in the catalog
   * as a variant's text, or collapsed into one as its identical repeat. `cells` counts their
   * non-empty cells the same way, so a cell lost on the way shows even when its row was kept.
   */
  accounting: { read: number; kept: number; excluded: Record<string, number>; cells: CellAccounting };
  /** Made when read (see emit/artifacts): compiling is done, emitting happens as they are written. */
  artifacts: Artifacts;
  package: PackageInfo;
}

/**
 * Non-empty body cells (spans filled in): read = kept + in rows left out + in columns set to
 * "ignore" + beyond a pipe row's header (long-row reports them) + dropped. Kept and left out are
 * counted from what the rows hold, read from the tables, so dropped is a cell no row holds: zero
 * unless a stage loses data.
 */
export interface CellAccounting {
  read: number;
  kept: number;
  inRowsLeftOut: number;
  ignored: number;
  beyondHeader: number;
  dropped: number;
}

export interface CompileOptions {
  csvBom?: boolean;
}

export function compileCatalog(spec: CatalogSpec, options: CompileOptions = {}): CompiledCatalog {
  const config = spec.config ?? loadConfig(spec.configPath, spec.configRequired, spec.configText);
  const declared = spec.pages.map((p) => p.lang);
  const resolved = resolveConfig(config, declared);
  if (!declared.includes(resolved.primaryLanguage)) {
    throw new ErrcatError(spec.configPath ?? spec.name, 0, `primaryLanguage "${resolved.primaryLanguage}" has no page; pages: ${declared.join(', ')}`);
  }
  const languages = [resolved.primaryLanguage, ...declared.filter((l) => l !== resolved.primaryLanguage).sort()];
  const pages = [...spec.pages].sort((a, b) => languages.indexOf(a.lang) - languages.indexOf(b.lang));
  const isCode = (code: string) => matchesCodePattern(code, resolved);
  const summaries: PageSummary[] = [];
  const columns = columnSettings(resolved.columns);
  const headers = new Map<string, string>();
  const normalized = pages.map((page) => {
    const doc = page.bytes ? readPageBytes(page.file, page.bytes, { lang: page.lang }) : readPage(page.file, { lang: page.lang });
    const result = normalizePage(doc, { columns, isCode });
    requireEntries(page.file, result, resolved, config.codePattern !== undefined);
    for (const table of doc.tables) for (const cell of table.rows[Math.max(table.headerRows, 1) - 1]?.cells ?? []) if (!headers.has(headerKey(cell.text))) headers.set(headerKey(cell.text), cell.text);
    summaries.push({
      lang: page.lang,
      file: page.file,
      tables: doc.tables.length,
      codeTables: doc.tables.length - result.skipped.length,
      rows: result.rows.length,
      notes: doc.notes ?? [],
      skipped: result.skipped,
    });
    return result;
  });
  requireKnownColumns(spec, config, headers);
  const rows = normalized.flatMap((p) => p.rows);
  const sources = Object.fromEntries(pages.map((p) => [p.lang, p.file]));
  const merged = merge({ catalog: spec.name, languages, sources, rows, config: resolved });
  const unmapped = normalized.flatMap((p) => p.unmapped);
  const { report, excluded } = runChecks(spec.name, { merged, rows, unmapped, languages, config: resolved });
  validateCatalog(merged.catalog, spec.name);

  const excludedByRule: Record<string, number> = {};
  const excludedRows = new Set<SourceRow>();
  for (const { row, rule } of excluded) {
    if (excludedRows.has(row)) continue;
    excludedRows.add(row);
    excludedByRule[rule] = (excludedByRule[rule] ?? 0) + 1;
  }
  // A row counts once: a covering row of a variant group stands in every variant it covers.
  const keptRowSet = new Set<SourceRow>(merged.collapsed);
  for (const variants of merged.variants.values()) for (const variant of variants) for (const row of variant.values()) keptRowSet.add(row);
  const keptRows = keptRowSet.size;
  let keptCells = 0;
  for (const row of keptRowSet) keptCells += row.keptCells ?? 0;
  let inRowsLeftOut = 0;
  for (const row of excludedRows) inRowsLeftOut += row.keptCells ?? 0;
  const read = normalized.reduce((n, p) => n + p.cells.read, 0);
  const ignored = normalized.reduce((n, p) => n + p.cells.ignored, 0);
  const beyondHeader = normalized.reduce((n, p) => n + p.cells.beyondHeader, 0);
  const cells: CellAccounting = { read, kept: keptCells, inRowsLeftOut, ignored, beyondHeader, dropped: read - keptCells - inRowsLeftOut - ignored - beyondHeader };

  return {
    spec,
    catalog: merged.catalog,
    report,
    pages: summaries,
    accounting: { read: rows.length, kept: keptRows, excluded: excludedByRule, cells },
    ...catalogArtifacts(spec.name, merged.catalog, report, packageInfo(merged.catalog, resolved), options),
  };
}

/**
 * A page must give entries: error-code tables whose rows hold no code (a "Returned Value" column of
 * a parameter table, a code pattern that matches nothing) are a mistake to stop at, not an empty
 * catalog to publish.
 */
function requireEntries(file: string, page: NormalizedPage, config: ResolvedConfig, patternSet: boolean): void {
  const withCode = page.rows.filter((r) => (r.values.errorCode ?? '') !== '');
  if (withCode.some((r) => config.codePattern.test(r.values.errorCode!))) return;
  const cells = withCode.map((r) => r.rawCode.trim());
  const line = page.rows[0]?.line ?? 0;
  const examples = [...new Set(cells)].slice(0, 3).map((c) => JSON.stringify(c.length > 40 ? `${c.slice(0, 40)}…` : c)).join(', ');
  if (patternSet && cells.length > 0) {
    throw new ErrcatError(file, line, `"codePattern" ${JSON.stringify(config.codePatternSource)} matches none of this page's ${cells.length} code cells (e.g. ${examples}); fix the pattern in the catalog's settings`);
  }
  throw new ErrcatError(
    file,
    line,
    `the error-code tables give 0 entries: ${page.rows.length} rows, ` +
      (cells.length === 0 ? 'none with a code cell' : `none with a code (code cells such as ${examples} are not codes)`) +
      '; expected a table of error codes such as CCI.02.409101',
  );
}

/** Every "columns" setting must name a header some page has: a typo would otherwise be ignored without a word. */
function requireKnownColumns(spec: CatalogSpec, config: CatalogConfig, headers: Map<string, string>): void {
  for (const header of Object.keys(config.columns ?? {})) {
    if (headers.has(headerKey(header))) continue;
    const guess = closest(header, headers.values());
    throw new ErrcatError(
      spec.configPath ?? spec.name,
      0,
      `"columns" names the header ${JSON.stringify(header)}, which no table of ${spec.pages.map((p) => p.file).join(', ')} has` +
        (guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''),
    );
  }
}

/**
 * The artifacts of a compiled catalog, made when read. A function of its own so that the makers
 * hold the catalog and its report only, not the rows they were merged from.
 */
function catalogArtifacts(name: string, catalog: Catalog, report: DivergenceReport, pkg: PackageInfo, options: CompileOptions): Pick<CompiledCatalog, 'artifacts' | 'package'> {
  const artifacts = new Artifacts()
    .set(`${name}/catalog.json`, () => toJson(catalog))
    .set(`${name}/catalog.ts`, () => emitTypeScript(catalog))
    .set(`${name}/catalog.csv`, () => emitCsv(catalog, { bom: options.csvBom }))
    .set(`${name}/divergences.json`, () => toJson(report))
    .set(`${name}/divergences.md`, () => emitReport(catalog, report))
    .set(`${name}/index.html`, () => emitReviewPage(catalog, report));
  for (const [file, make] of packageFiles(catalog, pkg)) artifacts.set(`${name}/${file}`, make);
  return { artifacts, package: pkg };
}

/** Artifacts shared by every catalog. */
export function sharedArtifacts(): Artifacts {
  return new Artifacts().set('catalog.schema.json', () => toJson(catalogSchema));
}
