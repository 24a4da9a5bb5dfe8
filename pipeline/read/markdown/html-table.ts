/**
 * One raw HTML `<table>` → the table model. Plain markup is read by plain-html-table; anything
 * else is parsed by parse5, so unclosed `<td>`/`<tr>`, entities and stray tags are handled as a
 * browser would. Either tree is read directly: turning it into hast first (hast-util-from-html)
 * cost about a fifth of reading the HTML tables.
 */
import { parseFragment } from 'parse5';
import type { SourceTable, TableCell, TableRow } from '../../generated/rows';
import { readPlainHtmlTable, type HtmlElement, type HtmlNode, type HtmlText } from './plain-html-table';
import { codePointAt, codePointBefore, joinsWithoutSpace } from '../../code-points';

type Node = HtmlNode;
type Element = HtmlElement;

const isElement = (node: Node): node is Element => 'tagName' in node;
const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

/** Elements that start a new paragraph of cell text. */
const BLOCKS = new Set([
  'p', 'div', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'pre', 'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'section', 'figure', 'figcaption', 'caption',
]);
const INVISIBLE = new Set(['script', 'style', 'template', 'head']);
/** HTML's limits: a colspan over 1000 counts as 1000, a rowspan over 65534 as 65534. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/** `html` is the source from `<table` to its `</table>`; `line` the source line where it starts. */
export function readHtmlTable(html: string, line: number, section: string | null, options: { parse5Only?: boolean } = {}): SourceTable {
  // parse5's nodes have (at least) the fields of the plain tree's.
  const tree = (!options.parse5Only && readPlainHtmlTable(html)) || (parseFragment(html, { sourceCodeLocationInfo: true }) as unknown as { childNodes: Node[] });
  const table = tree.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'table');
  const rows: TableRow[] = [];
  let headerRows = 0;
  let caption: string | null = null;
  for (const child of table?.childNodes ?? []) {
    if (!isElement(child)) continue;
    if (child.tagName === 'caption') {
      caption = cellText(child) || null;
      continue;
    }
    const trs = (child.tagName === 'tr' ? [child] : ['thead', 'tbody', 'tfoot'].includes(child.tagName) ? child.childNodes : []).filter(
      (tr): tr is Element => isElement(tr) && tr.tagName === 'tr',
    );
    trs.forEach((tr, k) => {
      const cells: TableCell[] = [];
      for (const cell of tr.childNodes) {
        if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
        // rowspan="0" reaches to the end of the row group (thead, tbody or tfoot): its rows from here.
        const rowSpan = rowSpanOf(attribute(cell, 'rowspan')) || trs.length - k;
        cells.push({ text: cellText(cell), rowSpan, colSpan: colSpanOf(attribute(cell, 'colspan')) });
      }
      rows.push({ line: line + (tr.sourceCodeLocation?.startLine ?? 1) - 1, cells });
      if (child.tagName === 'thead') headerRows++;
    });
  }
  return { line, section, caption, headerRows, rows };
}

/**
 * A cell's colspan as the HTML table processing model takes it: the attribute by the rules for
 * parsing non-negative integers, 1 when absent, unparsable or zero, at most 1000 (browsers clamp the
 * same way, so a page cannot ask for more columns than a browser shows).
 */
export function colSpanOf(value: string | undefined): number {
  const n = value === undefined ? null : parseNonNegativeInteger(value);
  return n === null || n === 0 ? 1 : Math.min(n, MAX_COLSPAN);
}

/** A cell's rowspan as HTML takes it: 1 when absent or unparsable, at most 65534; 0 means "to the end of the row group". */
export function rowSpanOf(value: string | undefined): number {
  const n = value === undefined ? null : parseNonNegativeInteger(value);
  return n === null ? 1 : Math.min(n, MAX_ROWSPAN);
}

const ASCII_WHITESPACE = new Set(['\t', '\n', '\f', '\r', ' ']);

/**
 * HTML's rules for parsing non-negative integers: leading ASCII whitespace, an optional sign, then
 * ASCII digits (anything after them ignored); null for no digits or a negative number. Digits past
 * the ninth only make the number larger than any span limit, so they are not accumulated.
 */
export function parseNonNegativeInteger(value: string): number | null {
  let i = 0;
  while (i < value.length && ASCII_WHITESPACE.has(value[i]!)) i++;
  let negative = false;
  if (value[i] === '-') {
    negative = true;
    i++;
  } else if (value[i] === '+') i++;
  const start = i;
  while (i < value.length && value.charCodeAt(i) >= 48 && value.charCodeAt(i) <= 57) i++;
  if (i === start) return null;
  const digits = value.slice(start, i).replace(/^0+(?=\d)/, '');
  const n = digits.length > 9 ? Number.MAX_SAFE_INTEGER : Number(digits);
  if (negative) return n === 0 ? 0 : null;
  return n;
}

/**
 * Visible text: whitespace inside text collapses as a browser collapses it; block elements
 * separate paragraphs (a blank line) and `<br>` breaks a line.
 */
export function cellText(element: Element): string {
  const parts: string[] = [];
  // Depth first with a stack of its own, not recursion: a cell may nest elements thousands deep.
  // A string on the stack is text to emit once the nodes above it are done (a block's closing break).
  const pending: Array<Node | string> = [];
  const pushChildren = (node: Element) => {
    for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i]!);
  };
  pushChildren(element);
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (node.nodeName === '#text') {
      parts.push(renderedSpaces((node as HtmlText).value));
      continue;
    }
    if (!isElement(node) || INVISIBLE.has(node.tagName)) continue;
    if (node.tagName === 'br') {
      parts.push('\n');
      continue;
    }
    const block = BLOCKS.has(node.tagName);
    if (block) {
      parts.push('\n\n');
      pending.push('\n\n');
    }
    pushChildren(node);
  }
  return tidyBreaks(parts.join('')).replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * A text node's whitespace as a browser shows it: each run one space, but a line break between two
 * wide East Asian characters none (CSS Text 3; see joinParagraphLines, which the RST reader uses).
 */
function renderedSpaces(text: string): string {
  if (!text.includes('\n')) return text.replace(/[ \t\r\f]+/g, ' ');
  return text.replace(/[ \t\n\r\f]+/g, (run: string, at: number) =>
    run.includes('\n') && joinsWithoutSpace(codePointBefore(text, at), codePointAt(text, at + run.length)) ? '' : ' ',
  );
}

/**
 * Spaces next to a line break dropped, in one pass. A pattern (spaces, break, spaces) backtracks
 * over every run of spaces it fails on: text nodes between tags each leave a space, and a run of
 * tens of thousands of them would cost it the square of the run's length.
 */
function tidyBreaks(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let start = 0;
    let end = line.length;
    if (i > 0) while (start < end && line.charCodeAt(start) === 32) start++;
    if (i < lines.length - 1) while (end > start && line.charCodeAt(end - 1) === 32) end--;
    if (start > 0 || end < line.length) lines[i] = line.slice(start, end);
  }
  return lines.join('\n');
}
