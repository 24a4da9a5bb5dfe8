/**
 * Pages made to cost a reader time, memory or stack, or to reach into JavaScript's object
 * prototypes: each reads correctly or fails with errcat's own error naming the line. The sizes are
 * ones that an unbounded reader would still get through in a second or two; how the cost grows
 * with size is measured by the benchmark's pathological table (test/bench/inputs.js), not here.
 */
import { describe, expect, it } from 'vitest';
import { ErrcatError } from '../../pipeline/errors';
import type { SourceTable } from '../../pipeline/generated/rows';
import { readPageText } from '../../pipeline/read';
import { colSpanOf, parseNonNegativeInteger, rowSpanOf } from '../../pipeline/read/markdown/html-table';

const read = (file: string, text: string) => readPageText({ file, text });
const cells = (table: SourceTable) => table.rows.map((row) => row.cells.map((cell) => cell.text));

/** The error reading `text` throws: it must be errcat's own. */
function failure(file: string, text: string): ErrcatError {
  try {
    read(file, text);
  } catch (error) {
    if (error instanceof ErrcatError) return error;
    throw error;
  }
  throw new Error('expected the page to be refused');
}

describe('HTML tables', () => {
  it('read a cell of 10,000 nested <div>s (no stack overflow)', () => {
    const depth = 10_000;
    const page = `<table><tr><th>错误码</th></tr>\n<tr><td>${'<div>'.repeat(depth)}V.1${'</div>'.repeat(depth)}</td></tr></table>\n`;
    const [table] = read('divs.md', page).tables;
    expect(cells(table!)).toEqual([['错误码'], ['V.1']]);
  });

  it('read a cell of 5,000 nested tables as its text, the outer table only', () => {
    const depth = 5_000;
    const page = `<table><tr><td>${'<table><tr><td>'.repeat(depth)}x${'</td></tr></table>'.repeat(depth)}</td></tr></table>\n`;
    const { tables } = read('tables.md', page);
    expect(tables).toHaveLength(1);
    expect(cells(tables[0]!)).toEqual([['x']]);
  });

  it('read a cell of tens of thousands of space-separated empty tags, spaces at the line break dropped', () => {
    // Each text node collapses to one space; spaces from separate nodes stay side by side.
    const page = `<table><tr><td>a ${'<i></i> '.repeat(30_000)}b<br>${' <i></i>'.repeat(30_000)} c</td></tr></table>\n`;
    expect(cells(read('spaces.md', page).tables[0]!)).toEqual([[`a${' '.repeat(30_001)}b\nc`]]);
  });

  it('clamp spans as HTML does: colspan 1 to 1000, rowspan up to 65534, rowspan 0 to the end of its row group', () => {
    const page = [
      '<table>',
      '<thead><tr><th colspan="5000">h</th><th rowspan="0">r</th></tr><tr><th>h2</th></tr></thead>',
      '<tbody><tr><td rowspan="99999999999999999999">a</td><td colspan="0">b</td><td rowspan="0">c</td></tr>',
      '<tr><td colspan=" +7x">d</td></tr><tr><td colspan="-2" rowspan="-0">e</td></tr></tbody>',
      '</table>',
    ].join('\n');
    const rows = read('spans.md', page).tables[0]!.rows.map((row) => row.cells.map((c) => [c.text, c.rowSpan, c.colSpan]));
    expect(rows).toEqual([
      [['h', 1, 1000], ['r', 2, 1]], // rowspan 0 in the head: its two rows
      [['h2', 1, 1]],
      [['a', 65534, 1], ['b', 1, 1], ['c', 3, 1]], // rowspan 0 in the body: the body's three rows
      [['d', 1, 7]],
      [['e', 1, 1]], // "-0" parses as 0: to the end of the body, which is this row
    ]);
  });

  it('parse span values by the rules for parsing non-negative integers', () => {
    expect(['1', ' \t\n\f\r12', '+3', '007', '5px', '-0', '', ' ', '-1', 'x1', '\u00a01', '1e3', '12345678901234567890'].map(parseNonNegativeInteger)).toEqual([
      1, 12, 3, 7, 5, 0, null, null, null, null, null, 1, Number.MAX_SAFE_INTEGER,
    ]);
    expect([undefined, '0', '1000', '1001'].map(colSpanOf)).toEqual([1, 1, 1000, 1000]);
    expect([undefined, 'x', '0', '65534', '65535'].map(rowSpanOf)).toEqual([1, 1, 0, 65534, 65534]);
  });

  it('report a colspan of 1000 in every cell as that number, not as 1000 cells', () => {
    const page = `<table><tr><th>a</th></tr>\n${'<tr><td colspan="1000" rowspan="1000">x</td></tr>\n'.repeat(200)}</table>\n`;
    const { tables } = read('wide.md', page);
    expect(tables[0]!.rows).toHaveLength(201);
    expect(tables[0]!.rows.slice(1).every((row) => row.cells.length === 1 && row.cells[0]!.colSpan === 1000 && row.cells[0]!.rowSpan === 1000)).toBe(true);
  });

  it('take character references and tag names from the page, never from Object.prototype', () => {
    const page = '<table><tr><td>&constructor; &toString; &__proto__; &hasOwnProperty; &amp;</td></tr></table>\n';
    expect(cells(read('entities.md', page).tables[0]!)).toEqual([['&constructor; &toString; &__proto__; &hasOwnProperty; &']]);
    // The parser moves a stray element out of the table (foster parenting): the table is left empty.
    for (const tag of ['constructor', '__proto__', 'toString']) {
      const { tables } = read('tags.md', `<table><tbody><${tag}></tbody></table>\n`);
      expect(tables).toHaveLength(1);
      expect(tables[0]!.rows).toEqual([]);
    }
    const cell = read('cell.md', '<table><tr><td><constructor>x</constructor> <valueOf/>y</td></tr></table>\n');
    expect(cells(cell.tables[0]!)).toEqual([['x y']]);
  });

  it('match thousands of unclosed <table> lines in one pass and report the first', () => {
    const error = failure('open.md', `# T\n\n${'<table>\n'.repeat(5_000)}`);
    expect(error.format()).toBe('open.md:3: Malformed table: HTML <table> never closes; expected </table> before the end of the page');
    // `<table` without any `>` after it is no tag at all: nothing closes the first table.
    expect(failure('nogt.md', `# T\n\n<table>${'<table '.repeat(20_000)}\n`).format()).toBe(
      'nogt.md:3: Malformed table: HTML <table> never closes; expected </table> before the end of the page',
    );
  });
});

describe('reStructuredText inline markup', () => {
  const grid = (text: string) => `+${'-'.repeat(text.length + 2)}+\n| ${text} |\n+${'-'.repeat(text.length + 2)}+\n`;
  const titled = (title: string) => `${title}\n${'='.repeat(title.length)}\n\n${grid('x')}\n`;

  it('reads titles of long reference-name shapes (`_a_a_a…`, `a-a-…-a_x`, ` [a [a …`) as docutils does', () => {
    const underscores = '_a'.repeat(5_000); // a name preceded by `_` cannot start a reference: stays as written
    const dashes = `${'a-'.repeat(5_000)}a_x`; // `_` joins `x` into the name: no reference end
    const brackets = ' [a'.repeat(5_000).trim(); // no `]`: no footnote reference
    const { tables } = read('names.rst', [underscores, dashes, brackets].map(titled).join('\n'));
    expect(tables.map((t) => t.section)).toEqual([underscores, dashes, brackets]);
  });

  it('resolves a reference whose name is a chain of thousands of runs', () => {
    const name = Array.from({ length: 5_000 }, (_, i) => `n${i}`).join('_');
    const page = `.. _${name}: https://example.com/\n\n${titled(`${name}_`)}`;
    expect(read('chain.rst', page).tables[0]!.section).toBe(name);
  });

  it('reads a grid cell of `_a_a_a…` as written', () => {
    const text = `x ${'_a'.repeat(5_000)}_ y`;
    expect(cells(read('cell.rst', `Errors\n======\n\n${grid(text)}`).tables[0]!)).toEqual([[text]]);
  });
});
