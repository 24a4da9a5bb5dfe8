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
  /** One side's entry, or, for a code with several variants, one variant of it as an entry. */
  old: { catalog: Catalog; entry: CatalogEntry } | null;
  new: { catalog: Catalog; entry: CatalogEntry } | null;
  /** The code is on both sides (a side without an entry then lacks one variant, not the code). */
  codeOnBothSides: boolean;
}

export type Finding = Omit<Change, 'kind' | 'severity' | 'fingerprint' | 'catalog' | 'errorCode' | 'message'> & {
  params: Record<string, string>;
};

/** What a change means for a consumer's semantic version: see {@link bumpOf}; none for a note to translators. */
export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface ChangeKind {
  id: string;
  severity: Severity;
  /** How far the catalog's package version must rise for a change of this kind. */
  bump: Bump;
  summary: string;
  template: string;
  detect(pair: EntryPair): Finding[];
}

export const TEXT_FIELDS = ['message', 'description', 'measure'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export { sameText } from '../text';

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
