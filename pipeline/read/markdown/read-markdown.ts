/**
 * Reads the tables of a Markdown page: GFM pipe tables (remark-parse + remark-gfm) and raw HTML
 * `<table>` blocks (parsed with parse5, the HTML parser browsers' rules are written for). Both
 * become the same table model. Tables inside fenced or indented code are code, not tables: only
 * what remark parsed as a table or as an HTML block is looked at. remark is given the page with
 * the rows of its tables cut out (see cut-page), which are read line by line or by parse5.
 */
import type { Html, Nodes, Parent, PhrasingContent, Root, Table } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ErrcatError } from '../../errors';
import type { ReadNote, SourceTable, TableRow } from '../../generated/rows';
import type { SourceText } from '../source';
import { DELIMITER_ROW, findPipeTables, readBodyRows, splitPipeRow, verifyTruncated } from './batched-tables';
import { blankInlineTables, cutLines, fencedLines, findHtmlTables, tableEnd, type CutPage } from './cut-page';
import { htmlReader } from './html-reader';
import remarkGfmTables from './remark-gfm-tables';
import { parseInGroups } from './grouped-parse';

export interface MarkdownTables {
  tables: SourceTable[];
  notes: ReadNote[];
}

const processor = unified().use(remarkParse).use(remarkGfmTables);


const parse = (text: string) => processor.parse(text) as Root;

/**
 * `parseWhole` reads the page with one parse of remark, skipping the cut page (see cut-page) and
 * the limits and groups of grouped-parse: the reference the tests compare the reading with.
 */
export function readMarkdown(source: SourceText, options: { parseWhole?: boolean } = {}): MarkdownTables {
  if (options.parseWhole) return readTree(parse(source.text), source, source.text, new Map(), IDENTITY);
  const cut = readCutPage(source);
  if (cut) return cut;
  const lines = source.text.split('\n');
  const html = findHtmlTables(source.text, lines, fencedLines(lines, source.text));
  const text = blankInlineTables(source.text, source.text, lines, html, (offset) => offset);
  return readTree(parseInGroups(text, parse, { file: source.file }), { file: source.file, text }, source.text, new Map(), IDENTITY);
}

const IDENTITY: Pick<CutPage, 'pageLine' | 'pageOffset' | 'cutOffset'> = { pageLine: (l) => l, pageOffset: (o) => o, cutOffset: (o) => o };

/**
 * The page read with its pipe-table rows and the inside of its HTML tables cut out of what remark
 * parses (see cut-page); null when that may read differently from the page parsed whole (a table
 * not found where expected, rows that end a table), so the caller parses it whole.
 */
function readCutPage(source: SourceText): MarkdownTables | null {
  const lines = source.text.split('\n');
  // Every pipe table of more than one body row has its rows read line by line (see batched-tables).
  const fenced = fencedLines(lines, source.text);
  const pipes = findPipeTables(lines, fenced);
  const html = findHtmlTables(source.text, lines, fenced);
  const cuts: Array<[number, number]> = [
    ...pipes.map((t): [number, number] => [t.bodyStart + 1, t.bodyEnd]),
    ...html.map((r): [number, number] => [r.openLine + 1, r.closeLine]),
  ]
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  if (cuts.length === 0) return null;
  for (let i = 1; i < cuts.length; i++) if (cuts[i]![0] < cuts[i - 1]![1]) return null;
  const page = cutLines(lines, cuts);
  const text = blankInlineTables(page.text, source.text, lines, html, page.cutOffset);
  const tree = parseInGroups(text, parse, { file: source.file, pageLine: (index) => page.pageLine(index + 1) });
  remapLines(tree, page.pageLine);
  const verified = verifyTruncated(tree, pipes, source.text);
  if (!verified) return null;
  const prebuilt: WalkState['prebuilt'] = new Map();
  for (const t of pipes) {
    const table = verified.get(t)!;
    const notes: ReadNote[] = [];
    const width = table.children[0]!.children.length;
    const parseRows = (text: string, pageLine: (index: number) => number) => parseInGroups(text, parse, { file: source.file, pageLine });
    const rows = readBodyRows(lines, t, parseRows, cellTexts, (line, texts) => toTableRow(line, texts, width, notes));
    if (!rows) return null;
    prebuilt.set(table, { rows, notes });
  }
  const read = readTree(tree, { file: source.file, text }, source.text, prebuilt, page);
  return html.every((r) => read.htmlRead.has(r.start)) ? read : null;
}

/**
 * `parsed.text` is the text the tree was parsed from (its offsets index into it); `original` is the
 * page, from which HTML tables are read; `maps` turn the parsed text's lines and offsets into the page's.
 */
function readTree(
  tree: Root,
  parsed: SourceText,
  original: string,
  prebuilt: WalkState['prebuilt'],
  maps: Pick<CutPage, 'pageLine' | 'pageOffset' | 'cutOffset'>,
): MarkdownTables & { htmlRead: Set<number> } {
  const state: WalkState = { source: parsed, original, ...maps, tables: [], notes: [], section: null, consumedUntil: -1, prebuilt, htmlRead: new Set() };
  walk(tree, state);
  return { tables: state.tables, notes: state.notes, htmlRead: state.htmlRead };
}

interface WalkState extends Pick<CutPage, 'pageLine' | 'pageOffset' | 'cutOffset'> {
  /** What remark parsed: the page, or the page with lines cut out (see cut-page). */
  source: SourceText;
  /** The page as written: HTML tables are read from it. */
  original: string;
  /** Lines of the page, for the line of an HTML table (computed when first needed). */
  originalLineStarts?: number[];
  /** Where each HTML table read starts on the page (the offset of its `<table`). */
  htmlRead: Set<number>;
  tables: SourceTable[];
  notes: ReadNote[];
  section: string | null;
  /** Offset of the parsed text up to which an HTML table already consumed it. */
  consumedUntil: number;
  /** Body rows of pipe tables, already read line by line (the table node holds only its header and first row then). */
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
  // A loop, not slice and map: this runs once per row of tables of tens of thousands of rows.
  const cells: TableRow['cells'] = [];
  for (let i = 0; i < texts.length && i < width; i++) cells.push({ text: texts[i]!, rowSpan: 1, colSpan: 1 });
  const result: TableRow = { line, cells };
  if (texts.length > width) {
    notes.push({ line, message: `row has ${texts.length} cells, the header ${width}; the extra cells are ignored, as GFM renders them` });
    // Kept on the row, not only in the note: text there is text the catalog lacks (long-row).
    result.extraCells = texts.slice(width) as [string, ...string[]];
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

/** Reads the HTML table whose `<table` is at `offset` of the parsed text, from the page, to its matching `</table>`. */
function readHtmlTablesFrom(offset: number, state: WalkState): void {
  const start = state.pageOffset(offset);
  const end = tableEnd(state.original, start);
  state.originalLineStarts ??= lineOffsets(state.original);
  const line = lineAt(state.originalLineStarts, start);
  if (end < 0) {
    throw new ErrcatError(state.source.file, line, 'Malformed table: HTML <table> never closes; expected </table> before the end of the page');
  }
  state.tables.push(htmlReader()(state.original.slice(start, end), line, state.section));
  state.htmlRead.add(start);
  state.consumedUntil = state.cutOffset(end);
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
