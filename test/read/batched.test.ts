import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../pipeline/read/markdown/read-markdown';
import { BATCH_ROWS, hasActiveUnderscore, plainRowCells } from '../../pipeline/read/markdown/batched-tables';
import { corpusDir, hasCorpus } from '../helpers/reference';

/** A page whose pipe table is big enough to be read in batches, with cells that exercise inline parsing. */
function bigPage(rows: number, after = '\n\n## Next\n\n|a|b|\n|--|--|\n|1|2|\n'): string {
  const body = Array.from({ length: rows }, (_, i) => {
    const variants = [
      `|400|B.${i}|**bold** \`code\` [link](http://x/${i})|a<br>b &amp; c|`,
      `|404|B.${i}|escaped \\| pipe|*em* ~~gone~~|`,
      `|500|B.${i}|short row|`,
      `|409|B.${i}|x|y|extra|cells|`,
    ];
    return variants[i % variants.length];
  });
  return `# T\n\n<table><tr><th>错误码</th></tr><tr><td>H.1</td></tr></table>\n\n|状态码|错误码|错误信息|描述|\n|--|--|--|--|\n${body.join('\n')}${after}`;
}

const read = (text: string, cut: boolean) => readMarkdown({ file: 'big.md', text }, { parseWhole: !cut });

describe('big pipe tables read in batches', () => {
  it('read exactly as the page parsed whole: cells, lines, notes, later tables', () => {
    const text = bigPage(BATCH_ROWS * 3 + 7);
    const whole = read(text, false);
    const batched = read(text, true);
    expect(batched).toEqual(whole);
    expect(batched.tables[1]!.rows).toHaveLength(BATCH_ROWS * 3 + 8);
    expect(batched.tables[2]!.rows[1]!.line).toBe(whole.tables[2]!.rows[1]!.line);
  });

  it('fall back to the whole page when a line ends the table early', () => {
    const text = bigPage(BATCH_ROWS + 50, '\n> a quote right under the table\n');
    expect(read(text, true)).toEqual(read(text, false));
  });

  it('fall back when cells could use reference links defined elsewhere', () => {
    const text = `${bigPage(BATCH_ROWS + 50)}\n[ref]: http://example.com\n`.replace('|400|B.0|', '|400|[B.0][ref]|');
    const batched = read(text, true);
    expect(batched).toEqual(read(text, false));
    expect(batched.tables[1]!.rows[1]!.cells[1]!.text).toBe('B.0');
  });

  it.each([
    ['in a blockquote', '> [ref]: http://example.com'],
    ['in a list item', '- [ref]: http://example.com'],
    ['with an escaped bracket in its label', '[r\\]ef]: http://example.com'],
    ['with its label over two lines', '[re\nf]: http://example.com'],
  ])('fall back for a reference definition %s', (_, definition) => {
    const label = definition.includes('\\]') ? 'r\\]ef' : definition.includes('re\n') ? 're f' : 'ref';
    const text = `${bigPage(BATCH_ROWS + 50)}\n${definition}\n`.replace('|400|B.0|', `|400|[B.0][${label}]|`).replace('|400|B.1|', '|400|B.1 [ref]|');
    const batched = read(text, true);
    expect(batched).toEqual(read(text, false));
    expect(batched.tables[1]!.rows[1]!.cells[1]!.text).toBe('B.0');
  });

  it('read brackets that make no link as text, without remark', () => {
    expect(plainRowCells('|400|BMS.0008|Fail to query flavor [%s], reason: %s.|x|')).toEqual(['400', 'BMS.0008', 'Fail to query flavor [%s], reason: %s.', 'x']);
    expect(plainRowCells('|400|X|see [docs](http://x)|')).toBeNull();
  });
});

describe('pipe rows read line by line', () => {
  // Cells that stay plain and cells that need inline parsing, side by side: every row must read as
  // the page parsed whole by remark reads it (its text, its cell count, its notes).
  const cell = fc.constantFrom(
    'plain', 'error_code', 'a_b_c', '_em_', '__strong__', 'x_', '_x', 'a*b', '**b**', '`co|de`', 'a\\|b', '\\\\', '&amp;', '&#x4e2d;',
    '<br>', '<b>x</b>', 'a<b', '~~gone~~', '~one~', '[l](http://x)', '![i](u)', '[ref]', 'www.example.com', 'http://x.y',
    '中文，全角：“引号”', '\u3000宽\u3000', '中_文', '𝐀_𝐁', 'é_1', '_中', '中_', '，_，', 'a  b', '  spaced  ', '', ' ', 'CCI.01.400101', '4xx', '-', '---', ':--', '#', '> q', '1.',
  );
  const row = fc.record({
    cells: fc.array(cell, { minLength: 1, maxLength: 6 }),
    lead: fc.constantFrom('|', '| ', ''),
    trail: fc.constantFrom('|', '| ', '|  ', '', ' '),
  });
  const line = (r: { cells: string[]; lead: string; trail: string }) => `${r.lead}${r.cells.join('|')}${r.trail}`;
  /** The tables read, or the error (with its line) when the page is refused: both ways must agree. */
  const outcome = (text: string, lineByLine: boolean) => {
    try {
      return read(text, lineByLine);
    } catch (error) {
      return (error as { format?: () => string }).format?.() ?? String(error);
    }
  };

  it('equal the whole-page parse for any mix of plain and inline cells', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 12 }), (rows) => {
        const text = `# T\n\n|状态码|错误码|错误信息|描述|\n|--|--|--|--|\n${rows.map(line).join('\n')}\n\nafter\n`;
        expect(outcome(text, true)).toEqual(outcome(text, false));
      }),
      { numRuns: Number(process.env.ERRCAT_FUZZ_RUNS ?? 300) },
    );
  });

  it('tell an underscore that may start emphasis as GFM would (not between two letters or digits)', () => {
    // The rule as a Unicode regular expression is the reference; errcat checks it by hand.
    const reference = /(?:^|[^\p{L}\p{N}])_|_(?:$|[^\p{L}\p{N}])/u;
    const text = fc.array(fc.constantFrom('_', 'a', '9', 'é', '中', '𝐀', '😀', '\u0301', ' ', '，', '-', '\ud835', '\udc00'), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(hasActiveUnderscore(t)).toBe(reference.test(t));
    }), { numRuns: 3000 });
    expect(['error_code', '错误_码', '𝐀_𝐁'].map(hasActiveUnderscore)).toEqual([false, false, false]);
    expect(['_x', 'x_', 'a _b', '😀_a'].map(hasActiveUnderscore)).toEqual([true, true, true, true]);
  });

  it('split plain rows on their pipes, and leave rows with inline syntax to remark', () => {
    expect(plainRowCells('|400| CCI.01.400101 |request body error|请求错误|  ')).toEqual(['400', 'CCI.01.400101', 'request body error', '请求错误']);
    expect(plainRowCells('|a|b')).toEqual(['a', 'b']);
    expect(plainRowCells('|error_code|x|')).toEqual(['error_code', 'x']);
    for (const inline of ['|a\\|b|', '|`x`|', '|*x*|', '|_x_|', '|&amp;|', '|<br>|', '|[x](y)|', '|~~x~~|']) expect(plainRowCells(inline)).toBeNull();
    expect(plainRowCells(' |a|')).toBeNull(); // not at the line start: remark decides
  });
});

describe.skipIf(!hasCorpus)('the shortcuts on every Markdown page of the corpus', () => {
  it('read every page exactly as remark parsing it whole does', () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.md')) pages.push(path);
      }
    };
    walk(corpusDir);
    for (const file of pages) {
      const text = readFileSync(file, 'utf8');
      expect(read(text, true), file).toEqual(read(text, false));
    }
    expect(pages.length).toBeGreaterThan(100);
  });
});
