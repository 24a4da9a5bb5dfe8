import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../pipeline/read/markdown/read-markdown';
import remarkGfmTables from '../../pipeline/read/markdown/remark-gfm-tables';
import { parseSimplePage } from '../../pipeline/read/markdown/simple-blocks';
import { seedsDir } from '../helpers/seeds';

// parseSimplePage builds, without remark, the tree of a page of plain headings, paragraphs, fenced
// code and plain pipe tables. Reference: remark with errcat's GFM table extensions (what the reader
// uses otherwise), compared on everything the reader looks at.
const remark = unified().use(remarkParse).use(remarkGfmTables);

/** Each block: its type and lines; a heading's depth and text; a table's rows, each with its line and cell texts. */
function projection(tree: Root): unknown[] {
  const text = (node: Nodes): string =>
    node.type === 'text' ? node.value : 'children' in node ? (node.children as Nodes[]).map(text).join('') : '';
  return tree.children.map((node) => {
    const lines = [node.position!.start.line, node.position!.end.line];
    switch (node.type) {
      case 'heading':
        return { type: node.type, lines, depth: node.depth, text: text(node).trim() };
      case 'table':
        return { type: node.type, lines, rows: node.children.map((row) => [row.position!.start.line, ...row.children.map((cell) => text(cell).trim())]) };
      default:
        return { type: node.type, lines, start: node.position!.start.offset, end: node.position!.end.offset };
    }
  });
}

describe('pages of simple blocks, read without remark', () => {
  it("take this path for the seeds' zh page, and read it as remark parsing it whole does", () => {
    const text = readFileSync(join(seedsDir, 'zh.md'), 'utf8');
    const withoutRows = text.split('\n').filter((line, i, all) => !(line.startsWith('|') && all[i - 1]?.startsWith('|') && all[i - 2]?.startsWith('|'))).join('\n');
    expect(parseSimplePage(withoutRows)).not.toBeNull();
    const page = { file: 'zh.md', text };
    expect(readMarkdown(page)).toEqual(readMarkdown(page, { parseWhole: true }));
  });

  it.each([
    ['a list', '# T\n\n- item\n'],
    ['a quote', '# T\n\n> quoted\n'],
    ['HTML', '# T\n\n<div>x</div>\n'],
    ['an indented line', '# T\n\n    code\n'],
    ['a tab', '# T\n\na\tb\n'],
    ['emphasis in a heading', '# *T*\n'],
    ['an entity in a heading', '# A &amp; B\n'],
    ['a heading without a space', '#T\n'],
    ['a setext underline', 'Title\n=====\n'],
    ['a pipe in prose', '# T\n\na | b\n'],
    ['a table right under a paragraph', 'text\n|a|b|\n|--|--|\n'],
    ['inline syntax in a cell', '|a|b|\n|--|--|\n|`x`|y|\n'],
    ['a header and delimiter of different widths', '|a|b|\n|--|\n'],
    ['a fence never closed', '```\ncode\n'],
    ['a reference definition', '[x]: http://example.com\n'],
  ])('leave a page with %s to remark', (_, text) => {
    expect(parseSimplePage(text)).toBeNull();
  });

  // Pages assembled from blocks that are simple and, less often, blocks that are not or nearly are:
  // where parseSimplePage gives a tree, it must be remark's.
  const either = <T,>(simple: T[], tricky: T[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...simple) }, { weight: 1, arbitrary: fc.constantFrom(...tricky) });
  const headingText = either(['错误码', 'Error codes', '', ' spaced  out ', '4xx: 说明 (v2)'], ['a_b', 'x*y', 'C# code', 'A & B', 'a\\b', '[l](u)', '`c`', 'x ##', '~~s~~']);
  const anchor = either(['', '<a name="section1"></a>', '<a id="x.y"></a>', '<a name="a"></a><a name="b"></a>'], ['<a name="x">', '<b>x</b>', '<a name=x></a>']);
  const heading = fc.tuple(either([1, 2, 3, 6], [7]), either([' ', '  '], ['']), headingText, anchor, either(['', ' '], [' #']))
    .map(([depth, gap, text, a, tail]) => `${'#'.repeat(depth)}${gap}${text}${a}${tail}`);
  const prose = either(
    ['调用接口出错后，将不会返回结果数据。', 'See [the docs](http://x) for **more**.', 'plain words', '400 errors', 'C# and ~tilde~ mid-line'],
    ['1. numbered', '- dash', '* star', '---', '===', '> quote', '<br>', 'a | b', '   indented', '    code', '[x]: http://example.com', '![image](u)', '# ', '#x'],
  );
  const fence = fc.tuple(either(['```', '~~~', '````', '```json'], ['``` a`b']), fc.array(fc.constantFrom('{', '  "a": 1', '```', '~~~', '}', '', '# not a heading'), { maxLength: 4 }), either(['```', '~~~', '````'], ['   ```', '``` x', '``']))
    .map(([open, body, close]) => [open, ...body, close].join('\n'));
  const cell = either(['400', 'CCI.01.400101', '请求错误', 'a_b', '', ' x ', 'a [b] c'], ['`c`', '*e*', 'a\\|b', '<br>', '_e_']);
  const tableRow = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => `|${cells.join('|')}|`);
  const table = fc.tuple(tableRow, either(['|--|--|', '|--|--|--|', '|---|', '|:--|--:|', '|--|--|--|--|'], ['--|--', '|-|', '| -- |']), fc.array(tableRow, { maxLength: 4 }))
    .map(([head, delimiter, rows]) => [head, delimiter, ...rows].join('\n'));
  const block = fc.oneof(heading, prose, fence, table, fc.constant(''), fc.constant(' '));
  const page = fc.array(block, { minLength: 1, maxLength: 8 }).chain((blocks) =>
    fc.array(fc.boolean(), { minLength: blocks.length, maxLength: blocks.length }).map((blank) =>
      blocks.map((b, i) => (blank[i] ? `${b}\n` : b)).join('\n'),
    ),
  );

  it('give remark’s tree wherever they give one', () => {
    const runs = Number(process.env.ERRCAT_FUZZ_RUNS ?? 2000);
    let simple = 0;
    fc.assert(
      fc.property(page, (text) => {
        const tree = parseSimplePage(text);
        if (!tree) return;
        simple++;
        expect(projection(tree)).toEqual(projection(remark.parse(text) as Root));
      }),
      { numRuns: runs },
    );
    // The generator must reach this path often enough for the comparison to mean something.
    expect(simple).toBeGreaterThan(runs / 10);
  });
});
