/**
 * The mdast tree of a page made only of the simplest blocks, built line by line without remark:
 * ATX headings of plain text (anchors like `<a name="x"></a>` after it allowed), paragraphs of
 * plain lines, fenced code, and pipe tables whose rows hold no inline syntax. Anything else (a
 * list, a quote, HTML, indentation, a tab, inline markup in a heading, a pipe or `<` in prose)
 * gives null, and the page goes to remark as before.
 *
 * Why: most of a small page's read is micromark running cold, about 6 ms for the 800 characters
 * left of the seeds' zh page once its table rows are cut out (see cut-page). The tree holds what
 * the reader looks at (node types, positions, heading and cell text), equal to remark's on those.
 * test/read/simple-blocks.test.ts holds the reading of every page that takes this path to the
 * page parsed whole by remark.
 */
import type { Code, Heading, Paragraph, Root, RootContent, Table, TableRow } from 'mdast';
import { DELIMITER_ROW, plainRowCells, splitPipeRow } from './batched-tables';

type Point = { line: number; column: number; offset: number };

/** `#`s, then the heading's plain text, then anchors; nothing that inline Markdown would change. */
const HEADING = /^(#{1,6})(?:[ ]+([^#\\`*_[\]!&<>~|]*?)(?:<a (?:name|id)="[\w.:-]*"><\/a>)*[ ]*)?$/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
/** First characters that may start a block other than a paragraph, or continue one specially. */
const BLOCK_START = /^(?:[ #>|`~\-+*_=<[!]|\d{1,9}[.)])/;

export function parseSimplePage(text: string): Root | null {
  if (text.includes('\t') || text.includes('\r')) return null;
  const lines = text.split('\n');
  const starts: number[] = [];
  for (let i = 0, offset = 0; i < lines.length; offset += lines[i]!.length + 1, i++) starts.push(offset);
  const point = (line: number, column: number): Point => ({ line: line + 1, column: column + 1, offset: starts[line]! + column });
  const span = (first: number, last: number) => ({ start: point(first, 0), end: point(last, lines[last]!.length) });

  const children: RootContent[] = [];
  let afterBlank = true; // a table may start here: the page's start, or after a blank line, a heading or code
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      if (line !== '') return null; // spaces alone: fine in CommonMark, but kept out of this path
      afterBlank = true;
      continue;
    }
    if (line[0] === '#') {
      const heading = HEADING.exec(line);
      if (!heading) return null;
      const node: Heading = {
        type: 'heading',
        depth: heading[1]!.length as Heading['depth'],
        children: [{ type: 'text', value: heading[2] ?? '' }],
        position: span(i, i),
      };
      children.push(node);
      afterBlank = true;
      continue;
    }
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      const marker = fence[1]!;
      if (marker[0] === '`' && fence[2]!.includes('`')) return null;
      const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},} *$`);
      let end = i + 1;
      while (end < lines.length && !close.test(lines[end]!)) end++;
      if (end === lines.length) return null; // open to the end of the page
      const node: Code = { type: 'code', lang: null, meta: null, value: lines.slice(i + 1, end).join('\n'), position: span(i, end) };
      children.push(node);
      i = end;
      afterBlank = true;
      continue;
    }
    if (line[0] === '|') {
      if (!afterBlank) return null;
      const table = pipeTable(lines, i, span);
      if (!table) return null;
      children.push(table.node);
      i = table.last;
      afterBlank = false;
      continue;
    }
    if (BLOCK_START.test(line)) return null;
    // A paragraph: this line and the plain lines under it.
    let last = i;
    while (last + 1 < lines.length && lines[last + 1] !== '' && !lines[last + 1]!.startsWith('#') && !FENCE_OPEN.test(lines[last + 1]!)) {
      last++;
      if (BLOCK_START.test(lines[last]!)) return null;
    }
    for (let k = i; k <= last; k++) if (lines[k]!.includes('|') || lines[k]!.includes('<')) return null;
    const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: lines.slice(i, last + 1).join('\n') }], position: span(i, last) };
    children.push(node);
    i = last;
    afterBlank = false;
  }
  return { type: 'root', children, position: { start: point(0, 0), end: point(lines.length - 1, lines[lines.length - 1]!.length) } };
}

/** A pipe table from its header line `first`: header, delimiter and plain rows up to a blank line. */
function pipeTable(
  lines: string[],
  first: number,
  span: (first: number, last: number) => NonNullable<Table['position']>,
): { node: Table; last: number } | null {
  const header = plainRowCells(lines[first]!);
  const delimiter = lines[first + 1];
  if (!header || delimiter === undefined || !delimiter.includes('|') || !DELIMITER_ROW.test(delimiter)) return null;
  if (splitPipeRow(delimiter).length !== header.length) return null;
  const row = (cells: string[], line: number): TableRow => ({
    type: 'tableRow',
    children: cells.map((value) => ({ type: 'tableCell', children: [{ type: 'text', value }] })),
    position: span(line, line),
  });
  const rows = [row(header, first)];
  let last = first + 1;
  while (last + 1 < lines.length && lines[last + 1] !== '') {
    const cells = plainRowCells(lines[last + 1]!);
    if (!cells) return null;
    last++;
    rows.push(row(cells, last));
  }
  return { node: { type: 'table', align: [], children: rows, position: span(first, last) }, last };
}
