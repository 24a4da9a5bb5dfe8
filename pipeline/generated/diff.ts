/* Generated from schema/diff.schema.json by pipeline/tools/generate.js. Do not edit. */

/**
 * This interface was referenced by `DiffReport`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'breaking' | 'warning' | 'info';

/**
 * What changed for consumers between two versions of the docs: the output of `errcat diff --format json`.
 */
export interface DiffReport {
  /**
   * The old side as given (a path, or git:REV[:PATH]).
   */
  old: string;
  /**
   * The new side as given.
   */
  new: string;
  /**
   * The semantic-version step the changes call for: major when any change is breaking (a code removed, a status changed); minor when codes, variants, languages or fields were added and nothing broke; patch for text-only changes; none for no change. translation-stale records never raise it: they ask for a translator's look, not a new version.
   */
  bump: 'major' | 'minor' | 'patch' | 'none';
  /**
   * Number of changes by kind, for kinds that occur (translation-stale counted under its own kind, apart from the changes that set bump).
   */
  counts: {
    [k: string]: number | undefined;
  };
  /**
   * Sorted by kind (in the order of the kinds table), catalog, errorCode, language.
   */
  changes: Change[];
}
/**
 * This interface was referenced by `DiffReport`'s JSON-Schema
 * via the `definition` "Change".
 */
export interface Change {
  /**
   * The change kind, e.g. code-removed.
   */
  kind: string;
  severity: Severity;
  /**
   * Stable identity of the change (kind, catalog, code, language, field, old and new value): the same change has the same fingerprint on every run.
   */
  fingerprint: string;
  catalog: string;
  errorCode: string;
  /**
   * The language, for per-language kinds; for translation-stale, the language whose text did not change and may now lag behind.
   */
  lang?: string;
  /**
   * The field, for field-added / field-removed and translation-stale.
   */
  field?: string;
  /**
   * translation-stale: the language whose text changed (old and new are its texts).
   */
  changedLang?: string;
  /**
   * translation-stale: the lagging language's text, the same in both versions (laggingLocation is its row in the new version, where a translator would update it).
   */
  unchanged?: string;
  /**
   * The old value, when the kind has one.
   */
  old?: string | number | null;
  /**
   * The new value, when the kind has one.
   */
  new?: string | number | null;
  oldLocation?: Location;
  newLocation?: Location;
  laggingLocation?: Location;
  message: string;
}
/**
 * This interface was referenced by `DiffReport`'s JSON-Schema
 * via the `definition` "Location".
 */
export interface Location {
  file: string;
  line: number;
}
