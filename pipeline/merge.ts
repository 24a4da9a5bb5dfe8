/**
 * Stage 3, merge: every language's rows → one entry per error code, holding every documented
 * variant of the code. A page may list a code several times (once per operation, with its own
 * status and texts): each distinct row is a variant, and the languages' variants are paired — by
 * occurrence order when the languages list the code equally often, else by the best alignment of
 * status, message and module (variant-mismatch reports it). Identical repeats in one language
 * collapse into one variant (duplicate-code reports them). The primary language decides a
 * variant's httpStatus when the languages disagree (status-mismatch reports it). Only rows with no
 * code or an invalid code are left out here, and the rules report them.
 */
import { collapseSpace, sameText } from './text';
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
  for (const code of [...byCode.keys()].sort(compareCodes)) {
    const langs = byCode.get(code)!;
    const codeVariants: VariantRows[] = [];
    for (const lang of input.languages) {
      const rows = langs.get(lang);
      if (!rows) continue;
      if (rows.length === 1) {
        pairInto(codeVariants, lang, rows);
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
      pairInto(codeVariants, lang, distinct);
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

/**
 * The largest alignment (variants so far × this language's rows of one code) computed exactly: a
 * table of that many cells. Real pages list a code at most a few dozen times per language; a page
 * listing one code 20,000 times made a 20k × 20k table (151 s, 3.7 GB). Larger groups pair by
 * {@link pairLargeGroup} instead.
 */
export const MAX_ALIGNMENT_CELLS = 250_000;

/**
 * Adds one language's distinct rows of a code to the variants found so far. Equal counts pair by
 * occurrence order (translated pages list a code's rows in the same order); otherwise an order-
 * preserving alignment pairs the rows that agree most, and each unpaired row is a variant of its own.
 */
function pairInto(variants: VariantRows[], lang: string, rows: SourceRow[]): void {
  if (variants.length === 0 || variants.length === rows.length) {
    rows.forEach((row, i) => {
      if (variants[i]) variants[i]!.set(lang, row);
      else variants.push(new Map([[lang, row]]));
    });
    return;
  }
  const anchors = variants.map((v) => v.values().next().value as SourceRow);
  const { placed, unpaired } = anchors.length * rows.length <= MAX_ALIGNMENT_CELLS ? alignRows(anchors, rows) : pairLargeGroup(anchors, rows);
  placed.forEach((row, k) => row && variants[k]!.set(lang, row));
  // Unpaired rows go after the variant they follow on their page (after -1: before the first), keeping page order.
  const merged: VariantRows[] = [];
  let next = 0;
  const flushUpTo = (after: number) => {
    while (next < unpaired.length && unpaired[next]!.after <= after) merged.push(new Map([[lang, unpaired[next++]!.row]]));
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

interface Pairing {
  /** For each anchor, the row paired with it. */
  placed: Array<SourceRow | undefined>;
  /** Rows paired with no anchor, in page order, each after the anchor it follows. */
  unpaired: Array<{ after: number; row: SourceRow }>;
}

/** The order-preserving alignment of the highest total affinity (every pair scores > 0, so as many pairs as fit). */
function alignRows(anchors: SourceRow[], rows: SourceRow[]): Pairing {
  const n = anchors.length;
  const m = rows.length;
  // best[i][j]: the highest total affinity aligning anchors[i..] with rows[j..].
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, affinity(anchors[i]!, rows[j]!) + best[i + 1]![j + 1]!);
    }
  }
  const placed: Array<SourceRow | undefined> = new Array(n);
  const unpaired: Pairing['unpaired'] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = affinity(anchors[i]!, rows[j]!) + best[i + 1]![j + 1]!;
    if (best[i]![j] === here) {
      placed[i++] = rows[j++];
    } else if (best[i]![j] === best[i + 1]![j]) i++;
    else unpaired.push({ after: i - 1, row: rows[j++]! });
  }
  while (j < m) unpaired.push({ after: n - 1, row: rows[j++]! });
  return { placed, unpaired };
}

/**
 * Pairing for groups too large to align exactly, in time linear in the group: a row first pairs
 * with the earliest free anchor that says the same (status, message and module, the affinity's
 * parts), then the rows left pair with the anchors left in order, as many as there are. Rows beyond
 * that are variants of their own at the end. Found only on pages that list one code thousands of times.
 */
function pairLargeGroup(anchors: SourceRow[], rows: SourceRow[]): Pairing {
  const byKey = new Map<string, number[]>();
  anchors.forEach((anchor, i) => {
    const key = affinityKey(anchor);
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const placed: Array<SourceRow | undefined> = new Array(anchors.length);
  const cursor = new Map<string, number>();
  const left: SourceRow[] = [];
  for (const row of rows) {
    const key = affinityKey(row);
    const list = byKey.get(key);
    const at = cursor.get(key) ?? 0;
    if (list && at < list.length) {
      placed[list[at]!] = row;
      cursor.set(key, at + 1);
    } else left.push(row);
  }
  const unpaired: Pairing['unpaired'] = [];
  let k = 0;
  for (const row of left) {
    while (k < anchors.length && placed[k]) k++;
    if (k < anchors.length) placed[k++] = row;
    else unpaired.push({ after: anchors.length - 1, row });
  }
  return { placed, unpaired };
}

/** What {@link affinity} compares, as one string: rows with equal keys agree on everything it scores. */
function affinityKey(row: SourceRow): string {
  return JSON.stringify([row.values.httpStatus?.trim() ?? '', collapseSpace(row.values.message), collapseSpace(row.values.module)]);
}

/** How much two rows of one code in different languages look like the same variant (> 0 always). */
function affinity(a: SourceRow, b: SourceRow): number {
  let score = 1;
  const statusA = a.values.httpStatus?.trim();
  if (statusA && statusA === b.values.httpStatus?.trim()) score += 2;
  if (a.values.message && sameText(a.values.message, b.values.message)) score += 3;
  if (a.values.module && sameText(a.values.module, b.values.module)) score += 2;
  return score;
}

function toVariant(rows: VariantRows, languages: string[]): Variant {
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
  };
}

/** A language's own status, kept in its text only when the page disagrees with the variant's (whose status won). */
function ownStatus(own: number[] | null, chosen: number[] | null): Pick<LocalizedText, 'httpStatus' | 'httpStatuses'> {
  if ((own ?? []).join('/') === (chosen ?? []).join('/')) return {};
  return { httpStatus: own?.[0] ?? null, ...(own && own.length > 1 ? { httpStatuses: own as LocalizedText['httpStatuses'] } : {}) };
}

function toEntry(code: string, variants: VariantRows[], languages: string[]): CatalogEntry {
  const all = variants.map((v) => toVariant(v, languages));
  return { errorCode: code, ...all[0]!, ...(all.length > 1 ? { variants: all as CatalogEntry['variants'] } : {}) };
}

/** Every variant of an entry: its `variants`, or the entry itself when the code has one row per language. */
export function variantsOf(entry: CatalogEntry): readonly Variant[] {
  return entry.variants ?? [entry];
}

/** Code order: by code point, so the order is the same on every machine and locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
