/**
 * Stage 2, normalize: the tables read from a page → the located body rows of its error-code tables,
 * one value per catalog field. A table is an error-code table when a header cell maps to errorCode;
 * row and column spans are expanded so a shared 模块 or status cell applies to every row it covers.
 */
import { ErrcatError } from '../errors';
import { spacedAround } from '../text';
import type { RowsDocument, SourceTable } from '../generated/rows';
import { type ColumnMapping, type ColumnSettings, type Field, mapHeader } from './columns';

export interface SourceRow {
  lang: string;
  file: string;
  line: number;
  /** The code as written in the cell (wrapped lines and stray spaces included). */
  rawCode: string;
  values: Partial<Record<Field, string>>;
  /**
   * Cells of columns that map to no field, by header text (kept in the catalog as `extra`); a later
   * column with the same header text under that text numbered (see {@link extraKeys}). An object
   * without a prototype, so a header named `__proto__` is a key like any other.
   */
  extra?: Record<string, string>;
  /** How many non-empty cells the row's values and extra hold, counted from them (see compile's accounting). */
  keptCells?: number;
  /** Cells a short pipe row lacked at its start, taken from the row above (see {@link realignShortRow}). */
  borrowedCells?: number;
  /** Non-empty text a pipe row has after its header's last column: on the page, not in the catalog (long-row). */
  beyondHeader?: string[];
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
  /** The key its cells are kept under in `extra`: the header text, numbered when an earlier column has the same text. */
  key: string;
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
  /**
   * Non-empty body cells of the error-code tables, spans filled in; `ignored` of them in columns set
   * to "ignore", `beyondHeader` after a pipe row's last column (not read into any field).
   */
  cells: { read: number; ignored: number; beyondHeader: number };
}

export interface NormalizeOptions {
  /** The catalog's "columns" setting (see columnSettings). */
  columns?: ColumnSettings;
  /** Full-match test of a well-formed code, used to realign short rows. */
  isCode?: (code: string) => boolean;
}

export function normalizePage(doc: RowsDocument, options: NormalizeOptions = {}): NormalizedPage {
  const rows: SourceRow[] = [];
  const skipped: SkippedTable[] = [];
  const unmapped: UnmappedColumn[] = [];
  const cells = { read: 0, ignored: 0, beyondHeader: 0 };
  let codeTables = 0;
  const budget = new CellBudget(doc);
  for (const table of doc.tables) {
    const { grid, shortBy } = expandSpansWithGaps(table, budget);
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
    // build: its cells are kept under the header text (numbered when repeated) and unmapped-column
    // reports it.
    const keys = extraKeys(header);
    const extraKey: Array<string | null> = header.map(() => null);
    const filled = new Map<Field, string>();
    mapped.forEach((field, i) => {
      const text = header[i]!;
      if (field === 'ignore') return;
      if (field === null) {
        extraKey[i] = keys[i]!;
        unmapped.push({ lang: doc.lang, file: doc.file, line: headerLine, header: text, key: keys[i]! });
        return;
      }
      const before = filled.get(field);
      if (before === undefined) {
        filled.set(field, text);
        return;
      }
      mapped[i] = null;
      extraKey[i] = keys[i]!;
      unmapped.push({ lang: doc.lang, file: doc.file, line: headerLine, header: text, key: keys[i]!, duplicateOf: { field, header: before } });
    });
    const moduleColumn = mapped.indexOf('module');
    let module = '';
    for (let r = headerIndex + 1; r < grid.length; r++) {
      const row = table.rows[r]!;
      let rowCells = grid[r]!;
      let borrowedCells: number | undefined;
      const missing = Math.max(row.missingCells ?? 0, shortBy[r] ?? 0);
      if (missing > 0 && r > headerIndex + 1) {
        const realigned = realignShortRow(rowCells, missing, mapped, grid[r - 1]!, options.isCode);
        if (realigned) {
          rowCells = realigned;
          grid[r] = realigned;
          borrowedCells = missing;
        }
      }
      const values: Partial<Record<Field, string>> = {};
      let extra: Record<string, string> | undefined;
      mapped.forEach((field, i) => {
        const text = rowCells[i] ?? '';
        if (text !== '') {
          cells.read++;
          if (field === 'ignore') cells.ignored++;
        }
        if (field !== null && field !== 'ignore') values[field] = text;
        else if (extraKey[i] !== null && text !== '') (extra ??= Object.create(null) as Record<string, string>)[extraKey[i]!] = text;
      });
      // Counted from what the row holds, not from the cells: a cell that did not land (two columns
      // under one key) shows as read but not kept.
      let keptCells = extra ? Object.keys(extra).length : 0;
      for (const field of Object.keys(values) as Field[]) if (values[field] !== '') keptCells++;
      // A module column groups rows: the name stands in the first row of its group and the cells
      // below are left empty (a grid table cannot span them). Those rows belong to that module.
      if (moduleColumn >= 0) {
        if ((values.module ?? '').trim() !== '') module = values.module!;
        else values.module = module;
      }
      const rawCode = values.errorCode ?? '';
      values.errorCode = normalizeCode(rawCode);
      const source: SourceRow = { lang: doc.lang, file: doc.file, line: row.line, rawCode, values, keptCells };
      if (extra) source.extra = extra;
      if (borrowedCells) source.borrowedCells = borrowedCells;
      const beyond = row.extraCells?.filter((text) => text !== '');
      if (beyond !== undefined && beyond.length > 0) {
        source.beyondHeader = beyond;
        cells.read += beyond.length;
        cells.beyondHeader += beyond.length;
      }
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
  return { file: doc.file, lang: doc.lang, rows, skipped, unmapped, cells };
}

/**
 * The key of each column's cells in `extra`: its header text, and for the second and later columns
 * with the same text that text numbered from 2 (`备注 (2)`, an empty header `(2)`), skipping any
 * key that is another column's header or key. Numbers only grow per text, so this stays linear
 * however the headers are chosen.
 */
export function extraKeys(header: readonly string[]): string[] {
  const taken = new Set(header);
  const seen = new Set<string>();
  const next = new Map<string, number>();
  return header.map((text) => {
    if (!seen.has(text)) {
      seen.add(text);
      return text;
    }
    let n = next.get(text) ?? 2;
    let key = numbered(text, n);
    while (taken.has(key)) key = numbered(text, ++n);
    next.set(text, n + 1);
    taken.add(key);
    return key;
  });
}

const numbered = (text: string, n: number) => (text === '' ? `(${n})` : `${text} (${n})`);

/**
 * How many cells a page's tables may hold once their spans are filled in (rows × width, short rows
 * padded): {@link CELLS_PER_WRITTEN_CELL} per cell the page writes, and at least
 * {@link MIN_CELL_BUDGET}. Real tables grow by at most a quarter (the largest holds 1,500 cells); a
 * 33 KB page of `colspan`/`rowspan` 1000 cells grew to gigabytes, and spans within the HTML limits
 * still can. Bounding the area keeps this stage, and everything made from its rows, linear in the page.
 */
export const CELLS_PER_WRITTEN_CELL = 16;
export const MIN_CELL_BUDGET = 10_000;

class CellBudget {
  readonly limit: number;
  used = 0;

  constructor(readonly doc: RowsDocument) {
    let written = 0;
    for (const table of doc.tables) for (const row of table.rows) written += row.cells.length;
    this.limit = Math.max(MIN_CELL_BUDGET, CELLS_PER_WRITTEN_CELL * written);
  }

  /** Takes `cells` more for `table`; an error naming the table and what was found when they exceed the limit. */
  take(table: SourceTable, cells: number, found: () => string): void {
    this.used += cells;
    if (this.used <= this.limit) return;
    throw new ErrcatError(
      this.doc.file,
      table.line,
      `table too large once its row and column spans are filled in: this page's tables may hold at most ${this.limit} cells ` +
        `(${CELLS_PER_WRITTEN_CELL} per cell the page writes, at least ${MIN_CELL_BUDGET}); found ${found()}`,
    );
  }
}

/** Every row as a full list of cell texts, spanning cells repeated in every position they cover. */
export function expandSpans(table: SourceTable): string[][] {
  return expandSpansWithGaps(table, new CellBudget({ file: '', lang: '', tables: [table] })).grid;
}

/**
 * {@link expandSpans}, and for each row how many positions at its end no cell covers (a row with
 * fewer cells than the table is wide) — counted only for rows that no span from above reaches into,
 * where the missing cells can only be the row's own. Cells are taken from the page's budget
 * before they are made.
 */
function expandSpansWithGaps(table: SourceTable, budget: CellBudget): { grid: string[][]; shortBy: number[] } {
  const grid: Array<Array<string | undefined>> = table.rows.map(() => []);
  const spannedInto = table.rows.map(() => false);
  // Spans are counted as they are filled in (a bound: overlapping spans count twice), the
  // padding of short rows once the width is known; the page's budget is then charged the area.
  const start = budget.used;
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c] !== undefined) c++;
      const rows = Math.min(cell.rowSpan, grid.length - r);
      budget.take(table, rows * cell.colSpan, () => `at least ${budget.used}, with the cell at line ${row.line} spanning ${cell.colSpan} column(s) × ${rows} row(s)`);
      for (let dr = 0; dr < rows; dr++) {
        if (dr > 0) spannedInto[r + dr] = true;
        for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr]![c + dc] = cell.text;
      }
      c += cell.colSpan;
    }
  });
  let width = 0;
  for (const row of grid) if (row.length > width) width = row.length;
  budget.used = start;
  budget.take(table, grid.length * width, () => `${budget.used} with this table of ${grid.length} rows × ${width} columns`);
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
 * (`400/404`, `400, 404`, `400 或 404`, or one per line or paragraph of the cell). Null when the
 * cell is not made of statuses alone.
 */
export function parseStatuses(text: string | undefined): number[] | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return null;
  const single = STATUS.exec(trimmed);
  if (single) return [Number(single[1])];
  const statuses: number[] = [];
  for (const part of trimmed.split(STATUS_LIST_SEPARATOR)) {
    if (part.trim() === '') return null;
    // A part with no separator may still hold one status per line or paragraph; lines by a plain
    // split (a pattern around line breaks would rescan long runs of spaces).
    for (const line of part.split('\n')) {
      if (line.trim() === '') continue;
      const m = STATUS.exec(line.trim());
      if (!m) return null;
      const status = Number(m[1]);
      if (!statuses.includes(status)) statuses.push(status);
    }
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
