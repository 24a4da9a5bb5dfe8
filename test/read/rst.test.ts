import { join } from 'node:path';
import fc from 'fast-check';
import { eastAsianWidth } from 'get-east-asian-width';
import { describe, expect, it } from 'vitest';
import { readPage, readPageBytes } from '../../pipeline/read';
import { joinParagraphLines, padWide, WIDE_PAD } from '../../pipeline/read/rst/lines';
import { inlineText } from '../../pipeline/read/rst/inline';
import { loadReference, referenceDifferences, repoRoot } from '../helpers/reference';

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'read', name);

describe('RST reader', () => {
  // tables.rst.tables.json was made from tables.rst by ../shared/tools/rst_golden.py (docutils 0.19).
  const doc = readPage(fixture('tables.rst'));

  it('reads grid and simple tables exactly as docutils does', () => {
    expect(referenceDifferences(doc.tables, loadReference(fixture('tables.rst.tables.json')))).toEqual([]);
  });

  it('does not take code blocks, literal blocks or comments for tables', () => {
    // The page holds five grid-shaped blocks; only the `.. table::` one and the simple table are tables.
    expect(doc.tables.map((t) => t.line)).toEqual([29, 60]);
  });

  it('gives each table its section and caption, and each row its first line', () => {
    const [grid, simple] = doc.tables;
    expect(grid).toMatchObject({ section: 'Error codes', caption: 'Table 1 Error codes', headerRows: 1 });
    expect(simple).toMatchObject({ section: 'Simple tables', caption: null, headerRows: 1 });
    expect(grid!.rows.map((r) => r.line)).toEqual([30, 32, 37, 42, 49, 52]);
  });

  it.each([
    ['Deleting the VPC is\nnot allowed.', 'Deleting the VPC is not allowed.'],
    ['错误码不存在，请检查\n参数是否正确。', '错误码不存在，请检查参数是否正确。'],
    ['请检查 VPC\n是否存在', '请检查 VPC 是否存在'],
    ['오류가\n발생했습니다', '오류가 발생했습니다'],
    ['trailing   \n   leading', 'trailing leading'],
  ])('joins the lines of a paragraph %j as a browser shows them: %j', (text, joined) => {
    // CSS Text 3: a line break is a space, but none between two wide East Asian characters (Hangul aside).
    expect(joinParagraphLines(text)).toBe(joined);
  });

  it('reads a paragraph wrapped over lines as one line, as rendered, and paragraphs apart by a blank line', () => {
    // docutils' astext() keeps the line breaks; HTML shows a space there, and so does the Markdown reader.
    const [code, message] = doc.tables[0]!.rows[1]!.cells;
    expect(code!.text).toBe('SVCSTG.A. 0001');
    expect(message!.text).toBe('A message wrapped over two lines.\n\nSecond paragraph.');
  });

  it('reads spans and East Asian wide characters as two columns', () => {
    const rows = doc.tables[0]!.rows;
    expect(rows[2]!.cells[2]).toEqual({ text: '4xx', rowSpan: 2, colSpan: 1 });
    expect(rows[5]!.cells).toEqual([
      { text: '中文代码', rowSpan: 1, colSpan: 1 },
      { text: '宽字符占两列', rowSpan: 1, colSpan: 2 },
    ]);
  });

  it('expands tabs to 8-column stops before measuring the grid', () => {
    const page = '+----------+\n|\tab |\n+----------+\n';
    const read = readPageBytes('tabs.rst', new TextEncoder().encode(page));
    expect(read.tables[0]!.rows[0]!.cells[0]!.text).toBe('ab');
  });
});

describe('RST column widths', () => {
  it('pads every wide character, and only those (each character looked up, as the reference)', () => {
    const reference = (line: string) => [...line].map((ch) => (eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: false }) === 2 ? ch + WIDE_PAD : ch)).join('');
    const piece = fc.constantFrom('a', ' ', '|', '+', '-', '错', '误', '，', '’', '“', 'ᄀ', '한', '😀', '𠀀', 'ｱ', 'Ａ', '\u00e9', '\ud800', 'é');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (line) => {
      expect(padWide(line)).toBe(reference(line));
    }), { numRuns: 3000 });
  });
});

describe('RST inline markup', () => {
  // Each expectation checked against docutils' astext() of the same paragraph.
  it.each([
    ['4\\ *xx* or 5\\ *xx*', '4xx or 5xx'],
    ['2*3*4 stays', '2*3*4 stays'],
    ['a *lone star', 'a *lone star'],
    ['"*" is quoted', '"*" is quoted'],
    ['**strong** and *em* and ``lit\\ x``', 'strong and em and lit\\ x'],
    [':ref:`Table 2 <anchor>` and :ref:`anchor`', 'Table 2 and anchor'],
    ['see `the docs <https://x.y/z>`__ now', 'see the docs now'],
    ['`<https://x.y>`_', 'https://x.y'],
    [':literal:`\\`~!@#` here', '`~!@# here'],
    ['unknown_ reference', 'unknown_ reference'],
    ['escaped \\*star\\*', 'escaped *star*'],
    [':unknown:`role`', ':unknown:`role`'],
  ])('%s', (source, expected) => {
    expect(inlineText(source)).toBe(expected);
  });
});
