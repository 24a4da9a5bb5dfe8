import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseInGroups } from '../../pipeline/read/markdown/grouped-parse';
import remarkGfmTables from '../../pipeline/read/markdown/remark-gfm-tables';
import { decodeSource } from '../../pipeline/read/source';
import { corpusDir, hasCorpus, repoRoot } from '../helpers/reference';

// A page parsed in groups must give the tree remark gives it parsed whole, in everything the reader
// looks at: every block other than the containers a cut may split (a list going on after a blank
// line becomes a list of its own), with its type, position and text. Groups of one line at most
// cut the page at every place there is.
const remark = unified().use(remarkParse).use(remarkGfmTables);
const parse = (text: string) => remark.parse(text) as Root;
const inGroups = (text: string) => parseInGroups(text, parse, { file: 'page.md', groupLines: 1 });

const CONTAINERS = new Set(['root', 'list', 'listItem', 'blockquote']);

/** Every node that is not a container: its type, position and text, in document order. */
function blocks(tree: Root): unknown[] {
  const out: unknown[] = [];
  const visit = (node: Nodes) => {
    if (!CONTAINERS.has(node.type)) {
      const { start, end } = node.position!;
      out.push([node.type, start.line, start.column, start.offset, end.line, end.column, end.offset, 'value' in node ? node.value : null]);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return out;
}

/** A page as the reader gets it (without a BOM, line ends normalised); null for one it refuses (binary, not UTF-8). */
function pageText(file: string): string | null {
  try {
    return decodeSource(file, readFileSync(file)).text;
  } catch {
    return null;
  }
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

describe('a page parsed in groups', () => {
  it('is parsed as a whole, for the fixtures and seeds', () => {
    const files = [...markdownFiles(join(repoRoot, 'test', 'fixtures')), join(repoRoot, 'sources', 'cci', 'zh.md')];
    for (const file of files) {
      const text = pageText(file);
      if (text !== null) expect(blocks(inGroups(text)), file).toEqual(blocks(parse(text)));
    }
  });

  it.skipIf(!hasCorpus)('is parsed as a whole, for every page of the corpus', () => {
    const files = markdownFiles(corpusDir);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = pageText(file)!;
      expect(blocks(inGroups(text)), file).toEqual(blocks(parse(text)));
    }
  });

  // Blocks that decide where a cut is safe: fences and HTML blocks running over blank lines and
  // unindented lines, lists and quotes, tables, headings, lazy lines, setext underlines.
  const PIECES = [
    '', '', '', 'text', 'more text', '# Heading', 'Title', '===', '---', '- item', '- item\n  - nested', '* star', '+ plus', '1. one', '2. two',
    '> quote', '> - quoted item', 'lazy line', '  indented', '    code', '```', '```js', '~~~', '````', '<!--', '-->', '<!-- one line -->',
    '<div>', '</div>', '<pre>', '</pre>', '<?php', '?>', '<![CDATA[', ']]>', '<!DOCTYPE x>', '<span>inline</span>', '|a|b|', '|--|--|', '|1|2|',
    '***', '- - -', '-', '<table><tr><td>x</td></tr></table>', '\t- tab item', '>', '3) three', '1)', '|x|', '<x-tag>', '</span>', '    - code item',
  ];
  const page = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((lines) => lines.join('\n'));

  it('is parsed as a whole, for generated pages', () => {
    fc.assert(
      fc.property(page, (text) => {
        expect(blocks(inGroups(text))).toEqual(blocks(parse(text)));
      }),
      { numRuns: Number(process.env.ERRCAT_FUZZ_RUNS ?? 1500) },
    );
  });

  it('is one parse when the page may define links (definitions apply to the whole page)', () => {
    const text = '|a|\n|--|\n|[x][r]|\n\npara\n\n[r]: http://example.com\n';
    const tree = inGroups(text);
    expect(blocks(tree)).toEqual(blocks(parse(text)));
    expect(JSON.stringify(tree)).toContain('"linkReference"');
  });
});
