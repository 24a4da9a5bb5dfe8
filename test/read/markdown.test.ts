import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage, readPageBytes } from '../../pipeline/read';
import { loadReference, referenceDifferences, repoRoot } from '../helpers/reference';

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'read', name);
const page = (text: string, name = 'page.md') => readPageBytes(name, new TextEncoder().encode(text));

describe('Markdown reader', () => {
  // tables.md.tables.json was made from tables.md by ../shared/tools/md_golden.py (html5lib + GFM rules).
  const doc = readPage(fixture('tables.md'));

  it('reads HTML and pipe tables as the reference readers do', () => {
    expect(referenceDifferences(doc.tables, loadReference(fixture('tables.md.tables.json')))).toEqual([]);
  });

  it('ignores tables inside fenced code', () => {
    expect(doc.tables.map((t) => t.line)).toEqual([15, 30]);
    expect(JSON.stringify(doc)).not.toContain('NOT.A.ROW');
  });

  it('gives sections without their anchors, and rows their lines', () => {
    expect(doc.tables.map((t) => t.section)).toEqual(['错误码说明', '管道表格']);
    expect(doc.tables[0]!.rows.map((r) => r.line)).toEqual([15, 19, 22, 23]);
  });

  it('reads HTML cells as visible text: paragraphs, lists, <br>, entities, spans', () => {
    const rows = doc.tables[0]!.rows;
    expect(rows[1]!.cells[0]).toEqual({ text: '公共', rowSpan: 2, colSpan: 1 });
    expect(rows[1]!.cells[3]!.text).toBe('第一段&更多\n\n第二段\n\n项一\n\n项二');
    expect(rows[2]!.cells[2]!.text).toBe('a\nb <c>');
    expect(rows[3]!.cells[0]).toEqual({ text: '500', rowSpan: 1, colSpan: 2 });
    // A source line break inside text is a space when rendered.
    expect(rows[3]!.cells[2]!.text).toBe('x y');
  });

  it('pads short pipe rows and drops extra cells as GFM renders them, and says so', () => {
    const rows = doc.tables[1]!.rows;
    expect(rows[2]).toEqual({ line: 33, missingCells: 1, cells: [
      { text: '404', rowSpan: 1, colSpan: 1 }, { text: 'P.2', rowSpan: 1, colSpan: 1 }, { text: '', rowSpan: 1, colSpan: 1 },
    ] });
    expect(rows[3]!.cells.map((c) => c.text)).toEqual(['500', 'P.3', 'x']);
    // Line 34 is `|500|P.3|x|extra|`: the cell after the header's width stays on the row, to be reported.
    expect(rows[3]!.extraCells).toEqual(['extra']);
    expect(rows[2]!.extraCells).toBeUndefined();
    expect(doc.notes).toEqual([
      { line: 33, message: 'row has 2 cells, the header 3; empty cells added at the end, as GFM renders them' },
      { line: 34, message: 'row has 4 cells, the header 3; the extra cells are ignored, as GFM renders them' },
    ]);
  });

  it('reads inline markup in pipe cells as text', () => {
    expect(doc.tables[1]!.rows[1]!.cells.map((c) => c.text)).toEqual(['400', 'P.1', 'code and link a\nb & c']);
    expect(doc.tables[1]!.rows[4]!.cells[1]!.text).toBe('P|4');
  });

  it('reads a line break in an HTML cell as a browser shows it: a space, but none between two Chinese characters', () => {
    const read = page('# T\n\n<table><tr><th>错误码</th><th>描述</th></tr>\n<tr><td>A.1</td><td><p>请检查\n参数。Check\n  the value 或\nVPC</p></td></tr></table>\n');
    expect(read.tables[0]!.rows[1]!.cells[1]!.text).toBe('请检查参数。Check the value 或 VPC');
  });

  it('takes a UTF-8 BOM and CRLF line ends in its stride', () => {
    const read = page('\uFEFF# T\r\n\r\n|a|b|\r\n|--|--|\r\n|1|2|\r\n');
    expect(read.tables[0]!.rows.map((r) => [r.line, r.cells.map((c) => c.text)])).toEqual([[3, ['a', 'b']], [5, ['1', '2']]]);
  });

  it('sniffs .txt pages and refuses to guess when nothing tells', () => {
    expect(page('# T\n\n|a|b|\n|--|--|\n|1|2|\n', 'page.txt').tables).toHaveLength(1);
    expect(page('T\n=\n\n+---+\n| a |\n+---+\n', 'page.txt').tables).toHaveLength(1);
    expect(() => page('plain words\n', 'page.txt')).toThrow(/Cannot tell whether this page is Markdown or reStructuredText/);
  });
});
