/**
 * Row and column spans are filled in before a table is read; the cells that makes are bounded by
 * the page (16 per cell it writes, at least 10,000), so a few spans of 1000 cannot fill gigabytes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { explicitCatalog } from '../../pipeline/sources';
import { errorOf } from '../helpers/errors';

const dir = mkdtempSync(join(tmpdir(), 'errcat-spans-'));
function compilePage(name: string, text: string) {
  writeFileSync(join(dir, name), text);
  return () => compileCatalog(explicitCatalog([`zh=${join(dir, name)}`], 'spans'));
}

const header = '<table><tr><th>错误码</th><th>错误信息</th></tr>\n';
const codeRows = (n: number) => Array.from({ length: n }, (_, i) => `<tr><td>V.${i + 2}</td><td>m</td></tr>\n`).join('');

describe('the area a table takes once its spans are filled in', () => {
  it('refuses a cell spanning 1000 columns × 1000 rows, naming the table, the limit and the cell', () => {
    // 2 header cells + 1 spanning cell + 20 rows of 2 cells = 43 written: the budget is the minimum,
    // 10,000; the span alone covers 1000 columns × 21 rows (the table has no more rows).
    const run = compilePage('square.md', `# T\n\n${header}<tr><td colspan="1000" rowspan="1000">V.1</td></tr>\n${codeRows(20)}</table>\n`);
    expect(errorOf(run)).toBe(
      `${join(dir, 'square.md')}:3: table too large once its row and column spans are filled in: this page's tables may hold at most 10000 cells ` +
        '(16 per cell the page writes, at least 10000); found at least 21002, with the cell at line 4 spanning 1000 column(s) × 21 row(s)',
    );
  });

  it('counts every table of the page against one budget', () => {
    // Each table (7 lines) writes 8 cells and fills 5 rows × 1000 columns: two fit in the 10,000
    // cells of the page, the third table's first cell is one too many.
    const table = `${header}<tr><td colspan="1000">V.1</td></tr>\n<tr><td colspan="1000">V.1</td></tr>\n${codeRows(2)}</table>\n\n`;
    const run = compilePage('many.md', `# T\n\n${table.repeat(6)}`);
    expect(errorOf(run)).toBe(
      `${join(dir, 'many.md')}:17: table too large once its row and column spans are filled in: this page's tables may hold at most 10000 cells ` +
        '(16 per cell the page writes, at least 10000); found at least 10001, with the cell at line 17 spanning 1 column(s) × 1 row(s)',
    );
  });

  it('refuses a table whose short rows, padded to its width, exceed the budget', () => {
    // A row 700 cells wide and 40 rows of one cell: 1 + 700 + 40 = 741 written (budget 16 × 741 =
    // 11,856), 42 rows × 700 columns = 29,400 once padded.
    const wide = `<tr>${'<td>x</td>'.repeat(700)}</tr>\n`;
    const run = compilePage('ragged.md', `# T\n\n<table><tr><th>错误码</th></tr>\n${wide}${'<tr><td>V.1</td></tr>\n'.repeat(40)}</table>\n`);
    expect(errorOf(run)).toBe(
      `${join(dir, 'ragged.md')}:3: table too large once its row and column spans are filled in: this page's tables may hold at most 11856 cells ` +
        '(16 per cell the page writes, at least 10000); found 29400 with this table of 42 rows × 700 columns',
    );
  });

  it('fills in spans within the budget as before', () => {
    const run = compilePage('ok.md', `# T\n\n${header}<tr><td rowspan="3">V.1</td><td>a</td></tr>\n<tr><td>b</td></tr>\n<tr><td>c</td></tr>\n</table>\n`);
    const compiled = run();
    expect(compiled.catalog.entries).toHaveLength(1);
    expect(compiled.catalog.entries[0]!.variants!.map((v) => v.texts.zh!.message)).toEqual(['a', 'b', 'c']);
  });
});
