/* Generated from schema/catalog-config.schema.json by pipeline/tools/generate.js. Do not edit. */

/**
 * Per-catalog settings: sources/<catalog>/catalog.json. Every field is optional.
 */
export interface CatalogConfig {
  $schema?: string;
  /**
   * Whose httpStatus wins on disagreement (default zh, else the first language).
   */
  primaryLanguage?: string;
  /**
   * A regular expression every error code must match in full. A named group `status` lets the status-in-code rule compare the status the code carries with the status column. Default: a letter-led token of letters, digits, dots, underscores and hyphens.
   */
  codePattern?: string;
  /**
   * Severity overrides by rule id; "off" disables a rule.
   */
  severity?: {
    [k: string]: 'error' | 'warning' | 'info' | 'off' | undefined;
  };
  /**
   * Extra header mappings: header text → field, or "ignore" for a column errcat should not read.
   */
  columns?: {
    [k: string]: 'errorCode' | 'httpStatus' | 'module' | 'message' | 'description' | 'measure' | 'ignore' | undefined;
  };
  /**
   * The npm package errcat build writes into dist/<catalog>/ (package.json, index.js, index.cjs, index.d.ts, README.md).
   */
  package?: {
    /**
     * The npm package name. Default: <catalog>-error-codes.
     */
    name?: string;
    /**
     * The package's semantic version (errcat version --write raises it). Default: 0.0.0.
     */
    version?: string;
    description?: string;
    /**
     * An SPDX license expression. Default: UNLICENSED.
     */
    license?: string;
  };
}
