/**
 * Part of the pipe-row cut-out kept beside remark (see cut-page for what it saves); held equal to
 * remark parsing the page whole by test/read/batched.test.ts.
 *
 * The body rows of pipe tables, read line by line. micromark holds a whole table in memory as one
 * construct (about 60 KB and 0.3 ms per row), so a page with tens of thousands of rows would take
 * gigabytes, and even a small table costs more than the rest of its page. Rows of a GFM table are
 * independent lines, so: a row whose cells hold no inline syntax (no character that could start
 * emphasis, code, a link, HTML, an entity or an escape) is split on its pipes directly — its cell
 * text is the cell as written — and the other rows are parsed by remark in batches under the
 * table's own header, with the same results, as long as every line of a batch really is a row.
 * That is verified, batch by batch; anything unexpected makes the caller fall back to parsing the
 * page in one piece.
 */
import type { Root, Table } from 'mdast';
import { codePointAt, codePointBefore, isLetterOrDigit } from '../../code-points';

/** Rows remark parses at once, under their table's header. */
export const BATCH_ROWS = 256;

/** A GFM delimiter row (`|--|:--:|`). */
export const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
/**
 * A line that may hold a link reference definition (`[label]: url`), also inside blockquotes and
 * list items, with escapes in the label; or one that opens a label it does not close (a label may
 * run over lines) on a page with `]:` somewhere. Definitions apply to the whole page, so one
 * anywhere means rows are read with the page.
 */
const CONTAINER_PREFIX = String.raw`^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*\[`;
const DEFINITION = new RegExp(String.raw`${CONTAINER_PREFIX}(?:[^\]\\\n]|\\.)+\]:`, 'm');
const OPEN_LABEL = new RegExp(String.raw`${CONTAINER_PREFIX}(?:[^\]\\\n]|\\.)*$`, 'm');
export const mayDefineLinks = (text: string) => text.includes(']:') && (DEFINITION.test(text) || OPEN_LABEL.test(text));

/** A pipe row's cells as written (untrimmed): outer pipes dropped, split on unescaped pipes. */
export function splitPipeRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/);
}

export interface PipeTable {
  /** 0-based line indexes: the header row, and the body rows [bodyStart, bodyEnd). */
  header: number;
  bodyStart: number;
  bodyEnd: number;
}

/**
 * Candidate pipe tables of two body rows or more: a line with a pipe after a blank line (or at the
 * top), a delimiter row under it, then non-blank lines. Lines in fenced code (`fenced`, see
 * cut-page) are passed over. Only candidates: remark confirms each one (see {@link verifyTruncated}).
 */
export function findPipeTables(lines: string[], fenced: boolean[]): PipeTable[] {
  const found: PipeTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (fenced[i] || !line.includes('|') || /^\s/.test(line) || (i > 0 && lines[i - 1]!.trim() !== '') || !DELIMITER_ROW.test(lines[i + 1]!)) continue;
    let end = i + 2;
    while (end < lines.length && lines[end]!.trim() !== '') end++;
    if (end - (i + 2) > 1) found.push({ header: i, bodyStart: i + 2, bodyEnd: end });
    i = end;
  }
  return found;
}

/** remark must have read each candidate as a table at its header line with exactly one body row. */
export function verifyTruncated(tree: Root, tables: PipeTable[], text: string): Map<PipeTable, Table> | null {
  if (mayDefineLinks(text)) return null; // reference links in cells need the whole page
  const byLine = new Map<number, Table>();
  const visit = (node: { type: string; children?: unknown[]; position?: { start: { line: number } } }) => {
    if (node.type === 'table' && node.position) byLine.set(node.position.start.line, node as unknown as Table);
    else if (node.children) for (const child of node.children) visit(child as typeof node);
  };
  visit(tree as unknown as Parameters<typeof visit>[0]);
  const result = new Map<PipeTable, Table>();
  for (const t of tables) {
    const table = byLine.get(t.header + 1);
    if (!table || table.children.length !== 2) return null;
    result.set(t, table);
  }
  return result;
}

/**
 * Characters that may start inline syntax in a cell: escapes, code, emphasis, HTML and autolinks,
 * character references, strikethrough. `_` only counts next to something other than a letter or
 * digit: between two (`error_code`) it can neither open nor close emphasis. Brackets only make a
 * link or image followed by `(`: these rows come from pages without link reference definitions
 * (see verifyTruncated), where `[%s]` or `[x][y]` stay text as written.
 */
const INLINE_SYNTAX = /[\\`*<&~]|\]\(/;

/** Whether some `_` in `line` is not between two letters or digits (\p{L} \p{N}, whole code points). */
export function hasActiveUnderscore(line: string): boolean {
  for (let i = line.indexOf('_'); i !== -1; i = line.indexOf('_', i + 1)) {
    if (!isLetterOrDigit(codePointBefore(line, i)) || !isLetterOrDigit(codePointAt(line, i + 1))) return true;
  }
  return false;
}

/**
 * The cells of a row line that holds no inline syntax, each as its text: the line starts with a
 * pipe (so it cannot begin any other block), its outer pipes are dropped and the rest is split on
 * pipes, each cell trimmed — what GFM makes of it. Null for any other line.
 */
export function plainRowCells(line: string): string[] | null {
  if (line.charCodeAt(0) !== 124 /* | */ || INLINE_SYNTAX.test(line) || hasActiveUnderscore(line)) return null;
  let end = line.length;
  while (end > 1 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  if (end > 1 && line.charCodeAt(end - 1) === 124) end--;
  const cells = line.slice(1, end).split('|');
  for (let i = 0; i < cells.length; i++) cells[i] = cells[i]!.trim();
  return cells;
}

/**
 * Every body row of a table (converted by `convert` from its line and cell texts): plain rows split
 * directly, the others parsed by `parse` in batches under the table's own header and delimiter rows
 * (given the page's line of each line it parses, for errors),
 * their cell texts taken by `cellTexts`. Null when a batch does not read as exactly its lines (a line
 * that ends the table, e.g. a heading or a quote), so the caller parses the page whole instead.
 */
export function readBodyRows<R>(
  lines: string[],
  t: PipeTable,
  parse: (text: string, pageLine: (index: number) => number) => Root,
  cellTexts: (row: Table['children'][number]) => string[],
  convert: (line: number, texts: string[]) => R,
): R[] | null {
  // Plain rows up to the first that is not are converted at once (the usual case: all of them);
  // the others wait for their batch, so that rows, and their notes, still come in line order.
  const rows: R[] = [];
  const texts: Array<string[] | undefined> = new Array(t.bodyEnd - t.bodyStart);
  const parsed: number[] = [];
  for (let i = t.bodyStart; i < t.bodyEnd; i++) {
    const cells = plainRowCells(lines[i]!);
    if (cells && parsed.length === 0) rows.push(convert(i + 1, cells));
    else if (cells) texts[i - t.bodyStart] = cells;
    else parsed.push(i);
  }
  if (parsed.length === 0) return rows;
  const head = `${lines[t.header]}\n${lines[t.header + 1]}\n`;
  for (let start = 0; start < parsed.length; start += BATCH_ROWS) {
    const batch = parsed.slice(start, start + BATCH_ROWS);
    // Lines of the batch → the page's: the header, the delimiter row, then the batch's rows.
    const pageLine = (index: number) => (index < 2 ? t.header + 1 + index : batch[index - 2]! + 1);
    const tree = parse(head + batch.map((i) => lines[i]).join('\n'), pageLine);
    const [only] = tree.children;
    if (tree.children.length !== 1 || only?.type !== 'table' || only.children.length !== batch.length + 1) return null;
    only.children.slice(1).forEach((row, k) => {
      texts[batch[k]! - t.bodyStart] = cellTexts(row);
    });
  }
  // Converted in line order, so reader notes come out in page order.
  for (let k = rows.length; k < texts.length; k++) rows.push(convert(t.bodyStart + k + 1, texts[k]!));
  return rows;
}
