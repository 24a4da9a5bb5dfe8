/**
 * A diff change kind: a named rule with a severity and a message template, like the divergence
 * rules. Each kind looks at one code present on either side and says what changed for consumers.
 */
import type { Catalog, CatalogEntry, LocalizedText } from '../generated/catalog';
import type { Change, Severity } from '../generated/diff';

export type { Severity };

export interface EntryPair {
  catalog: string;
  errorCode: string;
  old: { catalog: Catalog; entry: CatalogEntry } | null;
  new: { catalog: Catalog; entry: CatalogEntry } | null;
}

export type Finding = Omit<Change, 'kind' | 'severity' | 'fingerprint' | 'catalog' | 'errorCode' | 'message'> & {
  params: Record<string, string>;
};

export interface ChangeKind {
  id: string;
  severity: Severity;
  summary: string;
  template: string;
  detect(pair: EntryPair): Finding[];
}

export const TEXT_FIELDS = ['message', 'description', 'measure'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/**
 * Text as a reader sees it: a rewrap, a paragraph split or an HTML table rewritten as a pipe table
 * changes line breaks and spacing only, and that is no change.
 */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '').replace(/\s+/g, ' ').trim() === (b ?? '').replace(/\s+/g, ' ').trim();
}

export function location(side: EntryPair['old'], lang?: string) {
  if (!side) return undefined;
  const langs = lang ? [lang] : [side.catalog.primaryLanguage, ...side.catalog.languages];
  for (const l of langs) {
    const text: LocalizedText | undefined = side.entry.texts[l];
    const file = side.catalog.sources[l];
    if (text && file !== undefined) return { file, line: text.line };
  }
  return undefined;
}

export function languagesOf(pair: EntryPair): string[] {
  const langs = new Set<string>();
  for (const side of [pair.old, pair.new]) if (side) for (const l of Object.keys(side.entry.texts)) langs.add(l);
  return [...langs].sort();
}
