import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { extraKeys } from '../../pipeline/normalize';
import { mapHeader } from '../../pipeline/normalize/columns';
import { explicitCatalog } from '../../pipeline/sources';
import { repoRoot } from '../helpers/reference';

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'columns', name);
const compileOne = (name: string, config?: string) => {
  const spec = explicitCatalog([`zh=${fixture(name)}`], 'columns');
  if (config) spec.configPath = fixture(config);
  return compileCatalog(spec);
};

describe('column mapping', () => {
  it.each([
    ['状态码', 'httpStatus'], ['HTTP状态码', 'httpStatus'], ['http状态码', 'httpStatus'], ['Http 状态码', 'httpStatus'],
    ['Status Code', 'httpStatus'], ['HTTP Status Code', 'httpStatus'], ['错误码', 'errorCode'], ['返回错误码', 'errorCode'],
    ['Error Code', 'errorCode'], ['Error Codes', 'errorCode'], ['错误信息', 'message'], ['Error Message', 'message'],
    ['Message', 'message'], ['描述', 'description'], ['说明', 'description'], ['错误说明', 'description'],
    ['错误描述', 'description'], ['中文错误信息', 'description'], ['Description', 'description'], ['处理措施', 'measure'],
    ['解决方案', 'measure'], ['处理建议', 'measure'], ['Measure', 'measure'], ['Solution', 'measure'],
    ['Handling Measure', 'measure'], ['模块', 'module'], ['Module', 'module'], ['描述(处理措施)', 'measure'],
    ['Error Information', 'message'], ['Troubleshooting', 'measure'], ['描述信息', 'description'], ['错误代码', 'errorCode'],
    ['HTTP Status', 'httpStatus'], ['解决方法', 'measure'], ['Handling Method', 'measure'],
  ])('%s → %s', (header, field) => {
    expect(mapHeader(header)).toBe(field);
  });

  const compiled = compileOne('variants.md');

  it('finds error-code tables by header in any column order and skips the others', () => {
    expect(compiled.pages[0]).toMatchObject({ tables: 3, codeTables: 2, rows: 5 });
    expect(compiled.pages[0]!.skipped).toEqual([{ line: 5, header: ['参数', '类型', '说明'] }]);
  });

  it('applies row spans to every row they cover, and reads "403 Forbidden" as 403', () => {
    const byCode = new Map(compiled.catalog.entries.map((e) => [e.errorCode, e]));
    expect(byCode.get('V.0002')).toMatchObject({ httpStatus: 400, texts: { zh: { module: '公共', message: 'worse', description: '错误二', measure: '联系我们' } } });
    expect(byCode.get('V.0003')).toMatchObject({ httpStatus: 403, texts: { zh: { module: '网络' } } });
  });

  it('reads a pipe row lacking its first cell as sharing it with the row above, and says so', () => {
    const entry = compiled.catalog.entries.find((e) => e.errorCode === 'V.0102')!;
    expect(entry).toMatchObject({ httpStatus: 404, texts: { zh: { module: '子网', message: 'b', description: '乙', measure: '无' } } });
    expect(compiled.report.divergences.filter((d) => d.rule === 'short-row').map((d) => d.locations[0]!.line)).toEqual([18]);
  });

  it('keeps the cells of a header it cannot map, and names it with file:line', () => {
    const kept = compileOne('unknown-column.md');
    expect(kept.catalog.entries).toEqual([
      { errorCode: 'V.0001', httpStatus: 400, texts: { zh: { module: null, message: 'bad', description: null, measure: null, line: 5, extra: { 备注: '内部使用' } } } },
    ]);
    const [divergence] = kept.report.divergences;
    expect(divergence).toMatchObject({ rule: 'unmapped-column', severity: 'warning', locations: [{ lang: 'zh', file: fixture('unknown-column.md'), line: 3 }] });
    expect(divergence!.message).toBe('column "备注" in zh maps to no field; its cells are kept as extra["备注"] (map it in the catalog\'s "columns" setting)');
  });

  it('keeps a second column for a field already filled as extra, and says which', () => {
    const kept = compileOne('two-columns-one-field.md');
    expect(kept.catalog.entries[0]!.texts.zh).toEqual({ module: null, message: null, description: '一', measure: null, line: 5, extra: { 说明: '二' } });
    expect(kept.report.divergences.map((d) => d.message)).toEqual([
      'column "说明" in zh would fill description, which "描述" already fills; its cells are kept as extra["说明"] (map it in the catalog\'s "columns" setting)',
    ]);
  });

  it('keeps every column of a repeated header, under numbered keys, and counts every cell as kept', () => {
    // 备注 ×2 (no field), 描述 ×3 (the first fills description), and columns headed __proto__ and constructor.
    const kept = compileOne('duplicate-headers.md');
    expect(kept.catalog.entries.map((e) => e.texts.zh)).toEqual([
      {
        module: null, message: null, description: '一', measure: null, line: 5,
        extra: { 备注: '甲', '备注 (2)': '乙', '描述 (2)': '二', ['__proto__']: '原型', '描述 (3)': '三', constructor: '构造' },
      },
      { module: null, message: null, description: '四', measure: null, line: 6, extra: { '备注 (2)': '丙', constructor: '五' } },
    ]);
    const extra = kept.catalog.entries[0]!.texts.zh!.extra!;
    expect(Object.keys(extra)).toEqual(['备注', '备注 (2)', '描述 (2)', '__proto__', '描述 (3)', 'constructor']);
    expect(JSON.parse(kept.artifacts.get('columns/catalog.json')!).entries[0].texts.zh.extra).toEqual(extra);
    // The CSV has one column per key, the same keys as the JSON.
    const csv = kept.artifacts.get('columns/catalog.csv')!.split('\n');
    expect(csv[0]).toBe('errorCode,variant,httpStatus,httpStatuses,module_zh,message_zh,description_zh,measure_zh,__proto___zh,constructor_zh,备注_zh,备注 (2)_zh,描述 (2)_zh,描述 (3)_zh');
    expect(csv[1]).toBe('V.0001,1,,,,,一,,原型,构造,甲,乙,二,三');
    expect(kept.report.divergences.map((d) => d.message)).toEqual([
      'column "__proto__" in zh maps to no field; its cells are kept as extra["__proto__"] (map it in the catalog\'s "columns" setting)',
      'column "constructor" in zh maps to no field; its cells are kept as extra["constructor"] (map it in the catalog\'s "columns" setting)',
      'column "备注" in zh maps to no field; its cells are kept as extra["备注 (2)"] (map it in the catalog\'s "columns" setting)',
      'column "描述" in zh would fill description, which "描述" already fills; its cells are kept as extra["描述 (2)"] (map it in the catalog\'s "columns" setting)',
      'column "描述" in zh would fill description, which "描述" already fills; its cells are kept as extra["描述 (3)"] (map it in the catalog\'s "columns" setting)',
      'column "备注" in zh maps to no field; its cells are kept as extra["备注"] (map it in the catalog\'s "columns" setting)',
    ]);
    // 8 non-empty cells in the first row, 4 in the second: every one is in the catalog.
    expect(kept.accounting.cells).toEqual({ read: 12, kept: 12, inRowsLeftOut: 0, ignored: 0, beyondHeader: 0, dropped: 0 });
  });

  it('numbers a repeated header past keys other columns already use', () => {
    expect(extraKeys(['备注', '备注', '备注 (2)', '备注', ''])).toEqual(['备注', '备注 (3)', '备注 (2)', '备注 (4)', '']);
    expect(extraKeys(['', '', 'x', ''])).toEqual(['', '(2)', 'x', '(3)']);
  });

  it('counts the cells of an ignored column as ignored, not dropped', () => {
    const ignored = compileOne('unknown-column.md', 'ignore-remarks.json');
    expect(ignored.accounting.cells).toEqual({ read: 4, kept: 3, inRowsLeftOut: 0, ignored: 1, beyondHeader: 0, dropped: 0 });
  });

  it('maps extra headers from catalog.json', () => {
    const mapped = compileOne('unknown-column.md', 'ignore-remarks.json');
    expect(mapped.catalog.entries.map((e) => e.errorCode)).toEqual(['V.0001']);
  });

  it('refuses a page without an error-code table, listing the tables it has', () => {
    expect(() => compileOne('no-code-table.md')).toThrow('No error-code table; expected a table with a header such as 错误码 or Error Code (tables found: line 3: 参数 | 类型 | 说明)');
  });
});
