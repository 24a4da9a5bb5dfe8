/**
 * One raw HTML `<table>` → the table model. Plain markup is read by plain-html-table; anything
 * else is parsed by parse5, so unclosed `<td>`/`<tr>`, entities and stray tags are handled as a
 * browser would. Either tree is read directly: turning it into hast first (hast-util-from-html)
 * cost about a fifth of reading the HTML tables.
 */
import { parseFragment } from 'parse5';
import type { SourceTable, TableCell, TableRow } from '../../generated/rows';
import { readPlainHtmlTable, type HtmlElement, type HtmlNode, type HtmlText } from './plain-html-table';

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
const MAX_SPAN = 1000;

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
    const trs = child.tagName === 'tr' ? [child] : ['thead', 'tbody', 'tfoot'].includes(child.tagName) ? child.childNodes : [];
    for (const tr of trs) {
      if (!isElement(tr) || tr.tagName !== 'tr') continue;
      const cells: TableCell[] = [];
      for (const cell of tr.childNodes) {
        if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
        cells.push({ text: cellText(cell), rowSpan: span(attribute(cell, 'rowspan')), colSpan: span(attribute(cell, 'colspan')) });
      }
      rows.push({ line: line + (tr.sourceCodeLocation?.startLine ?? 1) - 1, cells });
      if (child.tagName === 'thead') headerRows++;
    }
  }
  return { line, section, caption, headerRows, rows };
}

function span(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? '1'), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), MAX_SPAN) : 1;
}

/**
 * Visible text: whitespace inside text collapses as a browser collapses it; block elements
 * separate paragraphs (a blank line) and `<br>` breaks a line.
 */
export function cellText(element: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeName === '#text') {
      parts.push((node as HtmlText).value.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (!isElement(node) || INVISIBLE.has(node.tagName)) return;
    if (node.tagName === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(node.tagName);
    if (block) parts.push('\n\n');
    for (const child of node.childNodes) visit(child);
    if (block) parts.push('\n\n');
  };
  for (const child of element.childNodes) visit(child);
  return parts
    .join('')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s+|\s+$/g, '');
}
