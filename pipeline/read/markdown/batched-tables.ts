/**
 * Big pipe tables, read by remark in batches of rows. micromark holds a whole table in memory as
 * one construct (about 60 KB and 0.3 ms per row), so a page with tens of thousands of rows would
 * take gigabytes. Rows of a GFM table are independent lines, so the body can be parsed in batches
 * under the same header — by remark, with the same results — as long as every line of a batch
 * really is a row. That is verified, batch by batch; anything unexpected makes the caller fall
 * back to parsing the page in one piece.
 */
import type { Root, Table } from 'mdast';

/** Tables with more body rows than this are read in batches. */
export const BATCH_THRESHOLD = 256;
const BATCH_ROWS = 256;

/** A GFM delimiter row (`|--|:--:|`). */
export const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/m;

export interface BigTable {
  /** 0-based line indexes: the header row, and the body rows [bodyStart, bodyEnd). */
  header: number;
  bodyStart: number;
  bodyEnd: number;
}

/**
 * Candidate big tables: a line with a pipe after a blank line (or at the top), a delimiter row under
 * it, and more than BATCH_THRESHOLD non-blank lines after that. Lines inside fenced code are
 * skipped. Only candidates: remark confirms each one (see {@link verifyTruncated}).
 */
export function findBigTables(lines: string[]): BigTable[] {
  const found: BigTable[] = [];
  let fence: string | null = null;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1]!;
      continue;
    }
    if (!line.includes('|') || /^\s/.test(line) || (i > 0 && lines[i - 1]!.trim() !== '') || !DELIMITER_ROW.test(lines[i + 1]!)) continue;
    let end = i + 2;
    while (end < lines.length && lines[end]!.trim() !== '') end++;
    if (end - (i + 2) > BATCH_THRESHOLD) found.push({ header: i, bodyStart: i + 2, bodyEnd: end });
    i = end;
  }
  return found;
}

/** The page with every big table cut to its first body row; the other rows become blank lines, so line numbers stay. */
export function truncateBigTables(lines: string[], tables: BigTable[]): string {
  const copy = lines.slice();
  for (const t of tables) for (let k = t.bodyStart + 1; k < t.bodyEnd; k++) copy[k] = '';
  return copy.join('\n');
}

/** remark must have read each candidate as a table at its header line with exactly one body row. */
export function verifyTruncated(tree: Root, tables: BigTable[], text: string): Map<BigTable, Table> | null {
  if (DEFINITION.test(text)) return null; // reference links in cells need the whole page
  const byLine = new Map<number, Table>();
  const visit = (node: { type: string; children?: unknown[]; position?: { start: { line: number } } }) => {
    if (node.type === 'table' && node.position) byLine.set(node.position.start.line, node as unknown as Table);
    else if (node.children) for (const child of node.children) visit(child as typeof node);
  };
  visit(tree as unknown as Parameters<typeof visit>[0]);
  const result = new Map<BigTable, Table>();
  for (const t of tables) {
    const table = byLine.get(t.header + 1);
    if (!table || table.children.length !== 2) return null;
    result.set(t, table);
  }
  return result;
}

/**
 * The body rows of a big table (converted by `convert`), parsed by `parse` in batches under the table's own header and
 * delimiter rows. Returns null when a batch does not read as exactly its lines (a line that ends
 * the table, e.g. a heading or a quote), so the caller parses the page whole instead.
 */
export function readBatches<R>(lines: string[], t: BigTable, parse: (text: string) => Root, convert: (row: Table['children'][number]) => R): R[] | null {
  const head = `${lines[t.header]}\n${lines[t.header + 1]}\n`;
  // Each batch's syntax tree is converted and dropped at once: only the rows' text is kept.
  const rows: R[] = [];
  for (let start = t.bodyStart; start < t.bodyEnd; start += BATCH_ROWS) {
    const end = Math.min(start + BATCH_ROWS, t.bodyEnd);
    const tree = parse(head + lines.slice(start, end).join('\n'));
    const [only] = tree.children;
    if (tree.children.length !== 1 || only?.type !== 'table' || only.children.length !== end - start + 1) return null;
    for (const row of only.children.slice(1)) {
      // Positions are relative to the batch: its first body row is batch line 3.
      const shift = start - 2;
      for (const node of [row, ...row.children]) {
        if (node.position) {
          node.position.start.line += shift;
          node.position.end.line += shift;
        }
      }
      rows.push(convert(row));
    }
  }
  return rows;
}
