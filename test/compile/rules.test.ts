import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { explicitCatalog } from '../../pipeline/sources';
import { repoRoot } from '../helpers/reference';

const dir = join(repoRoot, 'test', 'fixtures', 'rules');

// test/fixtures/rules holds one row per situation; every expectation below was worked out by hand
// from those rows (zh body rows start at line 7, en rows at line 9, one border line between).
describe('divergence rules on a fixture that triggers each once', () => {
  const spec = explicitCatalog([`zh=${join(dir, 'zh.md')}`, `en=${join(dir, 'en.rst')}`], 'rules');
  spec.configPath = join(dir, 'catalog.json');
  const compiled = compileCatalog(spec);
  const found = compiled.report.divergences.map((d) => [
    d.rule,
    d.severity,
    d.errorCode ?? null,
    d.locations.map((l) => `${l.lang}:${l.line}`).join(' '),
  ]);

  it('reports each rule with its severity, code and every location', () => {
    expect(found).toEqual([
      ['missing-language', 'error', 'T.01.400013', 'zh:21'],
      ['missing-language', 'error', 'T.01.400015', 'en:29'],
      ['status-mismatch', 'error', 'T.01.400003', 'zh:9 en:13'],
      // zh lists T.01.400006 twice (messages a, b), en once (a): en's row pairs with a, b stands alone.
      ['variant-mismatch', 'warning', 'T.01.400006', 'zh:14'],
      ['message-mismatch', 'warning', 'T.01.400004', 'zh:10 en:15'],
      ['message-punctuation', 'info', 'T.01.400002', 'zh:8 en:11'],
      // The zh description "冲突1" states a number the en row ("Conflict.", "None.") does not.
      ['value-missing', 'info', 'T.01.400006', 'zh:13 en:19'],
      ['duplicate-code', 'info', 'T.01.400005', 'zh:11 zh:12'],
      // zh:13 and zh:14 give one description ("冲突1") the messages a and b.
      ['duplicate-code', 'warning', 'T.01.400006', 'zh:13 zh:14'],
      ['invalid-code', 'error', null, 'zh:15'],
      ['invalid-code', 'error', null, 'zh:16'],
      ['status-in-code', 'warning', 'T.01.400003', 'zh:9'],
      ['empty-field', 'warning', null, 'zh:18'],
      ['empty-field', 'warning', 'T.01.400010', 'zh:17'],
      ['invalid-status', 'warning', 'T.01.400011', 'zh:19'],
      ['code-whitespace', 'info', 'T.01.400012', 'zh:20'],
    ]);
  });

  it('fills message templates', () => {
    const messages = compiled.report.divergences.map((d) => d.message);
    expect(messages).toContain('T.01.400003 has status 404 (zh) vs 400 (en); the catalog uses 404 (zh)');
    expect(messages).toContain('"T.01.400007~T.01.400009" in zh is not an error code matching /T\\.(?<group>[0-9]{2})\\.(?<status>[0-9]{3})[0-9]{3}/; the row is left out');
    expect(messages).toContain('T.01.400003 carries status 400 but the zh page gives 404');
    expect(messages).toContain('T.01.400006 is listed 2 times in zh (2 different messages for one description with no module, status 400; each is kept as a variant)');
  });

  it('lets the primary language decide the status, and keeps both texts and the other page\'s status', () => {
    // zh.md line 9 says 404, en.rst line 13 says 400: the zh status wins, the en page's stays in its texts.
    const entry = compiled.catalog.entries.find((e) => e.errorCode === 'T.01.400003')!;
    expect(entry.httpStatus).toBe(404);
    expect(entry.texts.en).toEqual({ module: null, message: 'not found', description: 'Not found.', measure: 'None.', line: 13, httpStatus: 400 });
    expect(entry.texts.zh).toEqual({ module: null, message: 'not found', description: '未找到', measure: '无', line: 9 });
  });

  it('accounts for every row: read = kept + left out, with the reason', () => {
    // 27 rows: the range, __proto__ (invalid-code) and the row without a code (empty-field) are left
    // out; the repeat of T.01.400005 is kept by collapsing into its twin, both T.01.400006 rows are kept.
    expect(compiled.accounting).toEqual({
      read: 27,
      kept: 24,
      excluded: { 'invalid-code': 2, 'empty-field': 1 },
      // 78 non-empty zh cells + 55 en; the three rows left out hold 5 + 5 + 4 of them.
      cells: { read: 133, kept: 119, inRowsLeftOut: 14, ignored: 0, beyondHeader: 0, dropped: 0 },
    });
    expect(compiled.catalog.entries.map((e) => e.errorCode)).toEqual([
      'T.01.400001', 'T.01.400002', 'T.01.400003', 'T.01.400004', 'T.01.400005', 'T.01.400006',
      'T.01.400010', 'T.01.400011', 'T.01.400012', 'T.01.400013', 'T.01.400014', 'T.01.400015',
    ]);
  });

  it('keeps both conflicting rows of a code as variants, paired with the other language by message', () => {
    const entry = compiled.catalog.entries.find((e) => e.errorCode === 'T.01.400006')!;
    expect(entry.variants?.map((v) => [v.texts.zh?.message, v.texts.zh?.line, v.texts.en?.message ?? null])).toEqual([
      ['a', 13, 'a'],
      ['b', 14, null],
    ]);
    expect(entry.texts.zh?.message).toBe('a');
    const repeated = compiled.catalog.entries.find((e) => e.errorCode === 'T.01.400005')!;
    expect(repeated.variants).toBeUndefined();
    expect(repeated.texts.zh?.line).toBe(11);
  });

  it('gives the same fingerprint when rows move', () => {
    const again = compileCatalog(spec).report.divergences.map((d) => d.fingerprint);
    expect(again).toEqual(compiled.report.divergences.map((d) => d.fingerprint));
    expect(new Set(again).size).toBe(again.length);
  });

  it('applies severity overrides and turns rules off', () => {
    const quiet = explicitCatalog([`zh=${join(dir, 'zh.md')}`, `en=${join(dir, 'en.rst')}`], 'rules');
    quiet.configPath = join(repoRoot, 'test', 'fixtures', 'columns', 'severity.json');
    const report = compileCatalog(quiet).report;
    expect(report.divergences.filter((d) => d.rule === 'missing-language').map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(report.counts['message-punctuation']).toBeUndefined();
  });
});
