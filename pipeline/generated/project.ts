/* Generated from schema/project.schema.json by pipeline/tools/generate.js. Do not edit. */

/**
 * A project's settings: errcat.json, found by walking up from the current folder. Paths are relative to this file's folder, with / separators; a page may lie outside the project (../other-docs/…). Every field is optional.
 */
export interface ProjectSettings {
  $schema?: string;
  /**
   * The output folder errcat build writes and errcat check verifies. Default: dist.
   */
  out?: string;
  /**
   * A folder of catalog folders in the default layout (<folder>/<catalog>/<lang>.md|.rst, with catalog.json and baseline.json beside the pages). Default: sources, when no catalog is listed in "catalogs".
   */
  sources?: string;
  /**
   * The folder of the listed catalogs' baselines (<folder>/<catalog>.json). Default: baselines.
   */
  baselines?: string;
  /**
   * Start every catalog.csv with a UTF-8 BOM, for Excel (as errcat build --csv-bom). Default: false.
   */
  csvBom?: boolean;
  /**
   * The catalogs, each naming its pages where they are.
   */
  catalogs?: ProjectCatalog[];
}
/**
 * This interface was referenced by `ProjectSettings`'s JSON-Schema
 * via the `definition` "catalog".
 */
export interface ProjectCatalog {
  /**
   * The catalog's name: its folder in the output and the default package name (<name>-error-codes).
   */
  name: string;
  /**
   * One page per language.
   *
   * @minItems 1
   */
  pages: [ProjectPage, ...ProjectPage[]];
  /**
   * The catalog's accepted divergences. Default: <baselines>/<name>.json.
   */
  baseline?: string;
  /**
   * Whose httpStatus wins on disagreement (default zh, else the first language).
   */
  primaryLanguage?: string;
  /**
   * A regular expression every error code must match in full. A named group `status` lets the status-in-code rule compare the status the code carries with the status column. Default: a letter-led token of letters, digits, dots, underscores and hyphens.
   */
  codePattern?: string;
  severity?: Severity;
  columns?: Columns;
  package?: Package;
}
/**
 * This interface was referenced by `ProjectSettings`'s JSON-Schema
 * via the `definition` "page".
 */
export interface ProjectPage {
  /**
   * The page's language, a BCP 47 tag: zh, en, zh-CN, en-US.
   */
  lang: string;
  /**
   * The page (.md, .markdown, .rst, .txt), relative to this file's folder.
   */
  path: string;
}
/**
 * Severity overrides by rule id; "off" disables a rule.
 */
export interface Severity {
  [k: string]: 'error' | 'warning' | 'info' | 'off' | undefined;
}
/**
 * Extra header mappings: header text → field, or "ignore" for a column errcat should not read.
 */
export interface Columns {
  [k: string]: 'errorCode' | 'httpStatus' | 'module' | 'message' | 'description' | 'measure' | 'ignore' | undefined;
}
/**
 * The npm package errcat build writes into dist/<catalog>/ (package.json, index.js, index.cjs, index.d.ts, README.md).
 */
export interface Package {
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
}
