/**
 * Stage 3, merge: every language's rows → one entry per error code. A code's row in each language
 * gives that language's texts; the primary language decides httpStatus when they disagree (the
 * status-mismatch rule reports it). Rows that cannot be merged — no code, an invalid code, a second
 * row for a code already seen in that language — are left out here and reported by the rules.
 */
import type { ResolvedConfig } from './config';
import type { Catalog, CatalogEntry, LocalizedText } from './generated/catalog';
import { parseStatus, type SourceRow } from './normalize';

export interface MergeInput {
  catalog: string;
  /** Languages in catalog order (primary first). */
  languages: string[];
  sources: Record<string, string>;
  rows: SourceRow[];
  config: ResolvedConfig;
}

export interface Merged {
  catalog: Catalog;
  /** code → language → that language's rows for the code, in page order. */
  byCode: Map<string, Map<string, SourceRow[]>>;
  /** Rows whose code is empty or does not match the code pattern. */
  unmergeable: SourceRow[];
}

export function isValidCode(code: string, config: ResolvedConfig): boolean {
  return code !== '' && config.codePattern.test(code);
}

const nullIfEmpty = (text: string | undefined) => (text === undefined || text === '' ? null : text);

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
  const entries: CatalogEntry[] = [];
  for (const code of [...byCode.keys()].sort(compareCodes)) {
    const langs = byCode.get(code)!;
    const present = input.languages.filter((l) => langs.has(l));
    const first = (lang: string) => langs.get(lang)![0]!;
    const status = present.map((l) => parseStatus(first(l).values.httpStatus)).find((s) => s !== null) ?? null;
    const module = present.map((l) => first(l).values.module).find((m) => m !== undefined && m !== '');
    const texts: Record<string, LocalizedText> = {};
    for (const lang of present) {
      const row = first(lang);
      texts[lang] = {
        message: nullIfEmpty(row.values.message),
        description: nullIfEmpty(row.values.description),
        measure: nullIfEmpty(row.values.measure),
        line: row.line,
      };
    }
    const entry: CatalogEntry = { errorCode: code, httpStatus: status, ...(module !== undefined ? { module } : {}), texts };
    entries.push(entry);
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
    unmergeable,
  };
}

/** Code order: by code point, so the order is the same on every machine and locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
