import type { LineBlock } from './lines';
import { WIDE_PAD } from './lines';

/** A table layout as docutils' table parsers produce it, cells still as raw line blocks. */
export interface TableLayout {
  headerRows: number;
  rows: LayoutRow[];
}

export interface LayoutRow {
  /** Index (in the table's block) of the row's first text line. */
  offset: number;
  cells: LayoutCell[];
}

export interface LayoutCell {
  rowSpan: number;
  colSpan: number;
  content: LineBlock;
}

/** Thrown by the layout parsers; the reader turns it into `file:line: Malformed table: …`. */
export class TableMarkupError extends Error {
  constructor(
    message: string,
    /** Index in the table block of the offending line. */
    readonly offset: number,
  ) {
    super(message);
  }
}

export const GRID_TOP = /^\+-[-+]*-\+$|^\+-\+$/;
const GRID_HEAD_SEPARATOR = /^\+=[=+]*=\+$|^\+=\+$/;

interface Cell {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * docutils' GridTableParser. `lines` are already padded for wide characters and equally long.
 * A table without spans (every border line the same, every text line with `|` under each `+`)
 * is read as the grid it is; any other is traced as docutils traces it. `trace` traces every
 * table: the reference the tests hold the grid reading to.
 */
export function parseGridTable(lines: string[], lineNumbers: number[], options: { trace?: boolean } = {}): TableLayout {
  const block = lines.slice();
  const bottom = block.length - 1;
  let headSeparator: number | null = null;
  for (let i = 0; i < block.length; i++) {
    if (GRID_HEAD_SEPARATOR.test(block[i]!)) {
      if (headSeparator !== null) {
        throw new TableMarkupError(
          `multiple head/body row separators (table lines ${headSeparator + 1} and ${i + 1}); only one allowed`,
          i,
        );
      }
      headSeparator = i;
      block[i] = block[i]!.replace(/=/g, '-');
    }
  }
  if (headSeparator === 0 || headSeparator === bottom) {
    throw new TableMarkupError('the head/body row separator may not be the first or last line of the table', headSeparator);
  }
  return (!options.trace && regularGrid(block, lineNumbers, headSeparator)) || traceGrid(block, lineNumbers, headSeparator);
}

/**
 * Twin of the tracing below for tables without spans, kept: tracing every table cost a seeds build
 * 12% more CPU and every corpus service's build 13% (paired runs, test/bench/compare.js). Held
 * equal to the tracing by test/read/grid-table.test.ts.
 *
 * The layout of a table without spans, or null: every line that starts with `+` is the top
 * border again, and every other line has `|` at each column of a `+` in it. Tracing such a table
 * finds exactly these rows and columns; this takes a string comparison per border and a character
 * per cell and text line, where tracing walks every border character by character (about 3 ms of
 * the seeds' en page, whose table is 450 columns wide).
 */
export function regularGrid(block: string[], lineNumbers: number[], headSeparator: number | null): TableLayout | null {
  const top = block[0]!;
  if (!GRID_TOP.test(top)) return null;
  const columns: number[] = [];
  for (let i = top.indexOf('+'); i !== -1; i = top.indexOf('+', i + 1)) columns.push(i);
  const borders: number[] = [];
  for (let i = 0; i < block.length; i++) {
    const line = block[i]!;
    if (line === top) {
      borders.push(i);
      continue;
    }
    if (line.charCodeAt(0) === 43 /* + */) return null; // a border unlike the top one: spans (or a broken table)
    for (let k = 0; k < columns.length; k++) if (line.charCodeAt(columns[k]!) !== 124 /* | */) return null;
  }
  if (borders[borders.length - 1] !== block.length - 1) return null;
  const rows: LayoutRow[] = [];
  for (let b = 0; b + 1 < borders.length; b++) {
    const cells: LayoutCell[] = [];
    for (let k = 0; k + 1 < columns.length; k++) {
      const cell = { top: borders[b]!, left: columns[k]!, bottom: borders[b + 1]!, right: columns[k + 1]! };
      cells.push({ rowSpan: 1, colSpan: 1, content: cellContent(block, lineNumbers, cell) });
    }
    rows.push({ offset: borders[b]! + 1, cells });
  }
  return { headerRows: headSeparator === null ? 0 : borders.indexOf(headSeparator), rows };
}

/**
 * docutils' tracing: starting from the top-left corner, trace each cell's rectangle (right along
 * its top border, down its right border, back along its bottom, up its left side); each found
 * cell adds its top-right and bottom-left corners as new starting points. Row and column spans
 * fall out of which borders were found.
 */
function traceGrid(block: string[], lineNumbers: number[], headSeparator: number | null): TableLayout {
  const bottom = block.length - 1;
  const right = block[0]!.length - 1;

  const done = new Array<number>(right + 1).fill(-1);
  const rowBoundaries = new Set<number>([0]);
  const colBoundaries = new Set<number>([0]);
  const cells: Cell[] = [];
  // Corners to trace from, smallest (top, left) first, as docutils keeps them sorted; a heap
  // instead of re-sorting a list keeps wide tables linear-ish (n log n in the number of cells).
  const corners = new CornerHeap();
  corners.push([0, 0]);
  const charAt = (row: number, col: number) => block[row]!.charAt(col);

  const scanUp = (top: number, left: number, bot: number): number[] | null => {
    const seps: number[] = [];
    for (let i = bot - 1; i > top; i--) {
      const c = charAt(i, left);
      if (c === '+') seps.push(i);
      else if (c !== '|') return null;
    }
    return seps;
  };
  const scanLeft = (top: number, left: number, bot: number, rgt: number) => {
    // The bottom border between the corners: only - and + (native scans; this runs per cell).
    const line = block[bot]!;
    if (line.charAt(left) !== '+' || NOT_BORDER.test(line.slice(left + 1, rgt))) return null;
    const cols: number[] = [];
    for (let i = line.lastIndexOf('+', rgt - 1); i > left; i = line.lastIndexOf('+', i - 1)) cols.push(i);
    const rows = scanUp(top, left, bot);
    return rows === null ? null : { rows, cols };
  };
  const scanDown = (top: number, left: number, rgt: number) => {
    const rows: number[] = [];
    for (let i = top + 1; i <= bottom; i++) {
      const c = charAt(i, rgt);
      if (c === '+') {
        rows.push(i);
        const found = scanLeft(top, left, i, rgt);
        if (found) return { bottom: i, rows: rows.concat(found.rows), cols: found.cols };
      } else if (c !== '|') {
        return null;
      }
    }
    return null;
  };
  const scanRight = (top: number, left: number) => {
    const line = block[top]!;
    const cols: number[] = [];
    // Along the top border: dashes up to each corner (found natively, not character by character).
    for (let i = left + 1; i <= right; i++) {
      NOT_DASH.lastIndex = i;
      const stop = NOT_DASH.exec(line);
      if (stop === null || stop.index > right) return null;
      i = stop.index;
      if (line.charAt(i) !== '+') return null;
      cols.push(i);
      const found = scanDown(top, left, i);
      if (found) return { bottom: found.bottom, right: i, rows: found.rows, cols: cols.concat(found.cols) };
    }
    return null;
  };

  // Indexing rather than destructuring or for…of in this loop: it runs cold (in V8's interpreter)
  // on most pages, where each iteration of those allocates an iterator result.
  while (corners.size > 0) {
    const corner = corners.pop();
    const top = corner[0];
    const left = corner[1];
    if (top === bottom || left === right || top <= done[left]!) continue;
    if (charAt(top, left) !== '+') continue;
    const found = scanRight(top, left);
    if (!found) continue;
    for (let i = 0; i < found.rows.length; i++) rowBoundaries.add(found.rows[i]!);
    for (let i = 0; i < found.cols.length; i++) colBoundaries.add(found.cols[i]!);
    for (let col = left; col < found.right; col++) {
      if (done[col] !== top - 1) throw new TableMarkupError(`a cell is not a rectangle: it overlaps the cell above it at table line ${top + 1}`, top);
      done[col] = found.bottom - 1;
    }
    cells.push({ top, left, bottom: found.bottom, right: found.right });
    corners.push([top, found.right]);
    corners.push([found.bottom, left]);
  }
  for (let col = 0; col < right; col++) {
    if (done[col] !== bottom - 1) {
      // The first column whose cells stop short shows where the rectangle is broken.
      const stop = Math.max(done[col]! + 1, 0);
      throw new TableMarkupError(
        `parse incomplete: no cell rectangle closes below table line ${stop + 1} at column ${col + 1} (a cell is not a rectangle, or a border is broken)`,
        stop,
      );
    }
  }

  const rowIndex = new Map([...rowBoundaries].sort((a, b) => a - b).map((b, i) => [b, i] as const));
  const colIndex = new Map([...colBoundaries].sort((a, b) => a - b).map((b, i) => [b, i] as const));
  const rowCount = rowIndex.size - 1;
  const rows: LayoutRow[] = [];
  const sortedRowBoundaries = [...rowIndex.keys()];
  for (let r = 0; r < rowCount; r++) rows.push({ offset: sortedRowBoundaries[r]! + 1, cells: [] });
  const placed: Array<Array<{ col: number; cell: LayoutCell }>> = rows.map(() => []);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const r = rowIndex.get(cell.top)!;
    const c = colIndex.get(cell.left)!;
    placed[r]!.push({
      col: c,
      cell: {
        rowSpan: rowIndex.get(cell.bottom)! - r,
        colSpan: colIndex.get(cell.right)! - c,
        content: cellContent(block, lineNumbers, cell),
      },
    });
  }
  placed.forEach((list, r) => {
    list.sort((a, b) => a.col - b.col);
    rows[r]!.cells = list.map((p) => p.cell);
  });
  let headerRows = 0;
  if (headSeparator !== null) {
    const index = rowIndex.get(headSeparator);
    if (index === undefined) throw new TableMarkupError('the head/body row separator does not divide rows', headSeparator);
    headerRows = index;
  }
  return { headerRows, rows };
}

const NOT_DASH = /[^-]/g;
const NOT_BORDER = /[^-+]/;

/** A binary min-heap of (top, left) corners. */
class CornerHeap {
  private items: Array<[number, number]> = [];

  get size(): number {
    return this.items.length;
  }

  push(item: [number, number]): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(items[parent]!, items[i]!) <= 0) break;
      swap(items, parent, i);
      i = parent;
    }
  }

  pop(): [number, number] {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < items.length && compare(items[l]!, items[smallest]!) < 0) smallest = l;
        if (r < items.length && compare(items[r]!, items[smallest]!) < 0) smallest = r;
        if (smallest === i) break;
        swap(items, smallest, i);
        i = smallest;
      }
    }
    return top;
  }
}

function swap(items: Array<[number, number]>, i: number, j: number): void {
  const item = items[i]!;
  items[i] = items[j]!;
  items[j] = item;
}

function compare(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** The text inside a cell's borders, with its common indentation removed (docutils' get_2D_block). */
function cellContent(block: string[], lineNumbers: number[], cell: Cell): LineBlock {
  const text: string[] = [];
  const line: number[] = [];
  let indent = cell.right;
  for (let i = cell.top + 1; i < cell.bottom; i++) {
    const content = block[i]!.slice(cell.left + 1, cell.right).trimEnd();
    text.push(content);
    line.push(lineNumbers[i]!);
    if (content) indent = Math.min(indent, content.length - content.trimStart().length);
  }
  for (let i = 0; i < text.length; i++) {
    let content = text[i]!;
    if (indent > 0 && indent < cell.right) content = content.slice(indent);
    if (content.includes(WIDE_PAD)) content = content.split(WIDE_PAD).join('');
    text[i] = content;
  }
  return { text, line };
}
