/**
 * A pipe row with more cells than its header: GFM shows the row cut to the header's width, and so
 * does the catalog, but the text after the last column is on the page and in neither. long-row
 * reports it, the cell accounting counts it, and `build --verbose` lists the reader's note. The page
 * is written here; every expectation is worked out by hand from its lines.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { explicitCatalog } from '../../pipeline/sources';
import { errcat } from '../helpers/cli';

const work = mkdtempSync(join(tmpdir(), 'errcat-long-row-'));
const zh = join(work, 'zh.md');
writeFileSync(
  zh,
  [
    '# 错误码', // 1
    '',
    '|状态码|错误码|错误信息|描述|处理措施|', // 3
    '|--|--|--|--|--|',
    '|400|T.0001|参数错误|请求参数不合法|检查参数|', // 5: five cells
    '|400|T.0002|a | b|描述二|处理二|', // 6: an unescaped | makes six; 处理二 is past the header
    '|400|T.0003|m|d|s||', // 7: a sixth cell, empty: nothing lost
    '',
  ].join('\n'),
);
// Long rows that are left out: one without a code (empty-field), one whose code cell is two codes (invalid-code).
const leftOut = join(work, 'left-out', 'zh.md');
mkdirSync(dirname(leftOut));
writeFileSync(
  leftOut,
  [
    '# 错误码', // 1
    '',
    '|状态码|错误码|错误信息|描述|处理措施|', // 3
    '|--|--|--|--|--|',
    '|400|T.0001|参数错误|请求参数不合法|检查参数|', // 5
    '|400||无码|描述|处理|多余|', // 6: no code, one cell past the header
    '|400|T.0004 T.0005|两个码|描述|处理|多余一|多余二|', // 7: not one code, two cells past it
    '',
  ].join('\n'),
);

describe('long-row', () => {
  const compiled = compileCatalog(explicitCatalog([`zh=${zh}`], 'long'));

  it('reports the row with the text GFM does not show, at its line', () => {
    const found = compiled.report.divergences.filter((d) => d.rule === 'long-row');
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        errorCode: 'T.0002',
        message: 'T.0002: the zh row goes on after its header\'s last column with a cell: "处理二", which GFM does not show and errcat does not read (a | in a cell not written as \\|?)',
        locations: [{ lang: 'zh', file: zh, line: 6 }],
      }),
    ]);
  });

  it('names a row left out by its code cell, with no entry: the review page lists it apart', () => {
    const found = compileCatalog(explicitCatalog([`zh=${leftOut}`], 'left')).report.divergences.filter((d) => d.rule === 'long-row');
    expect(found.map((d) => [d.errorCode, d.locations[0]!.line, d.message])).toEqual([
      [undefined, 6, 'the zh row without a code goes on after its header\'s last column with a cell: "多余", which GFM does not show and errcat does not read (a | in a cell not written as \\|?)'],
      [undefined, 7, 'the zh row of code cell "T.0004 T.0005" (left out) goes on after its header\'s last column with 2 cells: "多余一", "多余二", which GFM does not show and errcat does not read (a | in a cell not written as \\|?)'],
    ]);
  });

  it('keeps the row as GFM shows it, its text one column on', () => {
    const variant = compiled.catalog.entries.find((e) => e.errorCode === 'T.0002')!;
    expect(variant.texts.zh).toMatchObject({ message: 'a', description: 'b', measure: '描述二' });
  });

  it('counts the cell as read and not kept, so the build cannot say 100%', () => {
    // Rows 5 and 7 hold 5 non-empty cells each, row 6 five in its columns and one past them.
    expect(compiled.accounting.cells).toEqual({ read: 16, kept: 15, inRowsLeftOut: 0, ignored: 0, beyondHeader: 1, dropped: 0 });
  });

  it('build --verbose lists the reader notes of both long rows', () => {
    const { status, stdout } = errcat(['build', '--source', `zh=${zh}`, '--catalog', 'long', '--out', join(work, 'out'), '--verbose'], work);
    expect(status).toBe(0);
    expect(stdout).toContain('3 rows, 2 reader notes\n');
    expect(stdout).toContain(
      '      note at line 6: row has 6 cells, the header 5; the extra cells are ignored, as GFM renders them\n' +
        '      note at line 7: row has 6 cells, the header 5; the extra cells are ignored, as GFM renders them\n',
    );
    expect(stdout).toContain("  16 cells read = 15 kept + 1 beyond their row's header (long-row)\n");
    expect(stdout).toContain('3 rows read = 3 kept + 0 left out: 93.7% kept');
  });
});
