/* Generated from schema/divergences.schema.json by pipeline/tools/generate.js. Do not edit. */

/**
 * This interface was referenced by `DivergenceReport`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Where a catalog's languages disagree or its pages are defective: dist/<catalog>/divergences.json.
 */
export interface DivergenceReport {
  catalog: string;
  /**
   * Number of divergences by rule id.
   */
  counts: {
    [k: string]: number | undefined;
  };
  divergences: Divergence[];
}
/**
 * This interface was referenced by `DivergenceReport`'s JSON-Schema
 * via the `definition` "Divergence".
 */
export interface Divergence {
  /**
   * The rule id, e.g. missing-language.
   */
  rule: string;
  severity: Severity;
  /**
   * Stable identity (rule, code, languages, field): survives line moves, so baselines can accept it.
   */
  fingerprint: string;
  errorCode?: string;
  message: string;
  /**
   * @minItems 1
   */
  locations: [Location, ...Location[]];
  /**
   * The disagreeing texts, by language.
   */
  texts?: {
    [k: string]: string | undefined;
  };
}
/**
 * This interface was referenced by `DivergenceReport`'s JSON-Schema
 * via the `definition` "Location".
 */
export interface Location {
  lang: string;
  file: string;
  line: number;
}
