/**
 * reStructuredText body elements, enough of docutils' Body state machine to know (a) which lines
 * are tables and which are literal blocks, directives or comments that only look like them, and
 * (b) the visible text of a table cell: paragraphs, lists, admonitions, definition lists, literal
 * blocks and nested tables, joined the way docutils' `astext()` joins them.
 */
import { ErrcatError } from '../../errors';
import type { SourceTable } from '../../generated/rows';
import { GRID_TOP, TableMarkupError, parseGridTable, type TableLayout } from './grid-table';
import { inlineText, type PageRefs } from './inline';
import { columnWidth, dedent, indentOf, isBlank, joinParagraphLines, padWide, slice, type LineBlock } from './lines';
import { SIMPLE_BORDER, SIMPLE_TOP, parseSimpleTable } from './simple-table';

/** A body element reduced to what errcat needs: its text, and where tables and titles are. */
export type RstNode =
  | { kind: 'text'; text: string }
  | { kind: 'group'; children: RstNode[] }
  | { kind: 'title'; text: string }
  /** A table: listed in ctx.tables, and its cells' text is part of the cell it is nested in. */
  | { kind: 'table'; index: number; text: string };

export interface ParseContext {
  file: string;
  refs: PageRefs;
  /** Every table in document order (a table before the tables nested in its cells). */
  tables: SourceTable[];
  section: string | null;
  /** What docutils warns about but reads anyway (a blank line missing after a table). */
  notes: Array<{ line: number; message: string }>;
  /** Bodies being parsed, one inside another (see {@link MAX_NESTING}). */
  depth?: number;
}

/**
 * Indented blocks (block quotes, list items, table cells, directives) inside one another, at most.
 * Each level is parsed by a call of its own and copies its lines: thousands of levels overflowed the
 * call stack, and cost the square of their number. Real pages nest a few.
 */
export const MAX_NESTING = 64;

const BULLET = /^([-+*\u2022\u2023\u2043])( +|$)/;
const ENUMERATOR = /^(?:\(([0-9]+|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|#)\)|([0-9]+|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|#)([.)]))( +|$)/;
const FIELD_MARKER = /^:(?![: ])(?:[^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)/;
const LINE_BLOCK = /^\|( +|$)/;
const EXPLICIT = /^\.\.( +|$)/;
const ANONYMOUS_TARGET = /^__( +|$)/;
/** A line of one repeated punctuation character: a section adornment or a transition. */
export const ADORNMENT = /^([!-/:-@[-`{-~])\1*$/;
// Directive names are letters and digits of any script, but nearly every directive line is ASCII,
// and the \p{L}\p{N} patterns cost V8 about a millisecond to compile. So the ASCII pattern first:
// where it matches, the Unicode one matches the same way (the name is the same shortest run); the
// Unicode pattern is compiled only for a line with other characters that the ASCII one refused.
const DIRECTIVE = /^\.\. +([A-Za-z0-9][A-Za-z0-9\-_.:+]*?) ?::( +|$)/;
const SUBSTITUTION_DEF = /^\.\. +\|([^|]+)\| +([A-Za-z0-9][A-Za-z0-9\-_.:+]*?) ?::( +|$)/;
let unicodeExplicit: { directive: RegExp; substitution: RegExp } | undefined;

function execExplicit(kind: 'directive' | 'substitution', line: string): RegExpExecArray | null {
  const ascii = (kind === 'directive' ? DIRECTIVE : SUBSTITUTION_DEF).exec(line);
  if (ascii || !/[^\0-\x7f]/.test(line)) return ascii;
  unicodeExplicit ??= {
    directive: /^\.\. +([\p{L}\p{N}][\p{L}\p{N}\-_.:+]*?) ?::( +|$)/u,
    substitution: /^\.\. +\|([^|]+)\| +([\p{L}\p{N}][\p{L}\p{N}\-_.:+]*?) ?::( +|$)/u,
  };
  return unicodeExplicit[kind].exec(line);
}

const ADMONITIONS = new Set(['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning']);
const CONTAINERS = new Set(['container', 'compound', 'epigraph', 'highlights', 'pull-quote', 'line-block']);
const TITLED_CONTAINERS = new Set(['admonition', 'topic', 'sidebar']);

/** Parses a block of lines into body nodes; `titles` is false inside cells, where docutils refuses sections. */
export function parseBody(block: LineBlock, ctx: ParseContext, titles: boolean): RstNode[] {
  const depth = (ctx.depth ?? 0) + 1;
  if (depth > MAX_NESTING) {
    throw new ErrcatError(
      ctx.file,
      block.line[0] ?? 0,
      `reStructuredText nested too deeply: more than ${MAX_NESTING} block quotes, list items, table cells or directives inside one another here; expected at most ${MAX_NESTING}`,
    );
  }
  ctx.depth = depth;
  try {
    return parseBodyAt(block, ctx, titles);
  } finally {
    ctx.depth = depth - 1;
  }
}

function parseBodyAt(block: LineBlock, ctx: ParseContext, titles: boolean): RstNode[] {
  const nodes: RstNode[] = [];
  const lines = block.text;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '') {
      i++;
      continue;
    }
    if (indentOf(line) > 0) {
      // An indented block here is a block quote; its contents are ordinary body elements.
      const end = indentedEnd(lines, i + 1);
      nodes.push(group(parseBody(dedent(slice(block, i, end)).block, ctx, false)));
      i = end;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = BULLET.exec(line))) {
      i = parseBulletList(block, i, ctx, nodes);
      continue;
    }
    if ((m = ENUMERATOR.exec(line)) && enumeratedItemAllowed(lines, i, m)) {
      i = parseEnumeratedList(block, i, ctx, nodes);
      continue;
    }
    if (FIELD_MARKER.test(line)) {
      i = parseFieldList(block, i, ctx, nodes);
      continue;
    }
    if (LINE_BLOCK.test(line)) {
      const start = i;
      while (i < lines.length && (LINE_BLOCK.test(lines[i]!) || (lines[i] !== '' && indentOf(lines[i]!) > 0))) i++;
      for (let k = start; k < i; k++) {
        const text = lines[k]!.replace(LINE_BLOCK, '').trim();
        nodes.push({ kind: 'text', text: inlineText(text, ctx.refs) });
      }
      continue;
    }
    if (GRID_TOP.test(line)) {
      i = parseGrid(block, i, ctx, nodes, null);
      continue;
    }
    if (SIMPLE_TOP.test(line)) {
      i = parseSimple(block, i, ctx, nodes, null);
      continue;
    }
    if (EXPLICIT.test(line)) {
      i = parseExplicit(block, i, ctx, nodes);
      continue;
    }
    if (ANONYMOUS_TARGET.test(line)) {
      i = indentedEnd(lines, i + 1);
      continue;
    }
    if (ADORNMENT.test(line)) {
      // An overlined title (adornment, title, same adornment) or a transition.
      const title = lines[i + 1];
      const under = lines[i + 2];
      if (title !== undefined && title.trim() !== '' && under === line) {
        if (titles) addTitle(title.trim(), ctx, nodes);
        i += 3;
        continue;
      }
      if (title === undefined || title === '') {
        i++;
        continue;
      }
    }
    i = parseText(block, i, ctx, nodes, titles);
  }
  return nodes;
}

function group(children: RstNode[]): RstNode {
  return { kind: 'group', children };
}

function addTitle(text: string, ctx: ParseContext, nodes: RstNode[]): void {
  const title = inlineText(text, ctx.refs);
  ctx.section = title;
  nodes.push({ kind: 'title', text: title });
}

/** End (exclusive) of the indented lines starting at `start`: blank lines and lines indented by one or more. */
function indentedEnd(lines: string[], start: number): number {
  let end = start;
  while (end < lines.length && (lines[end] === '' || lines[end]!.charCodeAt(0) === 32)) end++;
  while (end > start && lines[end - 1] === '') end--;
  return end;
}

/**
 * docutils' get_first_known_indented: the first line minus `firstIndent` columns, then the
 * indented lines after it, dedented by their common indentation.
 */
function firstKnownIndented(
  block: LineBlock,
  start: number,
  firstIndent: number,
  stripTop = true,
): { content: LineBlock; end: number } {
  const end = indentedEnd(block.text, start + 1);
  const rest = dedent(slice(block, start + 1, end)).block;
  const content: LineBlock = {
    text: [block.text[start]!.slice(firstIndent), ...rest.text],
    line: [block.line[start]!, ...rest.line],
  };
  while (stripTop && content.text.length > 0 && content.text[0] === '') {
    content.text.shift();
    content.line.shift();
  }
  return { content, end };
}

function parseBulletList(block: LineBlock, start: number, ctx: ParseContext, nodes: RstNode[]): number {
  const lines = block.text;
  const bullet = lines[start]![0];
  const items: RstNode[] = [];
  let i = start;
  for (;;) {
    const m = BULLET.exec(lines[i]!)!;
    const { content, end } = firstKnownIndented(block, i, m[0].length);
    items.push(group(parseBody(content, ctx, false)));
    i = end;
    let next = i;
    while (next < lines.length && lines[next] === '') next++;
    const following = lines[next];
    if (following === undefined || following[0] !== bullet || !BULLET.test(following)) break;
    i = next;
  }
  nodes.push(group(items));
  return i;
}

interface Enumerator {
  format: string;
  sequence: string;
  ordinal: number | null;
}

function parseEnumerator(m: RegExpExecArray, expected?: string): Enumerator {
  const text = m[1] ?? m[2]!;
  const format = m[1] !== undefined ? 'parens' : m[3] === ')' ? 'rparen' : 'period';
  let sequence = '';
  if (text === '#') sequence = '#';
  else if (expected && SEQUENCES[expected]?.test(text)) sequence = expected;
  else if (text === 'i') sequence = 'lowerroman';
  else if (text === 'I') sequence = 'upperroman';
  if (!sequence) sequence = Object.keys(SEQUENCES).find((s) => SEQUENCES[s]!.test(text))!;
  return { format, sequence, ordinal: ordinalOf(sequence, text) };
}

const SEQUENCES: Record<string, RegExp> = {
  arabic: /^[0-9]+$/,
  loweralpha: /^[a-z]$/,
  upperalpha: /^[A-Z]$/,
  lowerroman: /^[ivxlcdm]+$/,
  upperroman: /^[IVXLCDM]+$/,
};

function ordinalOf(sequence: string, text: string): number | null {
  switch (sequence) {
    case '#':
      return 1;
    case 'arabic':
      return Number(text);
    case 'loweralpha':
    case 'upperalpha':
      return text.toLowerCase().charCodeAt(0) - 96;
    default:
      return romanToInt(text.toUpperCase());
  }
}

function romanToInt(text: string): number | null {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = values[text[i]!]!;
    const next = values[text[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && intToRoman(total) === text ? total : null;
}

function intToRoman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

function enumeratorText(e: Enumerator, ordinal: number): string[] {
  let text: string;
  switch (e.sequence) {
    case 'arabic': text = String(ordinal); break;
    case 'loweralpha': text = String.fromCharCode(96 + ordinal); break;
    case 'upperalpha': text = String.fromCharCode(64 + ordinal); break;
    case 'lowerroman': text = intToRoman(ordinal).toLowerCase(); break;
    case 'upperroman': text = intToRoman(ordinal); break;
    default: text = '#';
  }
  const wrap = (t: string) => (e.format === 'parens' ? `(${t})` : e.format === 'rparen' ? `${t})` : `${t}.`);
  return [wrap(text), wrap('#')];
}

/** docutils only reads "1. text" as a list item when the next line is blank, indented or the next item. */
function enumeratedItemAllowed(lines: string[], i: number, m: RegExpExecArray): boolean {
  const e = parseEnumerator(m);
  if (e.ordinal === null) return false;
  const next = lines[i + 1];
  if (next === undefined || next === '' || next[0] === ' ') return true;
  return enumeratorText(e, e.ordinal + 1).some((t) => next.startsWith(t));
}

function parseEnumeratedList(block: LineBlock, start: number, ctx: ParseContext, nodes: RstNode[]): number {
  const lines = block.text;
  const first = parseEnumerator(ENUMERATOR.exec(lines[start]!)!);
  let ordinal = first.ordinal!;
  const items: RstNode[] = [];
  let i = start;
  for (;;) {
    const m = ENUMERATOR.exec(lines[i]!)!;
    const { content, end } = firstKnownIndented(block, i, m[0].length);
    items.push(group(parseBody(content, ctx, false)));
    i = end;
    let next = i;
    while (next < lines.length && lines[next] === '') next++;
    const following = lines[next];
    const nm = following === undefined ? null : ENUMERATOR.exec(following);
    if (!nm) break;
    const e = parseEnumerator(nm, first.sequence);
    if (e.format !== first.format || (e.sequence !== first.sequence && e.sequence !== '#') || (e.sequence !== '#' && e.ordinal !== ordinal + 1)) break;
    if (!enumeratedItemAllowed(lines, next, nm)) break;
    ordinal++;
    i = next;
  }
  nodes.push(group(items));
  return i;
}

function parseFieldList(block: LineBlock, start: number, ctx: ParseContext, nodes: RstNode[]): number {
  const lines = block.text;
  const fields: RstNode[] = [];
  let i = start;
  for (;;) {
    const m = FIELD_MARKER.exec(lines[i]!)!;
    const name = m[0].trim().slice(1, -1);
    const { content, end } = firstKnownIndented(block, i, m[0].length);
    fields.push(group([{ kind: 'text', text: inlineText(name, ctx.refs) }, group(parseBody(content, ctx, false))]));
    i = end;
    let next = i;
    while (next < lines.length && lines[next] === '') next++;
    if (next >= lines.length || !FIELD_MARKER.test(lines[next]!)) break;
    i = next;
  }
  nodes.push(group(fields));
  return i;
}

/** The lines of a table: the text block (up to a blank line), as docutils isolates it. */
function textBlockEnd(lines: string[], start: number): number {
  let end = start;
  while (end < lines.length && lines[end] !== '') end++;
  return end;
}

function malformed(ctx: ParseContext, line: number, why: string): ErrcatError {
  return new ErrcatError(ctx.file, line, `Malformed table: ${why}`);
}

function parseGrid(block: LineBlock, start: number, ctx: ParseContext, nodes: RstNode[], caption: string | null): number {
  const lines = block.text;
  let end = textBlockEnd(lines, start);
  const width = columnWidth(lines[start]!);
  const padded: string[] = [];
  let brokenAt = -1;
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (line[0] !== '+' && line[0] !== '|') {
      if (line[0] === ' ') {
        // An indented line right below a complete table ends it, as in docutils, which reads the
        // table and warns that a blank line should follow it; inside a table it is an error.
        if (padded.length >= 3 && GRID_TOP.test(padded[padded.length - 1]!)) {
          ctx.notes.push({ line: block.line[i]!, message: 'a blank line is expected after the table above; the indented line is not part of it (docutils reads it the same way)' });
          end = i;
          break;
        }
        throw malformed(ctx, block.line[i]!, `unexpected indentation inside the table (the line is indented by ${indentOf(line)}); expected "+" or "|" at column 1`);
      }
      brokenAt = i;
      end = i;
      break;
    }
    padded.push(padWide(line));
  }
  if (!GRID_TOP.test(padded[padded.length - 1]!)) {
    // No bottom border: docutils takes the last border line above as the bottom if there is one.
    let bottom = -1;
    for (let k = padded.length - 2; k > 1; k--) {
      if (GRID_TOP.test(padded[k]!)) {
        bottom = k;
        break;
      }
    }
    if (bottom < 0) {
      if (brokenAt >= 0) {
        throw malformed(ctx, block.line[brokenAt]!, `broken left border; expected "+" or "|" at column 1, found "${lines[brokenAt]![0]}"`);
      }
      throw malformed(ctx, block.line[start + padded.length - 1]!, `no bottom border; expected a line like "+----+" to close the table that starts at line ${block.line[start]}`);
    }
    padded.length = bottom + 1;
    end = start + bottom + 1;
  }
  for (let k = 0; k < padded.length; k++) {
    const line = padded[k]!;
    if (line.length !== width || (line[line.length - 1] !== '+' && line[line.length - 1] !== '|')) {
      const found = line.length === width ? `"${line[line.length - 1]}"` : `a line ${line.length} columns wide`;
      throw malformed(ctx, block.line[start + k]!, `ragged right border; expected "+" or "|" at column ${width} as on the table's first line, found ${found}`);
    }
  }
  let layout: TableLayout;
  try {
    layout = parseGridTable(padded, block.line.slice(start, start + padded.length));
  } catch (error) {
    if (error instanceof TableMarkupError) throw malformed(ctx, block.line[start + error.offset] ?? block.line[start]!, error.message);
    throw error;
  }
  addTable(layout, block.line.slice(start, start + padded.length), ctx, nodes, caption);
  return end;
}

function parseSimple(block: LineBlock, start: number, ctx: ParseContext, nodes: RstNode[], caption: string | null): number {
  const lines = block.text;
  const topLength = lines[start]!.length;
  let found = 0;
  let end = -1;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (SIMPLE_BORDER.test(line)) {
      if (line.length !== topLength) {
        throw malformed(ctx, block.line[i]!, `bottom/header table border does not match top border (${line.length} columns, expected ${topLength})`);
      }
      found++;
      if (found === 2 || i === lines.length - 1 || lines[i + 1] === '') {
        end = i;
        break;
      }
    }
  }
  if (end < 0) {
    throw malformed(ctx, block.line[start]!, 'no bottom table border found; expected a line of "=" as long as the top border');
  }
  const padded = lines.slice(start, end + 1).map(padWide);
  let layout: TableLayout;
  try {
    layout = parseSimpleTable(padded, block.line.slice(start, end + 1));
  } catch (error) {
    if (error instanceof TableMarkupError) throw malformed(ctx, block.line[start + error.offset] ?? block.line[start]!, error.message);
    throw error;
  }
  addTable(layout, block.line.slice(start, end + 1), ctx, nodes, caption);
  return end + 1;
}

function addTable(layout: TableLayout, lineNumbers: number[], ctx: ParseContext, nodes: RstNode[], caption: string | null): void {
  const index = ctx.tables.length;
  const table: SourceTable = { line: lineNumbers[0]!, section: ctx.section, caption, headerRows: layout.headerRows, rows: [] };
  ctx.tables.push(table);
  const section = ctx.section;
  table.rows = layout.rows.map((row) => ({
    line: lineNumbers[row.offset] ?? lineNumbers[0]!,
    cells: row.cells.map((cell) => ({
      text: astext(parseBody(cell.content, ctx, false)),
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
    })),
  }));
  ctx.section = section;
  const text = astext(table.rows.flatMap((row) => row.cells.map((cell): RstNode => ({ kind: 'text', text: cell.text }))));
  nodes.push({ kind: 'table', index, text });
}

/** docutils' astext(): text elements as they are, structural elements' children joined by a blank line. */
export function astext(nodes: RstNode[]): string {
  const parts: string[] = [];
  for (const node of nodes) {
    const text = nodeText(node);
    if (text !== '') parts.push(text);
  }
  return parts.join('\n\n');
}

function nodeText(node: RstNode): string {
  switch (node.kind) {
    case 'text':
    case 'title':
      return node.text;
    case 'group':
      return astext(node.children);
    case 'table':
      return node.text;
  }
}

function parseExplicit(block: LineBlock, start: number, ctx: ParseContext, nodes: RstNode[]): number {
  const lines = block.text;
  const line = lines[start]!;
  const substitution = execExplicit('substitution', line);
  if (substitution) return indentedEnd(lines, start + 1);
  const directive = execExplicit('directive', line);
  if (!directive) {
    // Comments, hyperlink targets, footnotes: nothing visible in a table.
    return indentedEnd(lines, start + 1);
  }
  const name = directive[1]!.toLowerCase();
  const { content: whole, end } = firstKnownIndented(block, start, directive[0].length, false);
  const { args, content } = splitDirective(whole, name);
  if (name === 'table') {
    const caption = args.length > 0 ? inlineText(args.join('\n'), ctx.refs) : null;
    const body = content;
    let k = 0;
    while (k < body.text.length && body.text[k] === '') k++;
    const first = body.text[k];
    if (first !== undefined && GRID_TOP.test(first)) parseGrid(body, k, ctx, nodes, caption);
    else if (first !== undefined && SIMPLE_TOP.test(first)) parseSimple(body, k, ctx, nodes, caption);
    else nodes.push(group(parseBody(body, ctx, false)));
    return end;
  }
  if (ADMONITIONS.has(name) || CONTAINERS.has(name)) {
    nodes.push(group(parseBody(whole, ctx, false)));
    return end;
  }
  if (TITLED_CONTAINERS.has(name)) {
    const title: RstNode = { kind: 'text', text: inlineText(args.join('\n'), ctx.refs) };
    nodes.push(group([title, ...parseBody(content, ctx, false)]));
    return end;
  }
  if (name === 'rubric') {
    nodes.push({ kind: 'text', text: inlineText(args.join('\n'), ctx.refs) });
    return end;
  }
  if (name === 'code' || name === 'parsed-literal') {
    nodes.push({ kind: 'text', text: content.text.join('\n').replace(/\n+$/, '') });
    return end;
  }
  // code-block, sourcecode, image, figure, toctree, only, raw, include, ...: no table text.
  return end;
}

/** Splits a directive block into argument lines (up to the first blank line, options removed) and content. */
function splitDirective(whole: LineBlock, name: string): { args: string[]; content: LineBlock } {
  const takesArguments = name === 'table' || TITLED_CONTAINERS.has(name) || name === 'rubric' || name === 'code';
  if (!takesArguments) return { args: [], content: whole };
  // docutils drops the directive line's remainder when it is blank, then reads arguments up to a blank line.
  if (whole.text[0] === '') whole = slice(whole, 1);
  let k = 0;
  while (k < whole.text.length && whole.text[k] !== '') k++;
  let args = whole.text.slice(0, k);
  const option = args.findIndex((l) => l.startsWith(':'));
  if (option >= 0) args = args.slice(0, option);
  return { args, content: slice(whole, k + 1) };
}

/** A line of text: a section title, a definition list item, or a paragraph (maybe introducing a literal block). */
function parseText(block: LineBlock, start: number, ctx: ParseContext, nodes: RstNode[], titles: boolean): number {
  const lines = block.text;
  const next = lines[start + 1];
  if (next !== undefined && next !== '' && ADORNMENT.test(next) && !GRID_TOP.test(next)) {
    const title = lines[start]!;
    const shortUnderline = columnWidth(title) > next.length && next.length < 4;
    if (!shortUnderline) {
      if (titles) addTitle(title.trim(), ctx, nodes);
      return start + 2;
    }
  }
  if (next !== undefined && next !== '' && next[0] === ' ') {
    // Definition list: term, then its indented definition; more items may follow directly.
    const items: RstNode[] = [];
    let i = start;
    while (i < lines.length && lines[i] !== '' && lines[i]![0] !== ' ' && (lines[i + 1] ?? '')[0] === ' ') {
      const term = lines[i]!.split(' : ')[0]!;
      const end = indentedEnd(lines, i + 1);
      const definition = dedent(slice(block, i + 1, end)).block;
      items.push(group([{ kind: 'text', text: inlineText(term, ctx.refs) }, group(parseBody(definition, ctx, false))]));
      i = end;
      let k = i;
      while (k < lines.length && lines[k] === '') k++;
      if (k >= lines.length || (lines[k + 1] ?? '')[0] !== ' ' || lines[k + 1] === '' || !isDefinitionStart(lines, k)) break;
      i = k;
    }
    nodes.push(group(items));
    return i;
  }
  let end = start + 1;
  while (end < lines.length && lines[end] !== '' && lines[end]![0] !== ' ') end++;
  let data = lines.slice(start, end).join('\n');
  let literalNext = false;
  if (/(?<!\\)(\\\\)*::$/.test(data)) {
    literalNext = true;
    if (data.length === 2) data = '';
    else if (data[data.length - 3] === ' ' || data[data.length - 3] === '\n') data = data.slice(0, -3).trimEnd();
    else data = data.slice(0, -1);
  }
  if (data !== '') {
    // A paragraph's lines are one line of text, as rendered (and as the Markdown reader reads a cell):
    // rewrapping a cell is no change of its text. docutils' astext() keeps the newlines; the
    // reference tests compare whitespace collapsed (and a break between wide characters removed).
    const text = inlineText(data, ctx.refs);
    nodes.push({ kind: 'text', text: text.includes('\n') ? joinParagraphLines(text) : text });
  }
  if (literalNext) {
    let k = end;
    while (k < lines.length && lines[k] === '') k++;
    if (k < lines.length && lines[k]![0] === ' ') {
      const literalEnd = indentedEnd(lines, k);
      nodes.push({ kind: 'text', text: dedent(slice(block, k, literalEnd)).block.text.join('\n') });
      return literalEnd;
    }
  }
  return end;
}

function isDefinitionStart(lines: string[], k: number): boolean {
  const line = lines[k]!;
  return !(BULLET.test(line) || ENUMERATOR.test(line) || EXPLICIT.test(line) || GRID_TOP.test(line) || SIMPLE_TOP.test(line) || isBlank(line));
}
