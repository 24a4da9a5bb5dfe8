import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuiltCatalog } from '../../pipeline/built-catalog';
import { compileCatalog } from '../../pipeline/compile';
import { diffCatalogSets } from '../../pipeline/diff';
import { resolveSide } from '../../pipeline/diff/side';
import type { Catalog } from '../../pipeline/generated/catalog';
import { explicitCatalog } from '../../pipeline/sources';
import { loadCatalogModule } from '../helpers/catalog-module';
import { errorOf } from '../helpers/errors';
import { repoRoot } from '../helpers/reference';

// test/fixtures/module-lang: one row per code and language, so pairing is not in question.
//   code      zh page (primary)                 en page
//   EIP.0001  —                                 Assigning an EIP, 409 (line 16)
//   VPC.0101  创建VPC, 400 (line 5)              Creating a VPC, 400 (line 7)
//   VPC.0201  删除VPC, 403 (line 6)              Deleting a VPC, 401 (line 9): the statuses differ
//   VPC.0301  公共, 500 (line 7)                 Public, 500 (line 12)
//   VPC.0401  查询VPC, 404 (line 8)              —
//   VPC.0501  查询VPC, no status (line 9)        Querying a VPC, 400 (line 14)
// Every expectation below was read off those two pages by hand.
const dir = join(repoRoot, 'test', 'fixtures', 'module-lang');
const work = mkdtempSync(join(tmpdir(), 'errcat-module-lang-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

const compileFixture = (zh = join(dir, 'zh.md'), en = join(dir, 'en.rst')) => compileCatalog(explicitCatalog([`zh=${zh}`, `en=${en}`], 'modlang'));
const compiled = compileFixture();

describe('each language keeps its own module: nothing a page says is dropped', () => {
  const json = JSON.parse(compiled.artifacts.get('modlang/catalog.json')!) as Catalog;
  const entry = (code: string) => json.entries.find((e) => e.errorCode === code)!;

  it('catalog.json: the en module of a paired row is there, beside the zh one, and no module stands outside a language', () => {
    expect(entry('VPC.0101').texts).toEqual({
      zh: { module: '创建VPC', message: 'Invalid VPC parameter values.', description: 'VPC参数错误', measure: '检查参数', line: 5 },
      en: { module: 'Creating a VPC', message: 'Invalid VPC parameter values.', description: 'Invalid VPC parameters.', measure: 'Check the parameters.', line: 7 },
    });
    expect(entry('EIP.0001').texts).toEqual({ en: { module: 'Assigning an EIP', message: 'EIP in use.', description: 'The EIP is in use.', measure: 'Release the EIP first.', line: 16 } });
    expect(entry('VPC.0401').texts.zh?.module).toBe('查询VPC');
    for (const e of json.entries) expect(Object.keys(e)).not.toContain('module');
  });

  it("catalog.json: a page's own status is kept where it differs from the one the catalog uses", () => {
    // VPC.0201: zh 403 wins (primary); the en page's 401 stays in the en texts.
    expect(entry('VPC.0201')).toMatchObject({ httpStatus: 403, texts: { en: { httpStatus: 401 } } });
    expect(Object.keys(entry('VPC.0201').texts.zh!)).not.toContain('httpStatus');
    // VPC.0501: only the en page gives a status; the zh page gives none, and says so.
    expect(entry('VPC.0501')).toMatchObject({ httpStatus: 400, texts: { zh: { httpStatus: null } } });
    expect(Object.keys(entry('VPC.0501').texts.en!)).not.toContain('httpStatus');
    // Where the languages agree, nothing is added.
    expect(Object.keys(entry('VPC.0101').texts.en!)).not.toContain('httpStatus');
  });

  it('catalog.csv: a module_<lang> column per language', () => {
    const rows = parse(compiled.artifacts.get('modlang/catalog.csv')!, { columns: true }) as Array<Record<string, string>>;
    // The pages disagree on two statuses (VPC.0201, VPC.0501): each page's own gets a column.
    expect(Object.keys(rows[0]!)).toEqual([
      'errorCode', 'variant', 'httpStatus', 'httpStatuses', 'httpStatus_zh', 'httpStatus_en', 'module_zh', 'module_en',
      'message_zh', 'message_en', 'description_zh', 'description_en', 'measure_zh', 'measure_en',
    ]);
    expect(rows.map((r) => [r.errorCode, r.httpStatus, r.httpStatus_zh, r.httpStatus_en])).toEqual([
      ['EIP.0001', '409', '', '409'],
      ['VPC.0101', '400', '400', '400'],
      ['VPC.0201', '403', '403', '401'],
      ['VPC.0301', '500', '500', '500'],
      ['VPC.0401', '404', '404', ''],
      // The zh page gives no status, the en page 400: the catalog takes 400, the zh column says none.
      ['VPC.0501', '400', '', '400'],
    ]);
    expect(rows.map((r) => [r.errorCode, r.module_zh, r.module_en])).toEqual([
      ['EIP.0001', '', 'Assigning an EIP'],
      ['VPC.0101', '创建VPC', 'Creating a VPC'],
      ['VPC.0201', '删除VPC', 'Deleting a VPC'],
      ['VPC.0301', '公共', 'Public'],
      ['VPC.0401', '查询VPC', ''],
      ['VPC.0501', '查询VPC', 'Querying a VPC'],
    ]);
  });

  it("the review page shows each language's module in that language's cell, and a page's own differing status", () => {
    const html = compiled.artifacts.get('modlang/index.html')!;
    const row = (code: string) => html.match(new RegExp(`<tr data-row="" data-code="${code.replace('.', '\\.')}"[^>]*>(.*?)</tr>`, 's'))![1]!;
    const cell = (code: string, lang: string) => row(code).match(new RegExp(`<td lang="${lang}">(.*?)</td>`, 's'))![1]!;
    expect(cell('VPC.0101', 'en')).toContain('<dt>module</dt><dd class="module">Creating a VPC</dd>');
    expect(cell('VPC.0101', 'zh')).toContain('<dt>module</dt><dd class="module">创建VPC</dd>');
    expect(cell('EIP.0001', 'en')).toContain('<dd class="module">Assigning an EIP</dd>');
    expect(html).not.toContain('<th scope="col">Module</th>');
    // The Status column has the catalog's status; the en cell its own, where it differs.
    expect(row('VPC.0201')).toMatch(/^<th scope="row"><code>VPC\.0201<\/code><\/th><td>403<\/td>/);
    expect(cell('VPC.0201', 'en')).toContain('<dt>status</dt><dd class="status">401</dd>');
    expect(cell('VPC.0201', 'zh')).not.toContain('class="status"');
    expect(cell('VPC.0501', 'zh')).toContain('<dd class="status">—</dd>');
  });

  it('diff reports a module change in the language it changed in', () => {
    const en = join(work, 'en.rst');
    const page = readFileSync(join(dir, 'en.rst'), 'utf8');
    // Same width, so the grid table stays whole.
    writeFileSync(en, page.replace('| Creating a VPC   |', '| Creating VPCs    |'));
    const changes = diffCatalogSets({ label: 'old', catalogs: [compiled.catalog] }, { label: 'new', catalogs: [compileFixture(undefined, en).catalog] }).changes;
    expect(changes.map((c) => [c.kind, c.errorCode, c.lang, c.old, c.new, c.message])).toEqual([
      ['module-changed', 'VPC.0101', 'en', 'Creating a VPC', 'Creating VPCs', 'VPC.0101: the en module "Creating a VPC" → "Creating VPCs"'],
    ]);
  });
});

describe('explain() and lookup() say which language each text is in', async () => {
  const mod = await loadCatalogModule(compiled.artifacts.get('modlang/catalog.ts')!);

  it('lookup(code) is the entry, as before', () => {
    expect(mod.lookup('VPC.0101')).toBe(mod.catalog.find((e: { errorCode: string }) => e.errorCode === 'VPC.0101'));
    expect(mod.lookup('VPC.9999')).toBeUndefined();
    expect(mod.lookup('VPC.9999', 'en')).toBeUndefined();
    expect(mod.lookup('constructor', 'en')).toBeUndefined();
  });

  it('the language asked for, when the code has it: its texts, module included', () => {
    expect(mod.lookup('VPC.0101', 'en')).toMatchObject({
      errorCode: 'VPC.0101', httpStatus: 400, requestedLang: 'en', lang: 'en', fallback: false,
      module: 'Creating a VPC', message: 'Invalid VPC parameter values.', description: 'Invalid VPC parameters.', measure: 'Check the parameters.',
    });
    expect(mod.lookup('VPC.0101', 'en').statusByLang).toBeUndefined();
    expect(mod.lookup('VPC.0101', 'en').variants).toHaveLength(1);
    expect(mod.explain({ error_code: 'VPC.0101' }, 'zh')).toMatchObject({ requestedLang: 'zh', lang: 'zh', fallback: false, module: '创建VPC', description: 'VPC参数错误' });
    // No language given: the primary language, asked for.
    expect(mod.explain({ error_code: 'VPC.0101' })).toMatchObject({ requestedLang: 'zh', lang: 'zh', fallback: false });
  });

  it('absent: another language, named as such (the primary language first, else the one the code has)', () => {
    expect(mod.lookup('VPC.0401', 'en')).toMatchObject({
      requestedLang: 'en', lang: 'zh', fallback: true, httpStatus: 404, module: '查询VPC', message: 'VPC not found.', description: 'VPC不存在', measure: '检查VPC ID',
    });
    expect(mod.explain({ code: 'VPC.0401' }, 'en')).toMatchObject({ requestedLang: 'en', lang: 'zh', fallback: true, module: '查询VPC' });
    expect(mod.explain({ code: 'EIP.0001' }, 'zh')).toMatchObject({ requestedLang: 'zh', lang: 'en', fallback: true, module: 'Assigning an EIP', measure: 'Release the EIP first.' });
    // A language the catalog does not have at all, even one named like a property.
    expect(mod.explain({ code: 'VPC.0101' }, 'fr')).toMatchObject({ requestedLang: 'fr', lang: 'zh', fallback: true, module: '创建VPC' });
    expect(mod.explain({ code: 'VPC.0101' }, 'constructor')).toMatchObject({ requestedLang: 'constructor', lang: 'zh', fallback: true });
  });

  it('strict: no text rather than another language', () => {
    const none = { lang: null, fallback: false, module: null, message: null, description: null, measure: null };
    expect(mod.lookup('VPC.0401', 'en', { strict: true })).toMatchObject({ requestedLang: 'en', httpStatus: 404, ...none });
    expect(mod.explain({ code: 'EIP.0001' }, 'zh', { strict: true })).toMatchObject({ requestedLang: 'zh', httpStatus: 409, ...none });
    expect(mod.explain({ code: 'VPC.0101' }, 'fr', { strict: true })).toMatchObject({ requestedLang: 'fr', ...none });
    // Strict changes nothing when the language is there.
    expect(mod.lookup('VPC.0101', 'en', { strict: true })).toMatchObject({ lang: 'en', fallback: false, module: 'Creating a VPC' });
  });

  it("each language's status when the pages disagree", () => {
    expect(mod.lookup('VPC.0201', 'en')).toMatchObject({ httpStatus: 403, lang: 'en', statusByLang: { zh: 403, en: 401 } });
    expect(mod.explain({ code: 'VPC.0201' }, 'en')).toMatchObject({ httpStatus: 403, statusByLang: { zh: 403, en: 401 } });
    expect(mod.explain({ code: 'VPC.0501' }, 'zh')).toMatchObject({ httpStatus: 400, statusByLang: { zh: null, en: 400 } });
  });

  it('the emitted catalog.ts and a consumer of the new API type-check under tsc --strict; an entry has no module of its own', () => {
    const folder = mkdtempSync(join(work, 'ts-'));
    writeFileSync(join(folder, 'catalog.ts'), compiled.artifacts.get('modlang/catalog.ts')!);
    writeFileSync(join(folder, 'consumer.ts'), `
      import { explain, lookup, type CatalogEntry, type LocalizedEntry, type Explanation } from './catalog';
      const entry: CatalogEntry | undefined = lookup('VPC.0101');
      const module: string | null | undefined = entry?.texts.en?.module;
      const own: number | null | undefined = entry?.texts.en?.httpStatus;
      const inEn: LocalizedEntry | undefined = lookup('VPC.0101', 'en', { strict: true });
      const lang: string | null | undefined = inEn?.lang;
      const fallback: boolean | undefined = inEn?.fallback;
      const texts: Array<string | null> | undefined = inEn?.variants.map((v) => v.module);
      const explained: Explanation | undefined = explain({ code: 'VPC.0101' }, 'en', { strict: true });
      const byLang: { [lang: string]: number | null } | undefined = explained?.statusByLang;
      // @ts-expect-error: the module is a text of each language, not a field of the entry.
      void entry?.module;
      void module; void own; void lang; void fallback; void texts; void byLang;
    `);
    const result = execFileSync(process.execPath, [tsc, '--strict', '--noEmit', '--target', 'es2020', '--moduleResolution', 'bundler', '--module', 'esnext', join(folder, 'consumer.ts')], { encoding: 'utf8', stdio: 'pipe' });
    expect(result).toBe('');
  });
});

describe('a catalog.json built before the module was per language', () => {
  // Written by errcat as of the commit before this change, from the same two pages: one module per
  // entry (the zh one for paired rows, the en one for EIP.0001), none in the texts.
  const old = join(dir, 'catalog-before-module-per-language.json');

  it('is read: its module goes to the language it came from, the others are unknown', () => {
    const catalog = readBuiltCatalog(old);
    const entry = (code: string) => catalog.entries.find((e) => e.errorCode === code)!;
    expect(entry('VPC.0101').texts.zh).toEqual({ module: '创建VPC', message: 'Invalid VPC parameter values.', description: 'VPC参数错误', measure: '检查参数', line: 5 });
    expect(entry('VPC.0101').texts.en?.module).toBeNull();
    expect(entry('EIP.0001').texts.en?.module).toBe('Assigning an EIP');
    for (const e of catalog.entries) expect(Object.keys(e)).not.toContain('module');
  });

  it('diffs against a new build: the en modules the old shape dropped are added, the en page status it did not keep changed', async () => {
    const changes = diffCatalogSets(await resolveSide(old), { label: 'new', catalogs: [compiled.catalog] }).changes;
    expect(changes.map((c) => c.message)).toEqual([
      // The old shape kept one status per entry, the zh page's (403) for every language; the en page
      // gives VPC.0201 401, which a consumer of the new build sees (statusByLang): a change for them.
      "VPC.0201: the en page gives status 403 → 401 (the code's status stays 403)",
      'VPC.0101: module (en) added',
      'VPC.0201: module (en) added',
      'VPC.0301: module (en) added',
      'VPC.0501: module (en) added',
    ]);
  });

  it('one that is not a catalog in any shape is refused, naming the file and what is wrong', () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ catalog: 'x', primaryLanguage: 'zh', languages: ['zh'], sources: {}, entries: [{ errorCode: 'X.1', httpStatus: 400, module: 5, texts: { zh: { message: 'm', description: null, measure: null, line: 1 } } }] }));
    expect(errorOf(() => readBuiltCatalog(bad))).toBe(`${bad}: the compiled catalog does not match schema/catalog.schema.json: /entries/0 must NOT have additional properties`);
  });
});
