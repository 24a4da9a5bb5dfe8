import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { DEFAULT_CODE_PATTERN } from '../../pipeline/config';
import { diffCatalogSets } from '../../pipeline/diff';
import { resolveSide } from '../../pipeline/diff/side';
import { normalizeCode, parseStatuses } from '../../pipeline/normalize';
import { explicitCatalog } from '../../pipeline/sources';
import { loadCatalogModule } from '../helpers/catalog-module';
import { repoRoot } from '../helpers/reference';

const dir = join(repoRoot, 'test', 'fixtures', 'variants');
const work = mkdtempSync(join(tmpdir(), 'errcat-variants-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// test/fixtures/variants: zh lists VPC.0101 three times (创建VPC line 5, 查询VPC line 7, 删除VPC
// line 8 with status 400/404), en twice (Creating line 7, Deleting line 11 with "400, 404"), plus the
// code shapes real pages use. Every expectation below was worked out by hand from those two pages.
describe('a code documented in several rows keeps every row as a variant', () => {
  const compiled = compileCatalog(explicitCatalog([`zh=${join(dir, 'zh.md')}`, `en=${join(dir, 'en.rst')}`], 'variants'));
  const entry = (code: string) => compiled.catalog.entries.find((e) => e.errorCode === code)!;

  it('pairs the languages by message and status, and keeps the row en lacks as a zh-only variant', () => {
    const variants = entry('VPC.0101').variants!;
    // Each language keeps its own module (the en page's "Creating a VPC" is no longer dropped for the zh one).
    expect(variants.map((v) => [v.texts.zh?.module ?? null, v.texts.en?.module ?? null, v.httpStatus, v.httpStatuses ?? null, v.texts.zh?.line ?? null, v.texts.en?.line ?? null])).toEqual([
      ['创建VPC', 'Creating a VPC', 400, null, 5, 7],
      ['查询VPC', null, 400, null, 7, null],
      ['删除VPC', 'Deleting a VPC', 400, [400, 404], 8, 11],
    ]);
    expect(variants[2]!.texts.en).toEqual({ module: 'Deleting a VPC', message: 'Delete router error xx is invalid.', description: 'Invalid parameters.', measure: 'Check the parameters.', line: 11 });
    // The entry's own fields are its first variant's.
    expect(entry('VPC.0101')).toMatchObject({ httpStatus: 400, texts: { zh: { module: '创建VPC', line: 5 }, en: { module: 'Creating a VPC', line: 7 } } });
  });

  it('reads a grid module cell left empty as the module above it', () => {
    expect(entry('VPC.0114').variants).toBeUndefined();
    expect([entry('VPC.0114').texts.zh?.module, entry('VPC.0114').texts.en?.module]).toEqual(['创建VPC', 'Creating a VPC']);
    expect([entry('AccessDenied').texts.zh?.module, entry('AccessDenied').texts.en?.module]).toEqual(['公共', 'Public']);
    expect(entry('AccessDenied').texts.en).toMatchObject({ line: 15 });
    expect(compiled.report.divergences.filter((d) => d.rule === 'duplicate-code')).toEqual([]);
  });

  it('reads bare numbers, names and codes with stray spaces; a range is left out and reported', () => {
    expect(compiled.catalog.entries.map((e) => e.errorCode)).toEqual(['111400002', 'AccessDenied', 'DCS.4855', 'Request-URITooLarge', 'VPC.0101', 'VPC.0114']);
    expect(compiled.report.divergences.map((d) => [d.rule, d.severity, d.errorCode ?? null, d.locations.map((l) => `${l.lang}:${l.line}`).join(' ')])).toEqual([
      ['variant-mismatch', 'warning', 'VPC.0101', 'zh:7'],
      ['invalid-code', 'error', null, 'zh:13'],
      ['code-whitespace', 'info', 'DCS.4855', 'zh:12'],
      ['code-whitespace', 'info', 'Request-URITooLarge', 'en:17'],
      ['code-whitespace', 'info', 'Request-URITooLarge', 'zh:11'],
    ]);
    // 54 non-empty zh cells + 38 en; the range row left out holds 6.
    expect(compiled.accounting).toEqual({ read: 16, kept: 15, excluded: { 'invalid-code': 1 }, cells: { read: 92, kept: 86, inRowsLeftOut: 6, ignored: 0, beyondHeader: 0, dropped: 0 } });
  });

  it('explain() picks the variant whose message the error body carries', async () => {
    const mod = await loadCatalogModule(compiled.artifacts.get('variants/catalog.ts')!);
    expect(mod.lookup('VPC.0101').variants).toHaveLength(3);
    expect(mod.explain({ code: 'VPC.0101', message: 'getVpc error vpcId is invalid.' }, 'zh')).toMatchObject({ module: '查询VPC', lang: 'zh', fallback: false, description: 'VPC ID错误' });
    // The module is the language asked for, like every text (it was the zh 删除VPC before).
    expect(mod.explain('{"error_code":"VPC.0101","error_msg":"Delete router error xx is invalid."}', 'en')).toMatchObject({
      httpStatus: 400, httpStatuses: [400, 404], module: 'Deleting a VPC', lang: 'en', fallback: false, description: 'Invalid parameters.',
    });
    expect(mod.explain({ code: 'VPC.0101', message: 'something else' }, 'en')).toMatchObject({ module: 'Creating a VPC', lang: 'en', description: 'Invalid VPC parameters.' });
    // The zh-only variant asked for in en: zh texts, named as such; strict: none.
    expect(mod.explain({ code: 'VPC.0101', message: 'getVpc error vpcId is invalid.' }, 'en')).toMatchObject({
      requestedLang: 'en', lang: 'zh', fallback: true, module: '查询VPC', description: 'VPC ID错误',
    });
    expect(mod.explain({ code: 'VPC.0101', message: 'getVpc error vpcId is invalid.' }, 'en', { strict: true })).toMatchObject({
      requestedLang: 'en', lang: null, fallback: false, module: null, message: null, description: null, measure: null,
    });
  });

  it('explain() with no message to go by gives the first variant with a text in the language asked for', async () => {
    // T.1's first row is zh only (its message is in no en row); its second pairs with en's one row.
    const zh = join(work, 'first-zh-only', 'zh.md');
    const en = join(work, 'first-zh-only', 'en.md');
    mkdirSync(dirname(zh), { recursive: true });
    writeFileSync(zh, '# 错误码\n\n|状态码|错误码|错误信息|描述|\n|--|--|--|--|\n|400|T.1|Only in zh.|仅中文|\n|400|T.1|In both.|两种语言|\n');
    writeFileSync(en, '# Error Codes\n\n|Status Code|Error Code|Error Message|Description|\n|--|--|--|--|\n|400|T.1|In both.|Both languages|\n');
    const mod = await loadCatalogModule(compileCatalog(explicitCatalog([`zh=${zh}`, `en=${en}`], 'first')).artifacts.get('first/catalog.ts')!);
    expect(mod.lookup('T.1').variants.map((v: { texts: { zh: { message: string } } }) => v.texts.zh.message)).toEqual(['Only in zh.', 'In both.']);
    expect(mod.explain({ code: 'T.1' }, 'en')).toMatchObject({ lang: 'en', fallback: false, message: 'In both.', description: 'Both languages' });
    expect(mod.explain({ code: 'T.1' }, 'zh')).toMatchObject({ lang: 'zh', fallback: false, message: 'Only in zh.' });
    // A message still decides: the zh-only variant, in zh, said so.
    expect(mod.explain({ code: 'T.1', message: 'Only in zh.' }, 'en')).toMatchObject({ lang: 'zh', fallback: true, message: 'Only in zh.' });
  });

  it('diffs variants by what they say: reordered rows are no change, a dropped row is variant-removed', async () => {
    const zh = readFileSync(join(dir, 'zh.md'), 'utf8');
    const lines = zh.split('\n');
    const write = (name: string, text: string) => {
      writeFileSync(join(work, `${name}.md`), text);
      return join(work, `${name}.md`);
    };
    const base = await resolveSide(write('base', zh), { lang: 'zh' });
    const reordered = await resolveSide(write('reordered', [...lines.slice(0, 4), lines[7], lines[6], lines[5], lines[4], ...lines.slice(8)].join('\n')), { lang: 'zh' });
    expect(diffCatalogSets(base, reordered).changes).toEqual([]);
    const dropped = await resolveSide(write('dropped', lines.filter((l) => !l.includes('查询VPC')).join('\n')), { lang: 'zh' });
    expect(diffCatalogSets(base, dropped).changes.map((c) => [c.kind, c.severity, c.errorCode, c.oldLocation?.line])).toEqual([
      ['variant-removed', 'warning', 'VPC.0101', 7],
    ]);
    const restatused = await resolveSide(write('restatused', zh.replace('|查询VPC|400|', '|查询VPC|404|')), { lang: 'zh' });
    expect(diffCatalogSets(base, restatused).changes.map((c) => [c.kind, c.errorCode, c.old, c.new])).toEqual([['status-changed', 'VPC.0101', 400, 404]]);
  });
});

describe('status cells and code cells as real pages write them', () => {
  it.each([
    ['409', [409]], ['403 Forbidden', [403]], ['400/404', [400, 404]], ['400, 404', [400, 404]], ['400、404', [400, 404]],
    ['400 或 404', [400, 404]], ['400 or 404', [400, 404]], ['404/500', [404, 500]], ['4xx', null], ['', null], ['400/abc', null],
    // One per paragraph, as eip's zh page of 2021-11-29 writes VPC.0304's (<p>500</p><p>409</p>).
    ['500\n\n409', [500, 409]], ['400\n404/500', [400, 404, 500]], ['403\nForbidden', [403]], ['400\n4xx', null],
    // A list that breaks after its separator (a wrapped grid cell) is the same list; a separator with nothing after it is no list.
    ['400 /\n404', [400, 404]], ['400,\n404', [400, 404]], ['400 或\n404', [400, 404]], ['400 Bad Request\n404 Not Found', [400, 404]], ['400/', null], ['400/\n', null],
  ])('status %j → %j', (cell, statuses) => {
    expect(parseStatuses(cell)).toEqual(statuses);
  });

  const pattern = new RegExp(`^(?:${DEFAULT_CODE_PATTERN})$`, 'u');
  it.each([
    ['CCI.02.409101', 'CCI.02.409101', true], ['111400002', '111400002', true], ['AccessDenied', 'AccessDenied', true],
    ['SVCSTG.AOM.\n4000001', 'SVCSTG.AOM.4000001', true], ['SVCSTG_AMS_4000115', 'SVCSTG_AMS_4000115', true],
    ['DCS. 4855', 'DCS.4855', true], ['Request-URI TooLarge', 'Request-URITooLarge', true], ['Request-URI Too Large', 'Request-URITooLarge', true],
    ['DIS.5000~DIS.5999', 'DIS.5000~DIS.5999', false], ['DIS.6000 DIS.6001', 'DIS.6000 DIS.6001', false],
    ['AOM.02001AOM.02001SVCSTG_AMS_4000115', 'AOM.02001AOM.02001SVCSTG_AMS_4000115', false],
    ['VPC does not exist', 'VPC does not exist', false], ['Invalid parameter', 'Invalid parameter', false],
    ['System Capacity Not enough', 'SystemCapacityNotenough', true], ['Floating IP could not be found.', 'Floating IP could not be found.', false], ['如若出现其他无法解决的错误码', '如若出现其他无法解决的错误码', false],
  ])('code cell %j reads %j (a code: %s)', (cell, code, valid) => {
    expect(normalizeCode(cell)).toBe(code);
    expect(pattern.test(normalizeCode(cell))).toBe(valid);
  });
});
