import { eastAsianWidth } from 'get-east-asian-width';
import { codePointAt, codePointBefore, codeUnits, joinsWithoutSpace } from '../../code-points';

/**
 * A run of source lines with their 1-based line numbers. Every block the RST reader works on
 * (a page, an indented block, a table cell) is one of these, so every node it produces can say
 * where it came from.
 */
export interface LineBlock {
  text: string[];
  line: number[];
}

/** Pad character docutils inserts after an East Asian wide character so it spans two columns. */
export const WIDE_PAD = '\u0000';

/**
 * Splits a page into lines the way docutils does before parsing: tabs expanded to 8-column stops,
 * vertical tab / form feed become spaces, trailing whitespace removed.
 */
export function pageLines(text: string): LineBlock {
  const raw = text.split('\n');
  const lines: string[] = new Array(raw.length);
  const numbers: number[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!;
    if (line.includes('\t')) line = expandTabs(line);
    if (/[\v\f]/.test(line)) line = line.replace(/[\v\f]/g, ' ');
    lines[i] = line.trimEnd();
    numbers[i] = i + 1;
  }
  if (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
    numbers.pop();
  }
  return { text: lines, line: numbers };
}

function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}

export function slice(block: LineBlock, start: number, end = block.text.length): LineBlock {
  return { text: block.text.slice(start, end), line: block.line.slice(start, end) };
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

// Fast test for "may hold a wide character": everything below U+1100 is narrow.
const MAYBE_WIDE = /[\u1100-\uffff]/;

/** Inserts {@link WIDE_PAD} after each wide or fullwidth character, so a string index is a column. */
export function padWide(line: string): string {
  if (!MAYBE_WIDE.test(line)) return line;
  // Only characters from U+1100 up are looked up; the text between wide ones is copied in runs.
  let out = '';
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    if (line.charCodeAt(i) < 0x1100) continue;
    const cp = line.codePointAt(i)!;
    const end = i + codeUnits(cp);
    if (eastAsianWidth(cp, { ambiguousAsWide: false }) === 2) {
      out += `${line.slice(from, end)}${WIDE_PAD}`;
      from = end;
    }
    i = end - 1;
  }
  return from === 0 ? line : out + line.slice(from);
}

/** Display width in columns, wide characters counting two. */
export function columnWidth(text: string): number {
  return padWide(text).length;
}

/**
 * Removes the common indentation of the non-blank lines (docutils' `trim_left` after
 * `get_indented`); returns the block and the amount removed.
 */
export function dedent(block: LineBlock): { block: LineBlock; indent: number } {
  let indent = Infinity;
  for (const line of block.text) if (line !== '') indent = Math.min(indent, indentOf(line));
  if (indent === Infinity || indent === 0) return { block, indent: 0 };
  return { block: { text: block.text.map((l) => l.slice(indent)), line: block.line }, indent };
}

/**
 * A paragraph's lines as one line, as a browser renders them (CSS Text 3, segment breaks): a break
 * is a space, but none between two wide East Asian characters (中文 wrapped over two lines is one
 * word), Hangul aside; the spaces around each break go. Split, not a pattern: a pattern would rescan
 * long runs of spaces.
 */
export function joinParagraphLines(text: string): string {
  const lines = text.split('\n');
  // Parts joined once, and the character before a break read from the line before it: reading it
  // from a string built up with += would flatten that string at every line (a 20,000-line cell: 11 s).
  let previous = lines[0]!.trimEnd();
  const parts = [previous];
  for (let i = 1; i < lines.length; i++) {
    const next = i < lines.length - 1 ? lines[i]!.trim() : lines[i]!.trimStart();
    if (!joinsWithoutSpace(codePointBefore(previous, previous.length), codePointAt(next, 0))) parts.push(' ');
    parts.push(next);
    if (next !== '') previous = next;
  }
  return parts.join('');
}
