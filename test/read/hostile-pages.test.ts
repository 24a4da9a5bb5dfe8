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
import { readPlainHtmlTable } from '../../pipeline/read/markdown/plain-html-table';
import { readMarkdown } from '../../pipeline/read/markdown/read-markdown';

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
    // With its <tbody>, this table is plain markup but for the references: read without parse5 if
    // they are known ones (see plain-html-table), which these must not pass for.
    const html = '<table><tbody><tr><td>&constructor; &toString; &__proto__; &hasOwnProperty; &amp;</td></tr></tbody></table>';
    expect(readPlainHtmlTable(html.replace(/&(?!amp;)\w+;/g, 'x'))).not.toBeNull();
    expect(cells(read('entities.md', `${html}\n`).tables[0]!)).toEqual([['&constructor; &toString; &__proto__; &hasOwnProperty; &']]);
    // The parser moves a stray element out of the table (foster parenting): the table is left empty.
    for (const tag of ['constructor', '__proto__', 'toString']) {
      const { tables } = read('tags.md', `<table><tbody><${tag}></tbody></table>\n`);
      expect(tables).toHaveLength(1);
      expect(tables[0]!.rows).toEqual([]);
    }
    const cell = read('cell.md', '<table><tr><td><constructor>x</constructor> <valueOf/>y</td></tr></table>\n');
    expect(cells(cell.tables[0]!)).toEqual([['x y']]);
  });

  it('read a one-line table of thousands of rows after an anchor (its markup is not parsed as inline HTML)', () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => `<tr><td>E.${i}</td><td>a &amp; b!</td></tr>`).join('');
    const page = `# T\n\n<a name="codes"></a><table><tr><th>错误码</th></tr>${rows}</table>\n\n## Next\n\nx *y* z\n`;
    const { tables } = read('oneline.md', page);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.line).toBe(3);
    expect(tables[0]!.rows).toHaveLength(3_001);
    expect(tables[0]!.rows[3_000]!.cells.map((c) => c.text)).toEqual(['E.2999', 'a & b!']);
  });

  it('leave a line read for its text as it is: a heading underlined, a pipe table row', () => {
    const table = '<a name="t"></a><table><tr><td>E.1</td></tr></table>';
    for (const text of [`# T\n\n${table} tail\n===\n\n|a|b|\n|--|--|\n|1|2|\n|3|4|\n`, `# T\n\n|a|b|\n|--|--|\n|${table}|2|\n|3|4|\n`]) {
      const source = { file: 'kept.md', text };
      expect(readMarkdown(source)).toEqual(readMarkdown(source, { parseWhole: true }));
    }
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

  it('refuses bodies nested more than 64 deep (10,000 on one line overflowed the stack), naming the line', () => {
    expect(failure('bullets.rst', `Errors\n======\n\n${'- '.repeat(10_000)}a\n`).format()).toBe(
      'bullets.rst:4: reStructuredText nested too deeply: more than 64 block quotes, list items, table cells or directives inside one another here; expected at most 64',
    );
    const quotes = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}q`).join('\n\n');
    // The page's body is level 1; a line indented k is in a block quote of level k + 1, so level 65
    // starts with the line indented 64, line 4 + 2 * 64.
    expect(failure('quotes.rst', `Errors\n======\n\n${quotes(100)}\n`).line).toBe(132);
    const { tables } = read('deep.rst', `Errors\n======\n\n${quotes(64)}\n\n${grid('E.1')}`);
    expect(tables.map(cells)).toEqual([[['E.1']]]);
  });

  it('reads a grid cell of `_a_a_a…` as written', () => {
    const text = `x ${'_a'.repeat(5_000)}_ y`;
    expect(cells(read('cell.rst', `Errors\n======\n\n${grid(text)}`).tables[0]!)).toEqual([[text]]);
  });
});

describe('Markdown read by micromark, within bounds', () => {
  // A pipe table of several rows first, so that the page goes the usual way (its rows cut out of
  // what micromark reads, lines mapped back), then the hostile part, then a table that must read.
  const head = '# Errors\n\n|错误码|说明|\n|--|--|\n|A.1|x|\n|A.2|y|\n|A.3|z|\n\n';
  const tail = (line: number) => ({ line, text: '## After\n\n|code|text|\n|--|--|\n|B.1|ok|\n' });
  const lineCount = (text: string) => text.split('\n').length - 1;

  /** Reads `head + body + tail` and checks that both tables are read, the second at its line. */
  function readsAround(body: string): void {
    const after = tail(lineCount(head + body) + 3);
    const { tables } = read('page.md', head + body + after.text);
    expect(tables.map((t) => [t.line, t.section, cells(t)])).toEqual([
      [3, 'Errors', [['错误码', '说明'], ['A.1', 'x'], ['A.2', 'y'], ['A.3', 'z']]],
      [after.line, 'After', [['code', 'text'], ['B.1', 'ok']]],
    ]);
  }

  it('refuse a paragraph of more than 1000 emphasis markers (`*a*a*a…`), naming its first line', () => {
    const body = `intro\n\n${'*a'.repeat(1_001)}\n\n`; // every `*` but the first may close, and the line counts one
    expect(failure('emphasis.md', head + body).format()).toBe(
      "emphasis.md:11: Too much inline markup: more than 1000 places where it may end or stand (* _ ~ after a non-space; ] \\ & < `; and each line holding markup) in one paragraph, heading or table cell from here; expected at most 1000, as the Markdown parser's time grows with their number times the paragraph's length",
    );
    // 80 KB of it, as in the report, is refused the same way.
    expect(failure('emphasis.md', `${head}${'*a'.repeat(40_000)}\n`).line).toBe(9);
    // Paragraphs just under the limit, and many of them, read; so does a paragraph of openers only.
    readsAround(`${'*a'.repeat(1_000)}\n\n`.repeat(20));
    readsAround(`${'*a [b '.repeat(20_000)}\n\n`);
  });

  it('count markers per paragraph, heading and table row, not per page', () => {
    const row = `|B.x|${'**b** [l](u) ~~s~~ '.repeat(20)}|`; // 100 closing markers a row
    const table = `|code|text|\n|--|--|\n${Array(30).fill(row).join('\n')}\n`;
    const list = `${Array(30).fill(`- ${'**b** '.repeat(50)}`).join('\n')}\n`; // 100 an item
    const page = `${head}${table}\n${list}\n## ${'_i_ '.repeat(999)}\n`;
    const { tables } = read('many.md', page);
    expect(tables).toHaveLength(2);
    expect(tables[1]!.rows).toHaveLength(31);
    expect(tables[1]!.rows[30]!.cells[1]!.text).toBe('b l s '.repeat(20).trim());
    // One table row with more than 1000 is refused: the limit is per row (and cell), not per table.
    const over = `${head}|code|text|\n|--|--|\n${row}\n|B.y|${'*a'.repeat(1_001)}|\n`;
    expect(failure('row.md', over).line).toBe(12);
  });

  it('refuse a paragraph of more than 1000 lines of markup that comes to nothing (`!!!`), naming its first line', () => {
    expect(failure('bangs.md', `${head}${'!!!\n'.repeat(1_001)}`).line).toBe(9);
    readsAround(`${'!!!\n'.repeat(1_000)}\n`);
    // Lines of plain text cost nothing of it.
    readsAround(`${'words and more words\n'.repeat(20_000)}\n`);
  });

  it('count the markup of a paragraph that follows an HTML block closed with its list item', () => {
    // The <div> ends with the item, so the line under it is a paragraph at the top level again.
    // Counted from the <div> line, which the count cannot be sure is HTML.
    expect(failure('item.md', `${head}- a\n  <div>\n${'*a'.repeat(1_001)}\n`).line).toBe(10);
  });

  it('count lines that only look like list items as the paragraph they continue', () => {
    // An empty item, an item numbered 2, and a marker indented four spaces cannot interrupt a
    // paragraph: micromark reads all these lines as one paragraph, so their markers add up.
    const run = 'a*'.repeat(600);
    for (const item of ['- ', '2. ', '    - ']) {
      const lines = item === '- ' ? `- \n${run}\n${run}` : `${item}${run}\n${item}${run}`;
      expect(failure('items.md', `${head}para *x*\n${lines}\n`).line, JSON.stringify(item)).toBe(9);
    }
    // Real list items are pieces of their own.
    readsAround(`para\n- ${run}\n- ${run}\n1. ${run}\n  - ${run}\n\n`);
  });

  it('refuse a table cell or heading of more than 1000 markers, naming its line', () => {
    expect(failure('cell.md', `${head}|code|text|\n|--|--|\n|B.1|${'[*a]'.repeat(501)}|\n`).format()).toMatch(/^cell\.md:11: Too much inline markup/);
    expect(failure('heading.md', `${head}## ${'~a'.repeat(1_002)}\n`).format()).toMatch(/^heading\.md:9: Too much inline markup/);
  });

  it('refuse lists and block quotes nested more than 64 deep, naming the line', () => {
    const stair = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * i)}- a`).join('\n');
    expect(failure('deep.md', `${head}${stair(65)}\n`).format()).toBe(
      'deep.md:73: Markdown nested too deeply: more than 64 block quotes and list items open on this line; expected at most 64',
    );
    expect(failure('quotes.md', `${head}${'>'.repeat(10_000)} a\n`).line).toBe(9);
    expect(failure('bullets.md', `${head}${'- '.repeat(10_000)}a\n`).line).toBe(9);
    // 64 levels read.
    readsAround(`${stair(64)}\n\n${'>'.repeat(64)} a\n\n${'- '.repeat(64)}a\n\n`);
  });

  it('read thousands of block quotes and lists (micromark copies its events at the end of each)', () => {
    readsAround('> note\n\n'.repeat(3_000));
    readsAround('- item\n\ntext\n\n'.repeat(1_500));
    // A tight nested list: no blank line, but every item at the start of a line is a place to cut.
    readsAround(Array.from({ length: 1_000 }, (_, i) => `- item ${i}\n  - sub\n    - subsub\n`).join(''));
  });

  it('refuse thousands of block quote ends or lazy lines with no place to cut between them, naming where they start', () => {
    const error = failure('ends.md', `${head}${'> a\n<!-- x -->\n'.repeat(2_000)}`);
    expect(error.line).toBe(10); // the first line that ends a quote
    expect(error.message).toMatch(/^Markdown too costly to read: 2000 of the 4000 lines from here end block quotes or lists/);
    // A quoted paragraph going on lazily (without `>`) line after line: micromark looks back over
    // the paragraph on each such line.
    expect(failure('lazy.md', `${head}${'> > q\nabc\n'.repeat(3_000)}`).line).toBe(10);
    readsAround(`${'> > q\nabc\n'.repeat(50)}\n`.repeat(40));
  });
});
