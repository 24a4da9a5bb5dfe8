/* Generated from schema/baseline.schema.json by pipeline/tools/generate.js. Do not edit. */

/**
 * A catalog's accepted divergences (sources/<catalog>/baseline.json, or <baselines>/<catalog>.json), written by errcat check --update-baseline. errcat check fails only on divergences not accepted here, and lists accepted ones that no longer occur. Entries are matched by fingerprint, which survives line moves.
 */
export interface Baseline {
  /**
   * The catalog the baseline was written for.
   */
  catalog?: string;
  accepted: BaselineEntry[];
}
/**
 * One accepted divergence, as divergences.json gives it.
 *
 * This interface was referenced by `Baseline`'s JSON-Schema
 * via the `definition` "BaselineEntry".
 */
export interface BaselineEntry {
  /**
   * The divergence's fingerprint: what is matched.
   */
  fingerprint: string;
  /**
   * The divergence's rule, for people reading the file and errcat's reports.
   */
  rule: string;
  errorCode?: string;
  /**
   * The divergence's message when it was accepted, for people reading the file and errcat's reports.
   */
  message: string;
}
