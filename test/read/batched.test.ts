import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../pipeline/read/markdown/read-markdown';
import { BATCH_THRESHOLD } from '../../pipeline/read/markdown/batched-tables';

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

const read = (text: string, batchBigTables: boolean) => readMarkdown({ file: 'big.md', text }, { batchBigTables });

describe('big pipe tables read in batches', () => {
  it('read exactly as the page parsed whole: cells, lines, notes, later tables', () => {
    const text = bigPage(BATCH_THRESHOLD * 3 + 7);
    const whole = read(text, false);
    const batched = read(text, true);
    expect(batched).toEqual(whole);
    expect(batched.tables[1]!.rows).toHaveLength(BATCH_THRESHOLD * 3 + 8);
    expect(batched.tables[2]!.rows[1]!.line).toBe(whole.tables[2]!.rows[1]!.line);
  });

  it('fall back to the whole page when a line ends the table early', () => {
    const text = bigPage(BATCH_THRESHOLD + 50, '\n> a quote right under the table\n');
    expect(read(text, true)).toEqual(read(text, false));
  });

  it('fall back when cells could use reference links defined elsewhere', () => {
    const text = `${bigPage(BATCH_THRESHOLD + 50)}\n[ref]: http://example.com\n`.replace('|400|B.0|', '|400|[B.0][ref]|');
    const batched = read(text, true);
    expect(batched).toEqual(read(text, false));
    expect(batched.tables[1]!.rows[1]!.cells[1]!.text).toBe('B.0');
  });
});
