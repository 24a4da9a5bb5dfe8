/* Generated from schema/catalog.schema.json by pipeline/tools/generate.js. Do not edit. */

/**
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "Language".
 */
export type Language = string;
/**
 * Every status when the status cell lists several (`400/404`, `400, 404`); httpStatus is the first.
 *
 * @minItems 2
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "HttpStatuses".
 */
export type HttpStatuses = [number, number, ...number[]];

/**
 * A bilingual error-code catalog compiled by errcat from one service's documentation pages.
 */
export interface Catalog {
  /**
   * The catalog's name (its folder under sources/).
   */
  catalog: string;
  /**
   * The language whose status wins when the languages disagree.
   */
  primaryLanguage: string;
  /**
   * @minItems 1
   */
  languages: [Language, ...Language[]];
  /**
   * The page each language was read from, by language.
   */
  sources: {
    [k: string]: string | undefined;
  };
  /**
   * One entry per error code, sorted by errorCode.
   */
  entries: CatalogEntry[];
}
/**
 * One error code. Its own fields are those of its first variant (in the primary language's page order); a code the pages document in several rows (once per operation, with different statuses or texts) also lists every variant.
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "CatalogEntry".
 */
export interface CatalogEntry {
  /**
   * The code the API returns, e.g. CCI.02.409101.
   */
  errorCode: string;
  /**
   * The HTTP status returned with the code (the primary language's when they disagree); null when no page gives one.
   */
  httpStatus: number | null;
  httpStatuses?: HttpStatuses;
  /**
   * What each language's page says of the code, by language.
   */
  texts: {
    [k: string]: LocalizedText | undefined;
  };
  /**
   * Languages whose text here is one row that stands for several rows of another language (it covers them all): each of those rows is a variant of its own, and this language's text is the same in each. The variant-group finding lists them.
   *
   * @minItems 1
   */
  sharedTexts?: [Language, ...Language[]];
  /**
   * Every variant of a code documented in several rows, the first being the entry's own fields; absent when the code has one row per language.
   *
   * @minItems 2
   */
  variants?: [Variant, Variant, ...Variant[]];
}
/**
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "LocalizedText".
 */
export interface LocalizedText {
  /**
   * The module or category this page files the row under (its module column), in this page's language; null when the page has no module column or leaves the cell empty.
   */
  module: string | null;
  /**
   * The literal message the API returns, as this page gives it.
   */
  message: string | null;
  /**
   * What the error means.
   */
  description: string | null;
  /**
   * What to do about it.
   */
  measure: string | null;
  /**
   * The line of the code's row in this language's page.
   */
  line: number;
  /**
   * This page's own status for the row, present only when it differs from the variant's httpStatus (the languages disagree, status-mismatch, and the primary language's status won); null when this page gives no status errcat can read while another language's page does.
   */
  httpStatus?: number | null;
  httpStatuses?: HttpStatuses;
  /**
   * Cells of columns errcat does not map to a field, by their header text as the page writes it (reported by the unmapped-column rule).
   */
  extra?: {
    [k: string]: string | undefined;
  };
}
/**
 * One documented row of a code (paired across languages): its status and each language's texts.
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "Variant".
 */
export interface Variant {
  /**
   * The HTTP status returned with the code (the primary language's when they disagree); null when no page gives one.
   */
  httpStatus: number | null;
  httpStatuses?: HttpStatuses;
  /**
   * What each language's page says of the code, by language.
   */
  texts: {
    [k: string]: LocalizedText | undefined;
  };
  /**
   * Languages whose text here is one row that stands for several rows of another language (it covers them all): each of those rows is a variant of its own, and this language's text is the same in each. The variant-group finding lists them.
   *
   * @minItems 1
   */
  sharedTexts?: [Language, ...Language[]];
}
