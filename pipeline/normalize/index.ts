/**
 * Stage 2, normalize: the tables read from a page → the located body rows of its error-code tables,
 * one value per catalog field. A table is an error-code table when a header cell maps to errorCode;
 * row and column spans are expanded so a shared 模块 or status cell applies to every row it covers.
 */
import { ErrcatError } from '../errors';
import { spacedAround } from '../text';
import type { RowsDocument, SourceTable } from '../generated/rows';
import { type ColumnMapping, type Field, mapHeader } from './columns';

export interface SourceRow {
  lang: string;
  file: string;
  line: number;
  /** The code as written in the cell (wrapped lines and stray spaces included). */
  rawCode: string;
  values: Partial<Record<Field, string>>;
  /** Cells of columns that map to no field, by header text (kept in the catalog as `extra`). */
  extra?: Record<string, string>;
  /** Cells a short pipe row lacked at its start, taken from the row above (see {@link realignShortRow}). */
  borrowedCells?: number;
}

export interface SkippedTable {
  line: number;
  header: string[];
}

/** A column of an error-code table that maps to no field: its cells are kept as `extra`. */
export interface UnmappedColumn {
  lang: string;
  file: string;
  line: number;
  header: string;
  /** Set when the header is known but another column of the table already fills that field. */
  duplicateOf?: { field: Field; header: string };
}

export interface NormalizedPage {
  file: string;
  lang: string;
  rows: SourceRow[];
  /** Tables without an error-code column (error-body parameter tables and the like). */
  skipped: SkippedTable[];
  unmapped: UnmappedColumn[];
}

export interface NormalizeOptions {
  columns?: Readonly<Record<string, ColumnMapping | undefined>>;
  /** Full-match test of a well-formed code, used to realign short rows. */
  isCode?: (code: string) => boolean;
}

export function normalizePage(doc: RowsDocument, options: NormalizeOptions = {}): NormalizedPage {
  const rows: SourceRow[] = [];
  const skipped: SkippedTable[] = [];
  const unmapped: UnmappedColumn[] = [];
  let codeTables = 0;
  for (const table of doc.tables) {
    const { grid, shortBy } = expandSpansWithGaps(table);
    const headerIndex = Math.max(table.headerRows, 1) - 1;
    const header = grid[headerIndex] ?? [];
    const mapped = header.map((text) => mapHeader(text, options.columns));
    if (!mapped.includes('errorCode')) {
      skipped.push({ line: table.line, header });
      continue;
    }
    codeTables++;
    const headerLine = table.rows[headerIndex]?.line ?? table.line;
    // A column errcat cannot map, or a second column for a field already filled, never stops the
    // build: its cells are kept under the header text and unmapped-column reports it.
    const extraHeaders: Array<string | null> = header.map(() => null);
    const filled = new Map<Field, string>();
    mapped.forEach((field, i) => {
      const text = header[i]!;
      if (field === 'ignore') return;
      if (field === null) {
        extraHeaders[i] = text;
        unmapped.push({ lang: doc.lang, file: doc.file, line: headerLine, header: text });
        return;
      }
      const before = filled.get(field);
      if (before === undefined) {
        filled.set(field, text);
        return;
      }
      mapped[i] = null;
      extraHeaders[i] = text;
      unmapped.push({ lang: doc.lang, file: doc.file, line: headerLine, header: text, duplicateOf: { field, header: before } });
    });
    const moduleColumn = mapped.indexOf('module');
    let module = '';
    for (let r = headerIndex + 1; r < grid.length; r++) {
      const row = table.rows[r]!;
      let cells = grid[r]!;
      let borrowedCells: number | undefined;
      const missing = Math.max(row.missingCells ?? 0, shortBy[r] ?? 0);
      if (missing > 0 && r > headerIndex + 1) {
        const realigned = realignShortRow(cells, missing, mapped, grid[r - 1]!, options.isCode);
        if (realigned) {
          cells = realigned;
          grid[r] = realigned;
          borrowedCells = missing;
        }
      }
      const values: Partial<Record<Field, string>> = {};
      let extra: Record<string, string> | undefined;
      mapped.forEach((field, i) => {
        if (field !== null && field !== 'ignore') values[field] = cells[i] ?? '';
        else if (extraHeaders[i] !== null && (cells[i] ?? '') !== '') (extra ??= {})[extraHeaders[i]!] = cells[i]!;
      });
      // A module column groups rows: the name stands in the first row of its group and the cells
      // below are left empty (a grid table cannot span them). Those rows belong to that module.
      if (moduleColumn >= 0) {
        if ((values.module ?? '').trim() !== '') module = values.module!;
        else values.module = module;
      }
      const rawCode = values.errorCode ?? '';
      values.errorCode = normalizeCode(rawCode);
      const source: SourceRow = { lang: doc.lang, file: doc.file, line: row.line, rawCode, values };
      if (extra) source.extra = extra;
      if (borrowedCells) source.borrowedCells = borrowedCells;
      rows.push(source);
    }
  }
  if (codeTables === 0) {
    const headers = skipped.map((t) => `line ${t.line}: ${t.header.join(' | ')}`).join('; ');
    throw new ErrcatError(
      doc.file,
      0,
      `No error-code table; expected a table with a header such as 错误码 or Error Code` + (headers ? ` (tables found: ${headers})` : ' (no tables found)'),
    );
  }
  return { file: doc.file, lang: doc.lang, rows, skipped, unmapped };
}

/** Every row as a full list of cell texts, spanning cells repeated in every position they cover. */
export function expandSpans(table: SourceTable): string[][] {
  return expandSpansWithGaps(table).grid;
}

/**
 * {@link expandSpans}, and for each row how many positions at its end no cell covers (a row with
 * fewer cells than the table is wide) — counted only for rows that no span from above reaches into,
 * where the missing cells can only be the row's own.
 */
function expandSpansWithGaps(table: SourceTable): { grid: string[][]; shortBy: number[] } {
  const grid: Array<Array<string | undefined>> = table.rows.map(() => []);
  const spannedInto = table.rows.map(() => false);
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < grid.length; dr++) {
        if (dr > 0) spannedInto[r + dr] = true;
        for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr]![c + dc] = cell.text;
      }
      c += cell.colSpan;
    }
  });
  let width = 0;
  for (const row of grid) if (row.length > width) width = row.length;
  const shortBy = grid.map((row, r) => (spannedInto[r] ? 0 : width - row.length));
  const full = grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  return { grid: full, shortBy };
}

/**
 * A row with fewer cells than its table is wide is rendered with its cells to the left (GFM pads
 * pipe rows at the end; browsers leave HTML rows short), but writers usually meant the first cells
 * to be shared with the row above (a 模块 or status whose rowspan was forgotten or miscounted).
 * When the shifted reading is the more plausible one (a code in the code column, a status in the
 * status column), shift the row and take the leading cells from the row above; short-row reports it.
 */
function realignShortRow(
  cells: string[],
  missing: number,
  mapped: Array<ColumnMapping | null>,
  previous: string[],
  isCode: ((code: string) => boolean) | undefined,
): string[] | null {
  if (!isCode) return null;
  const codeColumn = mapped.indexOf('errorCode');
  if (codeColumn < missing) return null;
  const statusColumn = mapped.indexOf('httpStatus');
  // How plausible a reading is: a code where the code goes, a status (or nothing) where the status goes.
  const score = (row: string[]) =>
    (isCode(normalizeCode(row[codeColumn] ?? '')) ? 1 : 0) +
    (statusColumn >= 0 && ((row[statusColumn] ?? '').trim() === '' || parseStatus(row[statusColumn]) !== null) ? 1 : 0);
  const shifted = [...previous.slice(0, missing), ...cells.slice(0, cells.length - missing)];
  return score(shifted) > score(cells) ? shifted : null;
}

const STATUS = /^([1-5][0-9]{2})(?:\s+[A-Za-z][A-Za-z '-]*)?$/;
// Slash, comma, semicolon (also the full-width ，； and the ideographic 、), `or`, `或`; written as
// escapes so the bundle stays ASCII (a non-ASCII character makes V8 hold the whole script as UTF-16).
// Whitespace around it is matched in linear time (see spacedAround).
const STATUS_LIST_SEPARATOR = spacedAround('[/,;\\uff0c\\u3001\\uff1b|]|\\bor\\b|\\u6216');

/**
 * An HTTP status cell as its statuses: `409`, `403 Forbidden` (with its reason phrase), or several
 * (`400/404`, `400, 404`, `400 或 404`). Null when the cell is not made of statuses alone.
 */
export function parseStatuses(text: string | undefined): number[] | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return null;
  const single = STATUS.exec(trimmed);
  if (single) return [Number(single[1])];
  const statuses: number[] = [];
  for (const part of trimmed.split(STATUS_LIST_SEPARATOR)) {
    const m = STATUS.exec(part);
    if (!m) return null;
    const status = Number(m[1]);
    if (!statuses.includes(status)) statuses.push(status);
  }
  return statuses;
}

/** The first status of a status cell, else null. */
export function parseStatus(text: string | undefined): number | null {
  return parseStatuses(text)?.[0] ?? null;
}

/** A code's joining character with the whitespace around it (linear in a whitespace run: see spacedAround). */
const CODE_JOINER = spacedAround('([._\\-:/])', 'g');

/**
 * A code as it was meant: a code wrapped over lines in a narrow grid cell (`SVCSTG.AOM.` /
 * `4000001`), typed with a space after its dot (`DCS. 4855`) or inside a word
 * between words mostly capitalised (`Request-URI Too Large`, `System Capacity Not enough`), is one
 * code, read without the whitespace. A cell holding two codes (`DIS.0001 DIS.0002`: two parts carry
 * digits) or prose (mostly lower-case words: `VPC does not exist`) keeps its spaces, so it stays
 * visibly invalid.
 */
export function normalizeCode(text: string): string {
  const joined = text.trim().replace(CODE_JOINER, '$1');
  const parts = joined.split(/\s+/);
  const capitalised = parts.slice(1).filter((p) => /^[A-Z]/.test(p)).length;
  if (parts.length < 2 || parts.filter((p) => /[0-9]/.test(p)).length > 1 || capitalised * 2 < parts.length - 1) return joined;
  return parts.join('');
}
