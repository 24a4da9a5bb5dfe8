/**
 * Reads the tables of a Markdown page: GFM pipe tables (remark-parse + remark-gfm) and raw HTML
 * `<table>` blocks (parsed with parse5, the HTML parser browsers' rules are written for). Both
 * become the same table model. Tables inside fenced or indented code
 * are code, not tables: only what remark parsed as a table or as an HTML block is looked at.
 */
import type { Html, Nodes, Parent, PhrasingContent, Root, Table } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ErrcatError } from '../../errors';
import type { ReadNote, SourceTable, TableRow } from '../../generated/rows';
import type { SourceText } from '../source';
import { DELIMITER_ROW, findBigTables, readBodyRows, truncateBigTables, verifyTruncated } from './batched-tables';
import { htmlReader } from './html-reader';
import remarkGfmTables from './remark-gfm-tables';

export interface MarkdownTables {
  tables: SourceTable[];
  notes: ReadNote[];
}

const processor = unified().use(remarkParse).use(remarkGfmTables);


const parse = (text: string) => processor.parse(text) as Root;

export function readMarkdown(source: SourceText, options: { batchBigTables?: boolean } = {}): MarkdownTables {
  const lines = source.text.split('\n');
  // Every pipe table of more than one body row has its rows read line by line (see batched-tables).
  const big = options.batchBigTables === false ? [] : findBigTables(lines, 1);
  if (big.length > 0) {
    // Parse the page with its big tables cut short, then their rows in batches (see batched-tables).
    const { text: truncated, pageLine } = truncateBigTables(lines, big);
    const tree = parse(truncated);
    remapLines(tree, pageLine);
    const verified = verifyTruncated(tree, big, source.text);
    if (verified) {
      const prebuilt: WalkState['prebuilt'] = new Map();
      const complete = big.every((t) => {
        const table = verified.get(t)!;
        const notes: ReadNote[] = [];
        const width = table.children[0]!.children.length;
        const rows = readBodyRows(lines, t, parse, cellTexts, (line, texts) => toTableRow(line, texts, width, notes));
        if (rows) prebuilt.set(table, { rows, notes });
        return rows !== null;
      });
      if (complete) return readTree(tree, { file: source.file, text: truncated }, prebuilt, pageLine);
    }
  }
  return readTree(parse(source.text), source, new Map());
}

/**
 * `source.text` must be the text the tree was parsed from (offsets index into it); `pageLine` maps
 * its lines to the page's (the text may be the page with rows cut out).
 */
function readTree(tree: Root, source: SourceText, prebuilt: WalkState['prebuilt'], pageLine: (line: number) => number = (l) => l): MarkdownTables {
  const lineStarts = lineOffsets(source.text);
  const state: WalkState = { source, lineStarts, pageLine, tables: [], notes: [], section: null, consumedUntil: -1, prebuilt };
  walk(tree, state);
  return { tables: state.tables, notes: state.notes };
}

interface WalkState {
  source: SourceText;
  lineStarts: number[];
  /** A line of `source.text` → its line on the page. */
  pageLine: (line: number) => number;
  tables: SourceTable[];
  notes: ReadNote[];
  section: string | null;
  /** Source offset up to which an HTML table already consumed the text. */
  consumedUntil: number;
  /** Body rows of big tables, already read in batches (the table node holds only its header then). */
  prebuilt: Map<Table, { rows: TableRow[]; notes: ReadNote[] }>;
}

function walk(parent: Parent, state: WalkState): void {
  for (const node of parent.children as Nodes[]) {
    const start = node.position?.start.offset ?? 0;
    if (start < state.consumedUntil) continue;
    switch (node.type) {
      case 'heading':
        state.section = phrasingText(node.children).trim().replace(/\s+/g, ' ') || state.section;
        break;
      case 'table':
        state.tables.push(pipeTable(node, state));
        break;
      case 'html':
        htmlBlock(node, state);
        break;
      case 'paragraph':
        checkBrokenPipeTable(node, state);
        if (node.children.some((c) => c.type === 'html' && /<table\b/i.test(c.value))) {
          htmlInParagraph(node, state);
        }
        break;
      case 'code':
        break;
      default:
        if ('children' in node) walk(node as Parent, state);
    }
  }
}

function pipeTable(node: Table, state: WalkState): SourceTable {
  const width = node.children[0]?.children.length ?? 0;
  const batched = state.prebuilt.get(node);
  const source = batched ? node.children.slice(0, 1) : node.children;
  const rows = source.map((row) => convertRow(row, width, state.notes));
  if (batched) {
    // A loop, not push(...rows): a spread of 100,000+ arguments overflows the stack.
    for (const row of batched.rows) rows.push(row);
    for (const note of batched.notes) state.notes.push(note);
  }
  return { line: node.position!.start.line, section: state.section, caption: null, headerRows: rows.length > 0 ? 1 : 0, rows };
}

/** A parsed pipe row as GFM renders it: cut or padded to the header's width (and a note saying so). */
function convertRow(row: Table['children'][number], width: number, notes: ReadNote[]): TableRow {
  return toTableRow(row.position!.start.line, cellTexts(row), width, notes);
}

/** Each cell's visible text. */
function cellTexts(row: Table['children'][number]): string[] {
  return row.children.map((cell) => phrasingText(cell.children).trim());
}

function toTableRow(line: number, texts: string[], width: number, notes: ReadNote[]): TableRow {
  const cells = texts.slice(0, width).map((text) => ({ text, rowSpan: 1, colSpan: 1 }));
  const result: TableRow = { line, cells };
  if (texts.length > width) {
    notes.push({ line, message: `row has ${texts.length} cells, the header ${width}; the extra cells are ignored, as GFM renders them` });
  }
  if (cells.length < width) {
    notes.push({ line, message: `row has ${cells.length} cells, the header ${width}; empty cells added at the end, as GFM renders them` });
    result.missingCells = width - cells.length;
    while (cells.length < width) cells.push({ text: '', rowSpan: 1, colSpan: 1 });
  }
  return result;
}

/** Node positions of a tree parsed from a cut page, as lines of the page (offsets stay the cut page's). */
function remapLines(node: Nodes, pageLine: (line: number) => number): void {
  if (node.position) {
    node.position.start.line = pageLine(node.position.start.line);
    node.position.end.line = pageLine(node.position.end.line);
  }
  if ('children' in node) for (const child of node.children) remapLines(child as Nodes, pageLine);
}

/** The visible text of inline Markdown: markup removed, `<br>` as a line break, other tags dropped. */
function phrasingText(children: PhrasingContent[]): string {
  let out = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'inlineCode':
        out += child.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'html':
        if (/^<br\s*\/?>$/i.test(child.value.trim())) out += '\n';
        break;
      case 'image':
        out += child.alt ?? '';
        break;
      default:
        if ('children' in child) out += phrasingText(child.children as PhrasingContent[]);
    }
  }
  return out;
}

function htmlBlock(node: Html, state: WalkState): void {
  const value = node.value;
  const at = value.search(/<table\b/i);
  if (at < 0) return;
  readHtmlTablesFrom(node.position!.start.offset! + at, state);
}

/** `<table>` can also open inside a paragraph's inline HTML (after an anchor on the same line). */
function htmlInParagraph(node: Parent, state: WalkState): void {
  for (const child of node.children as Nodes[]) {
    if (child.type === 'html' && /<table\b/i.test(child.value)) {
      const offset = child.position!.start.offset! + child.value.search(/<table\b/i);
      if (offset >= state.consumedUntil) readHtmlTablesFrom(offset, state);
    }
  }
}

const TABLE_TAG = /<(\/?)table\b[^>]*>/gi;

/** Takes the source from `<table` to its matching `</table>` (nested tables counted) and reads it. */
function readHtmlTablesFrom(offset: number, state: WalkState): void {
  const text = state.source.text;
  TABLE_TAG.lastIndex = offset;
  let depth = 0;
  let end = -1;
  for (let m = TABLE_TAG.exec(text); m; m = TABLE_TAG.exec(text)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = m.index + m[0].length;
      break;
    }
  }
  const line = state.pageLine(lineAt(state.lineStarts, offset));
  if (end < 0) {
    throw new ErrcatError(state.source.file, line, 'Malformed table: HTML <table> never closes; expected </table> before the end of the page');
  }
  state.tables.push(htmlReader()(text.slice(offset, end), line, state.section));
  state.consumedUntil = end;
}

/**
 * GFM does not read a table whose delimiter row has a different number of cells than its header;
 * it renders both lines as text. A page that meant a table there would silently lose it, so this
 * is an error.
 */
function checkBrokenPipeTable(node: Parent, state: WalkState): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const lines = state.source.text.slice(start, end).split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i]!;
    const delimiter = lines[i + 1]!;
    if (!head.includes('|') || !DELIMITER_ROW.test(delimiter) || !delimiter.includes('-')) continue;
    const headCells = splitPipeRow(head).length;
    const delimiterCells = splitPipeRow(delimiter).length;
    if (headCells !== delimiterCells) {
      const line = (node.position!.start.line) + i + 1;
      throw new ErrcatError(
        state.source.file,
        line,
        `Malformed table: the delimiter row has ${delimiterCells} cells, expected ${headCells} as in the header row above`,
      );
    }
  }
}

function splitPipeRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/);
}

export function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of a source offset (binary search over line starts). */
export function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
