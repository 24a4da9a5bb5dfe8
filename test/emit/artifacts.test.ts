import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula } from '../../pipeline/emit/csv';
import { compileCatalog } from '../../pipeline/compile';
import { explicitCatalog } from '../../pipeline/sources';
import { loadCatalogModule } from '../helpers/catalog-module';
import { repoRoot } from '../helpers/reference';
import { builtSeedsProject, seedsDir } from '../helpers/seeds';

// The artifacts of the CCI seeds, built fresh in a scratch project (not the repository's dist/).
const project = builtSeedsProject();
const dist = (path: string) => join(project, 'dist', path);
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');


describe('dist/catalog.schema.json and catalog.json', () => {
  it('catalog.json validates against the emitted schema (ajv, strict)', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(dist('catalog.schema.json'), 'utf8')));
    const ok = validate(JSON.parse(readFileSync(dist('cci/catalog.json'), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the generated types match the schemas (no drift)', () => {
    expect(() => execFileSync(process.execPath, [join(repoRoot, 'pipeline', 'tools', 'generate.js'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('dist/cci/catalog.ts', () => {
  it('compiles under tsc --strict --noEmit', () => {
    expect(() => execFileSync(process.execPath, [tsc, '--strict', '--noEmit', dist('cci/catalog.ts')], { stdio: 'pipe' })).not.toThrow();
  });

  it('looks codes up, and explains an API error body', async () => {
    const mod = await loadCatalogModule(readFileSync(dist('cci/catalog.ts'), 'utf8'));
    expect(mod.catalog).toHaveLength(112);
    expect(mod.isErrorCode('CCI.02.409101')).toBe(true);
    expect(mod.isErrorCode('CCI.99.999999')).toBe(false);
    expect(mod.lookup('CCI.01.403009').texts.zh).toBeUndefined();
    const body = '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"namespace name is already exist","reason":"Conflict","code":409,"errorCode":"CCI.02.409101"}';
    expect(mod.explain(body, 'en')).toMatchObject({
      errorCode: 'CCI.02.409101', httpStatus: 409, lang: 'en', description: 'Failed to create the namespace. The namespace already exists.',
    });
    expect(mod.explain(JSON.parse(body))).toMatchObject({ lang: 'zh', measure: '请修改namespace名称后重试' });
    // Asked for a language the entry lacks (CCI.01.403009 is en-only): another language's texts, saying so; strict: none.
    expect(mod.explain({ error_code: 'CCI.01.403009' }, 'zh')).toMatchObject({
      requestedLang: 'zh', lang: 'en', fallback: true, message: 'your account is in arrears, please recharge',
    });
    expect(mod.explain({ error_code: 'CCI.01.403009' }, 'zh', { strict: true })).toMatchObject({
      requestedLang: 'zh', lang: null, fallback: false, module: null, message: null, description: null, measure: null, httpStatus: 403,
    });
    expect(mod.explain({ code: 409 })).toBeUndefined();
    expect(mod.explain('not json')).toBeUndefined();
  });
});

describe('hostile cells in the generated TypeScript', () => {
  const spec = explicitCatalog([`zh=${join(repoRoot, 'test', 'fixtures', 'hostile', 'zh.md')}`], 'hostile');
  const compiled = compileCatalog(spec);
  const ts = compiled.artifacts.get('hostile/catalog.ts')!;

  it('still compiles under tsc --strict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'errcat-hostile-'));
    writeFileSync(join(dir, 'catalog.ts'), ts);
    expect(() => execFileSync(process.execPath, [tsc, '--strict', '--noEmit', join(dir, 'catalog.ts')], { stdio: 'pipe' })).not.toThrow();
  });

  it('keeps every text intact and treats constructor as a code, not a property', async () => {
    const mod = await loadCatalogModule(ts);
    expect(mod.lookup('constructor').texts.zh.message).toBe('ends a string: " \' ` ${x} */ /* </script>');
    expect(mod.lookup('toString').texts.zh.description).toBe('line\u2028separator and \\ backslash');
    expect(mod.lookup('hasOwnProperty')).toBeUndefined();
    expect(mod.isErrorCode('valueOf')).toBe(false);
  });
});

describe('dist/cci/catalog.csv', () => {
  const text = readFileSync(dist('cci/catalog.csv'), 'utf8');
  const records = parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;

  it('reads back with a real CSV parser: a header and one row per variant (here one per code)', () => {
    expect(Object.keys(records[0]!)).toEqual([
      'errorCode', 'variant', 'httpStatus', 'httpStatuses', 'module_zh', 'module_en',
      'message_zh', 'message_en', 'description_zh', 'description_en', 'measure_zh', 'measure_en',
    ]);
    expect(records).toHaveLength(112);
    expect(new Set(records.map((r) => r.variant))).toEqual(new Set(['1']));
    const row = records.find((r) => r.errorCode === 'CCI.02.409101')!;
    expect(row).toMatchObject({ httpStatus: '409', message_zh: 'namespace name is already exist', measure_en: 'Change the namespace name and try again.' });
    expect(records.find((r) => r.errorCode === 'CCI.01.403009')!.message_zh).toBe('');
  });

  it('neutralises cells a spreadsheet would run as formulas (OWASP)', () => {
    expect(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\nx', 'ok'].map(neutralizeFormula)).toEqual([
      "'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "'\nx", 'ok',
    ]);
    const rules = compileCatalog(explicitCatalog([`zh=${join(repoRoot, 'test', 'fixtures', 'rules', 'zh.md')}`], 'r'));
    const row = (parse(rules.artifacts.get('r/catalog.csv')!, { columns: true }) as Array<Record<string, string>>).find((r) => r.errorCode === 'T.01.400014')!;
    expect([row.message_zh, row.description_zh, row.measure_zh]).toEqual(["'=HYPERLINK(\"x\")", "'-cmd", "'@sum"]);
  });

  it("gives each page's own status where the languages disagree, so nothing the JSON keeps is lost", () => {
    const dir = join(repoRoot, 'test', 'fixtures', 'rules');
    const both = compileCatalog(explicitCatalog([`zh=${join(dir, 'zh.md')}`, `en=${join(dir, 'en.rst')}`], 'r'));
    const rows = parse(both.artifacts.get('r/catalog.csv')!, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!).slice(0, 6)).toEqual(['errorCode', 'variant', 'httpStatus', 'httpStatuses', 'httpStatus_zh', 'httpStatus_en']);
    const status = (code: string) => rows.filter((r) => r.errorCode === code).map((r) => [r.httpStatus, r.httpStatus_zh, r.httpStatus_en]);
    // zh.md line 9 gives 404, en.rst line 13 gives 400: the catalog takes zh's, the CSV keeps both.
    expect(status('T.01.400003')).toEqual([['404', '404', '400']]);
    // Both pages give 400; T.01.400013 has no en row (zh.md line 21).
    expect(status('T.01.400001')).toEqual([['400', '400', '400']]);
    expect(status('T.01.400013')).toEqual([['400', '400', '']]);
  });

  it('writes a row per variant, statuses listed in one cell, and unmapped columns as <header>_<lang>', () => {
    const rules = compileCatalog(explicitCatalog([`zh=${join(repoRoot, 'test', 'fixtures', 'rules', 'zh.md')}`], 'r'));
    const rows = parse(rules.artifacts.get('r/catalog.csv')!, { columns: true }) as Array<Record<string, string>>;
    // zh.md lines 13-14: T.01.400006 with messages a and b.
    expect(rows.filter((r) => r.errorCode === 'T.01.400006').map((r) => [r.variant, r.message_zh])).toEqual([['1', 'a'], ['2', 'b']]);
    const extra = compileCatalog(explicitCatalog([`zh=${join(repoRoot, 'test', 'fixtures', 'columns', 'unknown-column.md')}`], 'x'));
    expect(parse(extra.artifacts.get('x/catalog.csv')!, { columns: true })).toEqual([
      { errorCode: 'V.0001', variant: '1', httpStatus: '400', httpStatuses: '', module_zh: '', message_zh: 'bad', description_zh: '', measure_zh: '', 备注_zh: '内部使用' },
    ]);
  });

  // errcat quotes fields itself; csv-stringify, with the options errcat documented, is the reference.
  const reference = (records: string[][]) => stringify(records, { record_delimiter: '\n', quote_record_delimiter: true, quoted_match: /^\s|\s$/ });

  it('quotes every field as csv-stringify does', () => {
    const tricky = ['', ' ', 'a', 'a,b', 'say "hi"', '"', 'line\nbreak', 'cr\rx', ' lead', 'trail ', '\tx', 'x\u00a0', '\u3000全角', 'CCI.01.400001', "'=1+2", '😀,'];
    for (const field of tricky) expect(`${csvField(field)}\n`).toBe(reference([[field]]));
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), (record) => {
      expect(`${record.map(csvField).join(',')}\n`).toBe(reference([record]));
    }), { numRuns: 300 });
  });

  it.each([
    ['the CCI seeds', 'test/fixtures/cci'],
    ['hostile cells', 'test/fixtures/hostile/review'],
    ['variants and code shapes', 'test/fixtures/variants'],
  ])('writes the same bytes as csv-stringify for %s', (_, dir) => {
    const compiled = compileCatalog(explicitCatalog([`zh=${join(repoRoot, dir, 'zh.md')}`, `en=${join(repoRoot, dir, 'en.rst')}`], 'x'));
    const csv = compiled.artifacts.get('x/catalog.csv')!;
    const records = parse(csv) as string[][];
    expect(records.length).toBeGreaterThan(2);
    expect(csv).toBe(reference(records));
  });

  it('writes a BOM only when asked', () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const withBom = compileCatalog(explicitCatalog([`zh=${join(seedsDir, 'zh.md')}`], 'b'), { csvBom: true });
    expect(withBom.artifacts.get('b/catalog.csv')!.charCodeAt(0)).toBe(0xfeff);
  });
});

describe('dist/cci/index.html, the review page', () => {
  const html = readFileSync(dist('cci/index.html'), 'utf8');

  it('is self-contained: a CSP that forbids every load, inline style and script allowed by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#x27;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'$/);
    expect(html).not.toMatch(/<(?:link|img|iframe)\b|\bsrc=|https?:\/\//);
    expect(html.match(/<script>/g)).toHaveLength(1);
    // The hashes (made by npm run generate) are of exactly the style and script the page inlines.
    const inline = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)![1]!;
    const source = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(csp).toContain(`style-src ${source(inline('style'))};`);
    expect(csp).toContain(`script-src ${source(inline('script'))};`);
  });

  it('stays under 250 KB and lists every code in a real table', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(250 * 1024);
    expect(html.match(/<tr data-row="" data-code="/g)).toHaveLength(112);
    expect(html).toContain('<th scope="col">Code</th>');
  });
});
