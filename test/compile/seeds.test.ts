import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { discoverCatalogs } from '../../pipeline/sources';

// The expected divergences were classified by hand from the two pages (see the README's table).
describe('the CCI catalog compiled from the seeds', () => {
  const [spec] = discoverCatalogs('test/fixtures/cci');
  const compiled = compileCatalog(spec!);
  const codes = (rule: string) => compiled.report.divergences.filter((d) => d.rule === rule).map((d) => d.errorCode);

  it('has 112 entries sorted by code, zh primary', () => {
    expect(compiled.catalog.entries).toHaveLength(112);
    const list = compiled.catalog.entries.map((e) => e.errorCode);
    expect(list).toEqual([...list].sort());
    expect(compiled.catalog).toMatchObject({ catalog: 'cci', primaryLanguage: 'zh', languages: ['zh', 'en'] });
  });

  it('merges both languages of a code, each with its line', () => {
    expect(compiled.catalog.entries.find((e) => e.errorCode === 'CCI.02.409101')).toEqual({
      errorCode: 'CCI.02.409101',
      httpStatus: 409,
      texts: {
        // The CCI pages have no module column: each language's module is null.
        zh: { module: null, message: 'namespace name is already exist', description: '创建namespace失败：namespace名称已存在', measure: '请修改namespace名称后重试', line: 119 },
        en: { module: null, message: 'namespace name is already exist', description: 'Failed to create the namespace. The namespace already exists.', measure: 'Change the namespace name and try again.', line: 220 },
      },
    });
  });

  it('finds the two codes documented only in English', () => {
    expect(codes('missing-language')).toEqual(['CCI.01.403009', 'CCI.01.403010']);
    const [first] = compiled.report.divergences;
    expect(first!.locations).toEqual([{ lang: 'en', file: 'test/fixtures/cci/en.rst', line: 84 }]);
  });

  it('classifies the 14 message differences: 10 in wording, 4 in typography only', () => {
    expect(codes('message-mismatch')).toEqual([
      'CCI.01.400201', 'CCI.01.400202', 'CCI.01.400301', 'CCI.01.400302', 'CCI.01.400303',
      'CCI.01.400304', 'CCI.01.400305', 'CCI.01.400308', 'CCI.01.401102', 'CCI.04.403124',
    ]);
    // ，vs ", " · ：vs ": " (twice) · “nfs-rw” vs "nfs-rw"
    expect(codes('message-punctuation')).toEqual(['CCI.01.400104', 'CCI.01.400307', 'CCI.02.400101', 'CCI.02.400104']);
  });

  it('finds no status disagreements (checked against both pages)', () => {
    expect(codes('status-mismatch')).toEqual([]);
    expect(codes('status-in-code')).toEqual([]);
    expect(compiled.report.counts).toEqual({ 'missing-language': 2, 'message-mismatch': 10, 'message-punctuation': 4 });
  });

  it('accounts for every row: 110 + 112 read, all kept', () => {
    // Every row has its 5 cells filled: 110 × 5 + 112 × 5.
    expect(compiled.accounting).toEqual({ read: 222, kept: 222, excluded: {}, cells: { read: 1110, kept: 1110, inRowsLeftOut: 0, ignored: 0, beyondHeader: 0, dropped: 0 } });
  });

  it('compiles to byte-identical artifacts every time, LF only, no timestamps', () => {
    const again = compileCatalog(spec!).artifacts.toMap();
    expect([...again]).toEqual([...compiled.artifacts]);
    for (const text of again.values()) {
      expect(text).not.toContain('\r');
      expect(text).not.toMatch(/20\d\d-\d\d-\d\dT/);
    }
  });
});
