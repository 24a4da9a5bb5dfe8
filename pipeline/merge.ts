/**
 * Stage 3, merge: every language's rows → one entry per error code, holding every documented
 * variant of the code. A page may list a code several times (once per operation, with its own
 * status and texts): each distinct row is a variant, and the languages' variants are paired by
 * what they say — status, message, module, description — in the best assignment over the whole code,
 * page order only breaking ties (pair/); a row left unpaired is a variant in its language only
 * (variant-mismatch reports it), and a row standing for several rows of another language is shared
 * by their variants (variant-group reports it). Identical repeats in one language
 * collapse into one variant (duplicate-code reports them). The primary language decides a
 * variant's httpStatus when the languages disagree (status-mismatch reports it). Only rows with no
 * code or an invalid code are left out here, and the rules report them.
 */
import { MAX_ALIGNMENT_CELLS_PER_MERGE, pairRows, type AlignmentBudget } from './pair/rows';
import type { ResolvedConfig } from './config';
import type { Catalog, CatalogEntry, LocalizedText, Variant } from './generated/catalog';
import { parseStatuses, type SourceRow } from './normalize';

export interface MergeInput {
  catalog: string;
  /** Languages in catalog order (primary first). */
  languages: string[];
  sources: Record<string, string>;
  rows: SourceRow[];
  config: ResolvedConfig;
}

/** One variant of a code: each language's row for it (languages that do not list it are absent). */
export type VariantRows = Map<string, SourceRow>;

export interface Merged {
  catalog: Catalog;
  /** code → language → every row of that language for the code, in page order. */
  byCode: Map<string, Map<string, SourceRow[]>>;
  /** code → its variants, in page order of the first language that lists the code. */
  variants: Map<string, VariantRows[]>;
  /** Rows identical to an earlier row of the same code and language, collapsed into its variant. */
  collapsed: SourceRow[];
  /** Rows whose code is empty or does not match the code pattern. */
  unmergeable: SourceRow[];
}

/**
 * A longer code cell is no code: the code pattern never runs on it. Real codes are a few dozen
 * characters at most; the bound keeps any pattern that passed the settings check (regex-safety/)
 * fast on a hostile cell.
 */
export const MAX_CODE_LENGTH = 256;

/** Whether `code` is, whole, a code the catalog's pattern allows (an empty one included when it does). */
export function matchesCodePattern(code: string, config: ResolvedConfig): boolean {
  return code.length <= MAX_CODE_LENGTH && config.codePattern.test(code);
}

export function isValidCode(code: string, config: ResolvedConfig): boolean {
  return code !== '' && matchesCodePattern(code, config);
}

const nullIfEmpty = (text: string | undefined) => (text === undefined || text === '' ? null : text);

/** What a row says, as one string: two rows say the same thing (every mapped value and every extra cell equal) when their keys are equal. */
export function rowKey(row: SourceRow): string {
  return JSON.stringify([row.values, row.extra ?? null]);
}

export function merge(input: MergeInput): Merged {
  const byCode = new Map<string, Map<string, SourceRow[]>>();
  const unmergeable: SourceRow[] = [];
  for (const row of input.rows) {
    const code = row.values.errorCode ?? '';
    if (!isValidCode(code, input.config)) {
      unmergeable.push(row);
      continue;
    }
    let langs = byCode.get(code);
    if (!langs) byCode.set(code, (langs = new Map()));
    const list = langs.get(row.lang);
    if (list) list.push(row);
    else langs.set(row.lang, [row]);
  }
  const variants = new Map<string, VariantRows[]>();
  const collapsed: SourceRow[] = [];
  const entries: CatalogEntry[] = [];
  const budget: AlignmentBudget = { cells: MAX_ALIGNMENT_CELLS_PER_MERGE };
  for (const code of [...byCode.keys()].sort(compareCodes)) {
    const langs = byCode.get(code)!;
    const codeVariants: VariantRows[] = [];
    for (const lang of input.languages) {
      const rows = langs.get(lang);
      if (!rows) continue;
      if (rows.length === 1) {
        pairInto(codeVariants, lang, rows, budget);
        continue;
      }
      const distinct: SourceRow[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const key = rowKey(row);
        if (seen.has(key)) collapsed.push(row);
        else {
          seen.add(key);
          distinct.push(row);
        }
      }
      pairInto(codeVariants, lang, distinct, budget);
    }
    variants.set(code, codeVariants);
    entries.push(toEntry(code, codeVariants, input.languages));
  }
  return {
    catalog: {
      catalog: input.catalog,
      primaryLanguage: input.config.primaryLanguage,
      languages: input.languages as Catalog['languages'],
      sources: input.sources,
      entries,
    },
    byCode,
    variants,
    collapsed,
    unmergeable,
  };
}

export { MAX_ALIGNMENT_CELLS } from './pair/rows';

/**
 * Adds one language's distinct rows of a code to the variants found so far, paired by what they
 * say (pair/rows.ts). Each unpaired row is a variant of its own, after the variant it follows on its
 * page; a row covering several variants' rows is given to each of them.
 */
function pairInto(variants: VariantRows[], lang: string, rows: SourceRow[], budget: AlignmentBudget): void {
  if (variants.length === 0) {
    for (const row of rows) variants.push(new Map([[lang, row]]));
    return;
  }
  const anchors = variants.map((v) => v.values().next().value as SourceRow);
  const { placed, unpaired, coveredAnchors, coveredRows } = pairRows(anchors, rows, budget);
  placed.forEach((row, k) => row && variants[k]!.set(lang, row));
  for (const [k, row] of coveredAnchors) variants[k]!.set(lang, row);
  const own = (row: SourceRow): VariantRows => {
    const k = coveredRows.get(row);
    if (k === undefined) return new Map([[lang, row]]);
    // The covering variant's other languages, shared; this language's own row.
    const variant: VariantRows = new Map([...variants[k]!].filter(([l]) => l !== lang));
    return variant.set(lang, row);
  };
  const merged: VariantRows[] = [];
  let next = 0;
  const flushUpTo = (after: number) => {
    while (next < unpaired.length && unpaired[next]!.after <= after) merged.push(own(unpaired[next++]!.row));
  };
  flushUpTo(-1);
  variants.forEach((variant, k) => {
    merged.push(variant);
    flushUpTo(k);
  });
  flushUpTo(Infinity);
  variants.length = 0;
  for (const variant of merged) variants.push(variant);
}

function toVariant(rows: VariantRows, languages: string[], shared: ReadonlySet<SourceRow>): Variant {
  const present = languages.filter((l) => rows.has(l)).map((l) => rows.get(l)!);
  const statuses = present.map((r) => parseStatuses(r.values.httpStatus)).find((s) => s !== null) ?? null;
  // Without a prototype: texts are looked up by language, and a language is data.
  const texts: Record<string, LocalizedText> = Object.create(null);
  for (const row of present) {
    texts[row.lang] = {
      module: nullIfEmpty(row.values.module),
      message: nullIfEmpty(row.values.message),
      description: nullIfEmpty(row.values.description),
      measure: nullIfEmpty(row.values.measure),
      line: row.line,
      ...ownStatus(parseStatuses(row.values.httpStatus), statuses),
      ...(row.extra ? { extra: row.extra } : {}),
    };
  }
  return {
    httpStatus: statuses?.[0] ?? null,
    ...(statuses && statuses.length > 1 ? { httpStatuses: statuses as Variant['httpStatuses'] } : {}),
    texts,
    ...sharedTextsOf(present, shared),
  };
}

/** A language's own status, kept in its text only when the page disagrees with the variant's (whose status won). */
function ownStatus(own: number[] | null, chosen: number[] | null): Pick<LocalizedText, 'httpStatus' | 'httpStatuses'> {
  if ((own ?? []).join('/') === (chosen ?? []).join('/')) return {};
  return { httpStatus: own?.[0] ?? null, ...(own && own.length > 1 ? { httpStatuses: own as LocalizedText['httpStatuses'] } : {}) };
}

/** The languages whose row this variant shares with other variants of its code (a row covering several). */
function sharedTextsOf(present: SourceRow[], shared: ReadonlySet<SourceRow>): Pick<Variant, 'sharedTexts'> {
  const langs = present.filter((row) => shared.has(row)).map((row) => row.lang);
  return langs.length > 0 ? { sharedTexts: langs as Variant['sharedTexts'] } : {};
}

/** Rows that more than one variant of a code holds: one row standing for several rows of another language. */
export function sharedRows(variants: readonly VariantRows[]): Set<SourceRow> {
  const seen = new Set<SourceRow>();
  const shared = new Set<SourceRow>();
  for (const variant of variants) for (const row of variant.values()) (seen.has(row) ? shared : seen).add(row);
  return shared;
}

function toEntry(code: string, variants: VariantRows[], languages: string[]): CatalogEntry {
  const shared = variants.length > 1 ? sharedRows(variants) : new Set<SourceRow>();
  const all = variants.map((v) => toVariant(v, languages, shared));
  return { errorCode: code, ...all[0]!, ...(all.length > 1 ? { variants: all as CatalogEntry['variants'] } : {}) };
}

/** Every variant of an entry: its `variants`, or the entry itself when the code has one row per language. */
export function variantsOf(entry: CatalogEntry): readonly Variant[] {
  return entry.variants ?? [entry];
}

/**
 * The status `lang`'s page gives a variant: the language's own (kept in its text when the pages
 * disagree, status-mismatch; null when that page gives none), else the variant's; undefined when
 * the variant has no row in `lang`. The CSV's per-language columns and diff's page-status-changed
 * read it here.
 */
export function pageStatusOf(variant: Variant, lang: string): { httpStatus: number | null; httpStatuses?: number[] } | undefined {
  const text = variant.texts[lang];
  if (text === undefined) return undefined;
  const own = 'httpStatus' in text ? text : variant;
  return { httpStatus: own.httpStatus ?? null, ...(own.httpStatuses !== undefined ? { httpStatuses: own.httpStatuses } : {}) };
}

/** Code order: by code point, so the order is the same on every machine and locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
