/**
 * What changed for consumers between two versions of the docs. Both sides are catalogs (compiled
 * in memory from pages, or read from a catalog.json); entries are paired by catalog and errorCode,
 * and every change kind looks at every pair. Only values are compared — line numbers, table form,
 * column order and wrapping are not — so a change of form alone is no change.
 */
import { render } from '../check/rule';
import { fingerprint } from '../fingerprint';
import type { Catalog, CatalogEntry } from '../generated/catalog';
import type { Change, DiffReport } from '../generated/diff';
import { compareCodes } from '../merge';
import type { ChangeKind, EntryPair, Severity } from './kind';
import { codeAdded, codeRemoved } from './kinds/codes';
import { variantAdded, variantRemoved } from './kinds/variants';
import { pairVariants } from './variants';
import { fieldAdded, fieldRemoved } from './kinds/fields';
import { languageAdded, languageRemoved } from './kinds/languages';
import { pageStatusChanged, statusChanged } from './kinds/status';
import { descriptionChanged, extraChanged, measureChanged, messageChanged, moduleChanged } from './kinds/texts';
import { translationStale } from './kinds/translation';

export const CHANGE_KINDS: readonly ChangeKind[] = [
  codeRemoved,
  statusChanged,
  variantRemoved,
  messageChanged,
  pageStatusChanged,
  languageRemoved,
  languageAdded,
  codeAdded,
  variantAdded,
  descriptionChanged,
  measureChanged,
  moduleChanged,
  extraChanged,
  fieldAdded,
  fieldRemoved,
  translationStale,
];

export const SEVERITY_RANK: Record<Severity, number> = { breaking: 3, warning: 2, info: 1 };

export interface CatalogSet {
  label: string;
  catalogs: Catalog[];
}

/** Pairs catalogs by name; two single catalogs pair whatever their names (a page against a page). */
function pairCatalogs(old: CatalogSet, next: CatalogSet): Array<[string, Catalog | null, Catalog | null]> {
  if (old.catalogs.length === 1 && next.catalogs.length === 1) {
    return [[next.catalogs[0]!.catalog, old.catalogs[0]!, next.catalogs[0]!]];
  }
  const names = [...new Set([...old.catalogs, ...next.catalogs].map((c) => c.catalog))].sort(compareCodes);
  return names.map((name) => [name, old.catalogs.find((c) => c.catalog === name) ?? null, next.catalogs.find((c) => c.catalog === name) ?? null]);
}

export function diffCatalogSets(old: CatalogSet, next: CatalogSet): DiffReport {
  const changes: Change[] = [];
  const order = new Map(CHANGE_KINDS.map((k, i) => [k.id, i]));
  for (const [name, before, after] of pairCatalogs(old, next)) {
    const oldEntries = new Map<string, CatalogEntry>((before?.entries ?? []).map((e) => [e.errorCode, e]));
    const newEntries = new Map<string, CatalogEntry>((after?.entries ?? []).map((e) => [e.errorCode, e]));
    const codes = [...new Set([...oldEntries.keys(), ...newEntries.keys()])].sort(compareCodes);
    for (const errorCode of codes) {
      const o = oldEntries.get(errorCode);
      const n = newEntries.get(errorCode);
      // A code's variants pair by what they say, never by position: reordered rows are no change,
      // and a variant without a partner is variant-added / variant-removed.
      const pairs: Array<[CatalogEntry | undefined, CatalogEntry | undefined]> =
        o && n ? pairVariants(o, n) : [[o, n]];
      for (const [before2, after2] of pairs) {
        const pair: EntryPair = {
          catalog: name,
          errorCode,
          old: before2 && before ? { catalog: before, entry: before2 } : null,
          new: after2 && after ? { catalog: after, entry: after2 } : null,
          codeOnBothSides: Boolean(o && n),
        };
        for (const kind of CHANGE_KINDS) {
          for (const { params, ...finding } of kind.detect(pair)) {
            const change: Change = {
              kind: kind.id,
              severity: kind.severity,
              fingerprint: changeFingerprint(kind.id, name, errorCode, finding),
              catalog: name,
              errorCode,
              ...stripUndefined(finding),
              message: render(kind.template, params),
            };
            changes.push(change);
          }
        }
      }
    }
  }
  changes.sort(
    (a, b) =>
      order.get(a.kind)! - order.get(b.kind)! ||
      compareCodes(a.catalog, b.catalog) ||
      compareCodes(a.errorCode, b.errorCode) ||
      compareCodes(a.lang ?? '', b.lang ?? '') ||
      compareCodes(a.field ?? '', b.field ?? ''),
  );
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  const ordered: Record<string, number> = {};
  for (const kind of CHANGE_KINDS) if (counts[kind.id]) ordered[kind.id] = counts[kind.id]!;
  return { old: old.label, new: next.label, bump: bumpOf(changes), counts: ordered, changes };
}

const BUMP_RANK = { none: 0, patch: 1, minor: 2, major: 3 } as const;
export type BumpLevel = keyof typeof BUMP_RANK;

/**
 * The semantic-version step the changes call for: the highest of their kinds' (each kind says its
 * own, see kinds/): major when any breaks consumers (a code removed, a status changed), minor when
 * codes, variants, languages or fields were only added, patch for text edits (a page's own status
 * too) and removals that keep every code, none for no change.
 */
export function bumpOf(changes: readonly Change[]): BumpLevel {
  let bump: BumpLevel = 'none';
  const kinds = new Map(CHANGE_KINDS.map((k) => [k.id, k]));
  for (const change of changes) {
    const level = kinds.get(change.kind)?.bump ?? 'patch';
    if (BUMP_RANK[level] > BUMP_RANK[bump]) bump = level;
  }
  return bump;
}

/** Whether a change counts towards the version bump (translation-stale, a note to translators, does not). */
export function callsForBump(change: Change): boolean {
  return CHANGE_KINDS.find((k) => k.id === change.kind)?.bump !== 'none';
}

export function bumpAtLeast(level: BumpLevel, required: BumpLevel): boolean {
  return BUMP_RANK[level] >= BUMP_RANK[required];
}

/** The next version after `version` for `bump` (semantic versioning; a pre-release part is dropped). */
export function nextVersion(version: string, bump: BumpLevel): string {
  const [major, minor, patch] = version.split(/[.-]/).map(Number) as [number, number, number];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return version;
}

function changeFingerprint(kind: string, catalog: string, code: string, finding: Partial<Change>): string {
  const parts = [kind, catalog, code, finding.lang ?? '', finding.field ?? '', JSON.stringify(finding.old ?? null), JSON.stringify(finding.new ?? null)];
  return fingerprint(parts);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
