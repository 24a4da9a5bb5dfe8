/**
 * One raw HTML `<table>` → the table model. Parsing is parse5's (hast-util-from-html), so
 * unclosed `<td>`/`<tr>`, entities and stray tags are handled as a browser would.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { SourceTable, TableCell, TableRow } from '../../generated/rows';

/** Elements that start a new paragraph of cell text. */
const BLOCKS = new Set([
  'p', 'div', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'pre', 'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'section', 'figure', 'figcaption', 'caption',
]);
const INVISIBLE = new Set(['script', 'style', 'template', 'head']);
const MAX_SPAN = 1000;

/** `html` is the source from `<table` to its `</table>`; `line` the source line where it starts. */
export function readHtmlTable(html: string, line: number, section: string | null): SourceTable {
  const tree = fromHtml(html, { fragment: true }) as Root;
  const table = tree.children.find((n): n is Element => n.type === 'element' && n.tagName === 'table');
  const rows: TableRow[] = [];
  let headerRows = 0;
  let caption: string | null = null;
  for (const child of table?.children ?? []) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'caption') {
      caption = cellText(child) || null;
      continue;
    }
    const trs = child.tagName === 'tr' ? [child] : ['thead', 'tbody', 'tfoot'].includes(child.tagName) ? child.children : [];
    for (const tr of trs) {
      if (tr.type !== 'element' || tr.tagName !== 'tr') continue;
      const cells: TableCell[] = [];
      for (const cell of tr.children) {
        if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
        cells.push({ text: cellText(cell), rowSpan: span(cell.properties.rowSpan), colSpan: span(cell.properties.colSpan) });
      }
      rows.push({ line: line + (tr.position?.start.line ?? 1) - 1, cells });
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
  const visit = (node: ElementContent) => {
    if (node.type === 'text') {
      parts.push(node.value.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.type !== 'element' || INVISIBLE.has(node.tagName)) return;
    if (node.tagName === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(node.tagName);
    if (block) parts.push('\n\n');
    for (const child of node.children) visit(child);
    if (block) parts.push('\n\n');
  };
  for (const child of element.children) visit(child);
  return parts
    .join('')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s+|\s+$/g, '');
}
