import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../pipeline/read';
import { seedsDir } from '../helpers/seeds';

// Counts checked by hand against the pages: zh.md has one pipe table (lines 28-139), en.rst one
// grid table (lines 33-260); the en page also shows CCI.02.409101 in an example response body.
describe('the CCI seed pages', () => {
  const zh = readPage(join(seedsDir, 'zh.md'));
  const en = readPage(join(seedsDir, 'en.rst'));

  it('zh: one table, a header and 110 rows of 5 columns', () => {
    expect(zh.lang).toBe('zh');
    expect(zh.tables).toHaveLength(1);
    const [table] = zh.tables;
    expect(table!.headerRows).toBe(1);
    expect(table!.rows).toHaveLength(111);
    expect(new Set(table!.rows.map((r) => r.cells.length))).toEqual(new Set([5]));
    expect(table!.rows[0]!.cells.map((c) => c.text)).toEqual(['状态码', '错误码', '错误信息', '描述', '处理措施']);
    expect(table!.rows[110]!).toMatchObject({ line: 139 });
    expect(table!.rows[110]!.cells[1]!.text).toBe('CCI.03.400104');
  });

  it('en: one table, a header and 112 rows of 5 columns', () => {
    expect(en.lang).toBe('en');
    expect(en.tables).toHaveLength(1);
    const [table] = en.tables;
    expect(table!.headerRows).toBe(1);
    expect(table!.rows).toHaveLength(113);
    expect(new Set(table!.rows.map((r) => r.cells.length))).toEqual(new Set([5]));
    expect(table!.rows[0]!.cells.map((c) => c.text)).toEqual(['Status Code', 'Error Codes', 'Error Message', 'Description', 'Measure']);
    expect(table!.section).toBe('Error Code Description');
  });

  it('en: CCI.02.409101 is read once, from the table, not from the example body', () => {
    const hits = en.tables.flatMap((t) => t.rows).filter((r) => r.cells.some((c) => c.text.includes('CCI.02.409101')));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.cells.map((c) => c.text).slice(0, 2)).toEqual(['409', 'CCI.02.409101']);
  });

  it('en: codes present only in the English page are read (CCI.01.403009, CCI.01.403010)', () => {
    const codes = (doc: typeof en) => new Set(doc.tables[0]!.rows.slice(1).map((r) => r.cells[1]!.text));
    expect([...codes(en)].filter((c) => !codes(zh).has(c)).sort()).toEqual(['CCI.01.403009', 'CCI.01.403010']);
  });
});
