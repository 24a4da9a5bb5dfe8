/**
 * Stage 2, normalize: the tables read from a page → the located body rows of its error-code tables,
 * one value per catalog field. A table is an error-code table when a header cell maps to errorCode;
 * row and column spans are expanded so a shared 模块 or status cell applies to every row it covers.
 */
import { ErrcatError } from '../errors';
import type { RowsDocument, SourceTable } from '../generated/rows';
import { type ColumnMapping, type Field, mapHeader } from './columns';

export interface SourceRow {
  lang: string;
  file: string;
  line: number;
  /** The code as written in the cell (wrapped lines and stray spaces included). */
  rawCode: string;
  values: Partial<Record<Field, string>>;
  /** Cells a short pipe row lacked at its start, taken from the row above (see {@link realignShortRow}). */
  borrowedCells?: number;
}

export interface SkippedTable {
  line: number;
  header: string[];
}

export interface NormalizedPage {
  file: string;
  lang: string;
  rows: SourceRow[];
  /** Tables without an error-code column (error-body parameter tables and the like). */
  skipped: SkippedTable[];
}

export interface NormalizeOptions {
  columns?: Readonly<Record<string, ColumnMapping | undefined>>;
  /** Full-match test of a well-formed code, used to realign short rows. */
  isCode?: (code: string) => boolean;
}

export function normalizePage(doc: RowsDocument, options: NormalizeOptions = {}): NormalizedPage {
  const rows: SourceRow[] = [];
  const skipped: SkippedTable[] = [];
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
    const unmapped = header.filter((_, i) => mapped[i] === null);
    if (unmapped.length > 0) {
      throw new ErrcatError(
        doc.file,
        table.rows[headerIndex]?.line ?? table.line,
        `Unknown column ${unmapped.map((h) => `"${h}"`).join(', ')} in an error-code table; expected one of the known headers ` +
          `(错误码, 状态码, 错误信息, 描述, 处理措施, 模块, Error Code, Status Code, …) or a mapping in catalog.json "columns"`,
      );
    }
    const seen = new Map<Field, string>();
    mapped.forEach((field, i) => {
      if (field === null || field === 'ignore') return;
      const before = seen.get(field);
      if (before !== undefined) {
        throw new ErrcatError(doc.file, table.rows[headerIndex]?.line ?? table.line,
          `Columns "${before}" and "${header[i]}" both map to ${field}; map one of them in catalog.json "columns" (or "ignore" it)`);
      }
      seen.set(field, header[i]!);
    });
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
      mapped.forEach((field, i) => {
        if (field !== null && field !== 'ignore') values[field] = cells[i] ?? '';
      });
      const rawCode = values.errorCode ?? '';
      values.errorCode = normalizeCode(rawCode);
      const source: SourceRow = { lang: doc.lang, file: doc.file, line: row.line, rawCode, values };
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
  return { file: doc.file, lang: doc.lang, rows, skipped };
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

/** An HTTP status cell (`409`, or `403 Forbidden` with its reason phrase) as a number, else null. */
export function parseStatus(text: string | undefined): number | null {
  const m = /^([1-5][0-9]{2})(?:\s+[A-Za-z][A-Za-z '-]*)?$/.exec((text ?? '').trim());
  return m ? Number(m[1]) : null;
}

/**
 * A code wrapped over lines in a narrow grid cell (`SVCSTG.AOM.` / `4000001`), or typed with a
 * space after its dot (`DCS. 4855`), is one code: whitespace next to a separator is dropped. Other
 * whitespace is kept, so a cell holding two codes stays visibly invalid.
 */
export function normalizeCode(text: string): string {
  return text.trim().replace(/\s*([._\-:/])\s*/g, '$1');
}
