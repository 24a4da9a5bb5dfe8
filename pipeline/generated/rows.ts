/* Generated from schema/rows.schema.json by pipeline/tools/generate.js. Do not edit. */

/**
 * The tables errcat read from one source page, as printed by `errcat rows`.
 */
export interface RowsDocument {
  /**
   * The page's path as given.
   */
  file: string;
  /**
   * The page's language, from its file name (zh.md -> zh).
   */
  lang: string;
  tables: SourceTable[];
  /**
   * Things the reader repaired the way the reference renderer does (e.g. a short pipe row padded).
   */
  notes?: ReadNote[];
}
/**
 * This interface was referenced by `RowsDocument`'s JSON-Schema
 * via the `definition` "SourceTable".
 */
export interface SourceTable {
  /**
   * First source line of the table.
   */
  line: number;
  /**
   * Title of the enclosing section.
   */
  section: string | null;
  /**
   * The table's caption or title.
   */
  caption: string | null;
  headerRows: number;
  rows: TableRow[];
}
/**
 * This interface was referenced by `RowsDocument`'s JSON-Schema
 * via the `definition` "TableRow".
 */
export interface TableRow {
  /**
   * First source line of the row's text.
   */
  line: number;
  /**
   * Cells that start in this row; a spanning cell appears once, where it starts.
   */
  cells: TableCell[];
  /**
   * Cells the source row lacked; GFM renders them as empty cells at the end of the row.
   */
  missingCells?: number;
  /**
   * Text of the cells a pipe row has after its header's last column (a `|` in a cell not written as `\|` splits it): GFM does not render them, and they are not read into the catalog; kept here so the long-row check can report them.
   *
   * @minItems 1
   */
  extraCells?: [string, ...string[]];
}
/**
 * This interface was referenced by `RowsDocument`'s JSON-Schema
 * via the `definition` "TableCell".
 */
export interface TableCell {
  /**
   * Visible text: paragraphs joined by a blank line, lines within a paragraph by a newline.
   */
  text: string;
  rowSpan: number;
  colSpan: number;
}
/**
 * This interface was referenced by `RowsDocument`'s JSON-Schema
 * via the `definition` "ReadNote".
 */
export interface ReadNote {
  line: number;
  message: string;
}
