import type { LayoutCell, LayoutRow, TableLayout } from './grid-table';
import { TableMarkupError } from './grid-table';
import { WIDE_PAD } from './lines';

export const SIMPLE_TOP = /^=+( +=+)+$/;
export const SIMPLE_BORDER = /^=+[ =]*$/;
const SPAN_LINE = /^-[ -]*$/;
const HEAD_SEPARATOR = /^=[ =]*$/;

type Column = [start: number, end: number];

/**
 * docutils' SimpleTableParser. `lines` run from the top border to the bottom border, padded for
 * wide characters. Columns come from the top border; a row starts where the first column has
 * text; a `---` line under a row sets that row's column spans.
 */
export function parseSimpleTable(lines: string[], lineNumbers: number[]): TableLayout {
  const block = lines.slice();
  block[0] = block[0]!.replace(/=/g, '-');
  block[block.length - 1] = block[block.length - 1]!.replace(/=/g, '-');
  let headSeparator: number | null = null;
  for (let i = 0; i < block.length; i++) {
    if (HEAD_SEPARATOR.test(block[i]!)) {
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
  if (headSeparator === 0 || headSeparator === block.length - 1) {
    throw new TableMarkupError('the head/body row separator may not be the first or last line of the table', headSeparator);
  }

  const columns = parseColumns(block[0]!, 0, null, 0);
  // Span lines must end where the top border ends, even after a row's text widened the last column.
  const borderEnd = columns[columns.length - 1]![1];
  const table: Array<{ offset: number; cells: LayoutCell[] }> = [];

  const parseRow = (start: number, end: number, spanLine: [string, number] | null) => {
    if (end <= start && !spanLine) return;
    const rowColumns = spanLine ? parseColumns(spanLine[0], spanLine[1], columns, borderEnd) : columns.map((c) => [...c] as Column);
    checkColumns(block, start, end, rowColumns, columns);
    const cells = initRow(rowColumns, columns, start);
    rowColumns.forEach(([s, e], i) => {
      cells[i]!.content = cellBlock(block, lineNumbers, start, end, s, e);
    });
    table.push({ offset: start, cells });
  };

  const [firstStart, firstEnd] = columns[0]!;
  let offset = 1;
  let start = 1;
  let textFound = false;
  while (offset < block.length) {
    const line = block[offset]!;
    if (SPAN_LINE.test(line)) {
      parseRow(start, offset, [line.trimEnd(), offset]);
      start = offset + 1;
      textFound = false;
    } else if (line.slice(firstStart, firstEnd).trim()) {
      if (textFound && offset !== start) parseRow(start, offset, null);
      start = offset;
      textFound = true;
    } else if (!textFound) {
      start = offset + 1;
    }
    offset++;
  }

  let firstBodyRow = 0;
  if (headSeparator !== null) {
    firstBodyRow = table.findIndex((row) => row.offset > headSeparator!);
    if (firstBodyRow < 0) firstBodyRow = table.length;
  }
  const rows: LayoutRow[] = table.map((row) => ({ offset: row.offset, cells: row.cells }));
  return { headerRows: firstBodyRow, rows };
}

function parseColumns(line: string, offset: number, main: Column[] | null, borderEnd: number): Column[] {
  const cols: Column[] = [];
  let end = 0;
  for (;;) {
    const begin = line.indexOf('-', end);
    if (begin < 0) break;
    end = line.indexOf(' ', begin);
    if (end < 0) end = line.length;
    cols.push([begin, end]);
  }
  if (main) {
    if (cols[cols.length - 1]![1] !== borderEnd) {
      throw new TableMarkupError(`column span incomplete in table line ${offset + 1}`, offset);
    }
    // The rightmost column may run on past the border.
    cols[cols.length - 1] = [cols[cols.length - 1]![0], main[main.length - 1]![1]];
  }
  return cols;
}

function initRow(rowColumns: Column[], main: Column[], offset: number): LayoutCell[] {
  const cells: LayoutCell[] = [];
  let i = 0;
  for (const [start, end] of rowColumns) {
    let colSpan = 1;
    if (main[i]?.[0] !== start) {
      throw new TableMarkupError(`column span alignment problem in table line ${offset + 2}`, offset + 1);
    }
    while (main[i]?.[1] !== end) {
      i++;
      colSpan++;
      if (i >= main.length) {
        throw new TableMarkupError(`column span alignment problem in table line ${offset + 2}`, offset + 1);
      }
    }
    cells.push({ rowSpan: 1, colSpan, content: { text: [], line: [] } });
    i++;
  }
  return cells;
}

/** Text may not stand in the margin between columns; the last column may overflow to the right. */
function checkColumns(block: string[], start: number, end: number, columns: Column[], main: Column[]): void {
  const last = columns.length - 1;
  for (let i = 0; i < columns.length; i++) {
    const [colStart, colEnd] = columns[i]!;
    const nextStart = i < last ? columns[i + 1]![0] : Infinity;
    for (let r = start; r < end; r++) {
      const line = block[r]!;
      if (i === last && line.slice(colEnd).trim()) {
        const newEnd = colStart + line.slice(colStart).trimEnd().length;
        columns[i] = [colStart, Math.max(main[main.length - 1]![1], newEnd)];
        if (newEnd > main[main.length - 1]![1]) main[main.length - 1] = [main[main.length - 1]![0], newEnd];
      } else if (i < last && line.slice(colEnd, nextStart).trim()) {
        throw new TableMarkupError(`text in column margin in table line ${r + 1}`, r);
      }
    }
  }
}

function cellBlock(block: string[], lineNumbers: number[], start: number, end: number, colStart: number, colEnd: number) {
  const text: string[] = [];
  const line: number[] = [];
  let indent = Infinity;
  for (let r = start; r < end; r++) {
    const content = block[r]!.slice(colStart, colEnd).trimEnd();
    text.push(content);
    line.push(lineNumbers[r]!);
    if (content) indent = Math.min(indent, content.length - content.trimStart().length);
  }
  for (let i = 0; i < text.length; i++) {
    let content = text[i]!;
    if (indent !== Infinity && indent > 0) content = content.slice(indent);
    if (content.includes(WIDE_PAD)) content = content.split(WIDE_PAD).join('');
    text[i] = content;
  }
  return { text, line };
}
