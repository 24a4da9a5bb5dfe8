/**
 * Pairing one code's rows by what they say (pipeline/pair/): across languages in merge, across
 * versions in diff, and explain()'s choice of variant. test/fixtures/pairing holds the patterns real
 * pages show; every expectation below was worked out by hand from those two pages.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { pairVariants } from '../../pipeline/diff/variants';
import type { CatalogEntry, Variant } from '../../pipeline/generated/catalog';
import { optimalPairs } from '../../pipeline/pair/assignment';
import { Likeness } from '../../pipeline/pair/likeness';
import { explicitCatalog } from '../../pipeline/sources';
import { loadCatalogModule } from '../helpers/catalog-module';
import { corpusDir, hasCorpus, repoRoot } from '../helpers/reference';

const dir = join(repoRoot, 'test', 'fixtures', 'pairing');
const work = mkdtempSync(join(tmpdir(), 'errcat-pairing-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Each variant as "status zh:line en:line" (- when the language lacks it). */
const lines = (variants: readonly Variant[]) => variants.map((v) => `${v.httpStatus} zh:${v.texts.zh?.line ?? '-'} en:${v.texts.en?.line ?? '-'}`);

describe('rows paired by what they say (test/fixtures/pairing)', () => {
  const compiled = compileCatalog(explicitCatalog([`zh=${join(dir, 'zh.md')}`, `en=${join(dir, 'en.md')}`], 'pairing'));
  const entry = (code: string) => compiled.catalog.entries.find((e) => e.errorCode === code)!;
  const findings = (rule: string) => compiled.report.divergences.filter((d) => d.rule === rule).map((d) => `${d.errorCode} ${d.locations.map((l) => `${l.lang}:${l.line}`).join(' ')}`);

  it('pairs rows listed in another order with equal counts by message (same script) and status (across scripts)', () => {
    // zh lists 403 "Invalid token." first (feature order), en lists 401 first (status order).
    expect(lines(entry('APIG.0101').variants!)).toEqual(['403 zh:5 en:6', '401 zh:6 en:5']);
    // zh says 资源已存在 (409) / 资源不存在 (404); en words them in English, 404 first: only the statuses tell.
    expect(lines(entry('APIG.0102').variants!)).toEqual(['409 zh:7 en:8', '404 zh:8 en:7']);
    expect(findings('status-mismatch')).toEqual([]);
  });

  it("takes the entry's own fields from its first variant, whose texts are one pair", () => {
    expect(entry('APIG.0101')).toMatchObject({
      httpStatus: 403,
      texts: { zh: { module: '认证', message: 'Invalid token.', line: 5 }, en: { module: 'Authentication', message: 'Invalid token.', description: 'The token is invalid.', line: 6 } },
    });
  });

  it('with unequal counts, an identical message wins over order and the row en lacks stays zh-only', () => {
    // en lists 500 "Internal error." before 400 "Invalid parameter: name." and lacks "Quota exceeded.".
    expect(lines(entry('APIG.0201').variants!)).toEqual(['400 zh:9 en:10', '400 zh:10 en:-', '500 zh:11 en:9']);
    // en's one row says "64 characters": the zh row with 64 is its translation, not the first zh row.
    expect(lines(entry('APIG.0202').variants!)).toEqual(['400 zh:12 en:-', '400 zh:13 en:11']);
    expect(findings('variant-mismatch')).toEqual(['APIG.0201 zh:10', 'APIG.0202 zh:12', 'APIG.0302 zh:18']);
    expect(compiled.report.divergences.find((d) => d.rule === 'variant-mismatch' && d.errorCode === 'APIG.0201')!.message).toBe(
      'APIG.0201 is listed 3× in zh, 2× in en; 1 row(s) have no counterpart in en',
    );
  });

  it('gives one en row that covers three zh rows to each of them, reported as a variant group (info)', () => {
    const variants = entry('APIG.0301').variants!;
    expect(lines(variants)).toEqual(['400 zh:14 en:12', '400 zh:15 en:12', '400 zh:16 en:12']);
    for (const v of variants) {
      expect(v.sharedTexts).toEqual(['en']);
      expect(v.texts.en!.message).toBe('The namespace or alarm name is invalid, or the project ID is left blank.');
    }
    expect(variants.map((v) => v.texts.zh!.message)).toEqual(['Invalid namespace.', 'Projectid is left blank.', 'Invalid alarm name.']);
    const group = compiled.report.divergences.filter((d) => d.rule === 'variant-group');
    expect(group.map((d) => [d.severity, d.message, d.locations.map((l) => `${l.lang}:${l.line}`).join(' ')])).toEqual([
      ['info', 'APIG.0301: one en row stands for 3 zh rows; each is a variant sharing the en text', 'en:12 zh:14 zh:15 zh:16'],
      ['info', 'APIG.0303: one zh row stands for 3 en rows; each is a variant sharing the zh text', 'zh:19 en:14 en:15 en:16'],
    ]);
    // No duplicate-code on the covered rows (their descriptions differ too; the group's own exemption,
    // for rows that share a description, is held in test/compile/duplicate-code.test.ts).
    expect(findings('duplicate-code').filter((f) => /^APIG\.030[13] /.test(f))).toEqual([]);
  });

  it('gives one zh row that covers three en rows to each of them, in en page order', () => {
    // zh 19 "Invalid offset, time range, or email." against en 14-16, one cause each.
    const variants = entry('APIG.0303').variants!;
    expect(lines(variants)).toEqual(['400 zh:19 en:14', '400 zh:19 en:15', '400 zh:19 en:16']);
    expect(variants.map((v) => v.sharedTexts)).toEqual([['zh'], ['zh'], ['zh']]);
    expect(findings('variant-mismatch').filter((f) => f.startsWith('APIG.0303'))).toEqual([]);
  });

  it('does not group a row that is a plain translation of its partner', () => {
    // en "Invalid name." translates zh "Invalid name." and says nothing of "Quota exceeded.".
    expect(lines(entry('APIG.0302').variants!)).toEqual(['400 zh:17 en:13', '400 zh:18 en:-']);
    expect(entry('APIG.0302').variants!.every((v) => v.sharedTexts === undefined)).toBe(true);
  });

  it('compares no message of a pair that is not one: the covering row is no translation of each covered one', () => {
    // Every paired message above is identical or in the other script; the group's are not compared.
    expect(findings('message-mismatch')).toEqual([]);
    expect(findings('message-punctuation')).toEqual([]);
  });

  it('explain() picks the variant by exact message, else by the words the body shares with it', async () => {
    const mod = await loadCatalogModule(compiled.artifacts.get('pairing/catalog.ts')!);
    expect(mod.explain({ error_code: 'APIG.0101', error_msg: 'The token has expired.' }, 'en')).toMatchObject({ httpStatus: 401, description: 'The token has expired.' });
    expect(mod.explain({ error_code: 'APIG.0101', error_msg: 'Invalid token.' }, 'en')).toMatchObject({ httpStatus: 403, description: 'The token is invalid.' });
    // Not word for word: "the token has expired" shares 4 of its words with the body's 6 (Dice 0.8).
    expect(mod.explain({ error_code: 'APIG.0101', error_msg: 'The token has expired at noon' }, 'en')).toMatchObject({ httpStatus: 401 });
    // Nothing in common: the entry's first variant.
    expect(mod.explain({ error_code: 'APIG.0101', error_msg: 'quota' }, 'en')).toMatchObject({ httpStatus: 403 });
  });
});

describe('the optimal assignment', () => {
  it('is not greedy: the best single pair gives way to two better together', () => {
    // Greedy takes (0,0) = 10 and is left with (1,1) = 1: 11. The optimum is (0,1) + (1,0) = 9 + 9.
    const value = [
      [10, 9],
      [9, 1],
    ];
    expect(optimalPairs(2, 2, (i, j) => value[i]![j]!)).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('leaves a row unpaired rather than take a pair not allowed, and breaks ties by page order', () => {
    expect(optimalPairs(2, 3, (i, j) => (i === 1 && j === 0 ? null : 1))).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(optimalPairs(3, 1, () => 2)).toEqual([[0, 0]]);
    expect(optimalPairs(2, 2, () => null)).toEqual([]);
  });

  it('covers conservatively: more words than the row covered, most of them held', () => {
    const likeness = new Likeness();
    const said = (message: string, statuses: number[] | null = [400]) => ({ statuses, message, module: undefined, description: undefined });
    const wide = said('The namespace or alarm name is invalid, or the project ID is left blank.');
    expect(likeness.covers(wide, said('Invalid namespace.'))).toBe(true);
    expect(likeness.covers(wide, said('Projectid is left blank.'))).toBe(true);
    expect(likeness.covers(wide, said('Invalid namespace.', [500]))).toBe(false);
    expect(likeness.covers(wide, said('Quota exceeded.'))).toBe(false);
    expect(likeness.covers(said('Invalid limit, metric, or alarm period.'), said('Invalid metrics.'))).toBe(true);
    // Across scripts, signals: every number of the row covered, and more.
    expect(likeness.covers(said('The value must be 1 to 64, or 128.'), said('取值为1到64'))).toBe(true);
    expect(likeness.covers(said('The value must be 1 to 64.'), said('名称不能为空'))).toBe(false);
  });
});

describe('diff pairs versions with the same scorer', () => {
  const variant = (httpStatus: number, message: string, line: number): Variant => ({ httpStatus, texts: { en: { module: null, message, description: null, measure: null, line } } });
  const entry = (...variants: Variant[]): CatalogEntry => ({ errorCode: 'APIG.0101', ...variants[0]!, variants: variants as CatalogEntry['variants'] });

  it('pairs edited rows listed in another order by what they say, not by position', () => {
    const old = entry(variant(403, 'Invalid token.', 5), variant(401, 'The token has expired.', 6));
    const next = entry(variant(401, 'The token has expired now.', 5), variant(403, 'Invalid token supplied.', 6));
    expect(pairVariants(old, next).map(([o, n]) => `${o?.httpStatus}:${o?.texts.en!.line} → ${n?.httpStatus}:${n?.texts.en!.line}`)).toEqual(['403:5 → 403:6', '401:6 → 401:5']);
  });

  it('keeps a removed and an added row apart when status and message both differ', () => {
    // Two rows left on each side after the equal ones (one each would pair whatever they say).
    const old = entry(variant(403, 'Invalid token.', 5), variant(404, 'The gateway does not exist.', 6), variant(401, 'The token has expired.', 7));
    const next = entry(variant(403, 'Invalid token.', 5), variant(500, 'Internal error in the backend service.', 6), variant(401, 'The token has expired now.', 7));
    expect(pairVariants(old, next).map(([o, n]) => `${o?.httpStatus ?? '-'} → ${n?.httpStatus ?? '-'}`)).toEqual(['403 → 403', '401 → 401', '404 → -', '- → 500']);
  });
});

describe('shuffling either page’s rows of a code changes no pair (property)', () => {
  const RUNS = Number(process.env.ERRCAT_FUZZ_RUNS ?? 60);
  // Each situation: a status, and a message both pages carry — in English on both (en sometimes
  // with a word more), or Chinese against English with a number both carry. Situations share no
  // word but "invalid": each has exactly one partner, so the pairs are known without errcat.
  const situation = fc.record({
    status: fc.constantFrom(400, 401, 403, 404, 409, 500),
    crossScript: fc.boolean(),
    enExtra: fc.boolean(),
  });
  const pages = fc
    .record({
      situations: fc.array(situation, { minLength: 1, maxLength: 7 }),
      enOnly: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
      zhOrder: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      enOrder: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      which: fc.constantFrom('zh', 'en', 'both'),
    })
    .map((p) => ({ ...p, enOnly: p.situations.map((_, k) => k > 0 && p.enOnly[k]!) }));

  const zhMessage = (k: number, s: { crossScript: boolean }) => (s.crossScript ? `参数${100 + k}无效` : `Invalid w${k}a w${k}b.`);
  const enMessage = (k: number, s: { crossScript: boolean; enExtra: boolean }) =>
    s.crossScript ? `Parameter ${100 + k} is invalid.` : s.enExtra ? `Invalid w${k}a w${k}b w${k}c.` : `invalid w${k}a w${k}b`;
  const shuffled = <T,>(items: T[], keys: number[]) => items.map((item, i) => [keys[i % keys.length]! * 31 + i, item] as const).sort((a, b) => a[0] - b[0]).map(([, item]) => item);

  let run = 0;
  it('pairs each row with its partner whatever the order, and leaves the rows zh lacks en-only', () => {
    fc.assert(
      fc.property(pages, (p) => {
        const zhRows = p.situations.flatMap((s, k) => (p.enOnly[k] ? [] : [`|模块|${s.status}|P.1|${zhMessage(k, s)}|`]));
        const enRows = p.situations.map((s, k) => `|Module|${s.status}|P.1|${enMessage(k, s)}|`);
        const write = (name: string, header: string, rows: string[]) => {
          const file = join(work, `${name}-${run}.md`);
          writeFileSync(file, `# T\n\n${header}\n|--|--|--|--|\n${rows.join('\n')}\n`);
          return file;
        };
        const pairsOf = (zh: string[], en: string[]) => {
          run++;
          const compiled = compileCatalog(
            explicitCatalog([`zh=${write('zh', '|模块|状态码|错误码|错误信息|', zh)}`, `en=${write('en', '|Module|Status Code|Error Code|Error Message|', en)}`], 'shuffle'),
          );
          const e = compiled.catalog.entries[0]!;
          return (e.variants ?? [e]).map((v) => `${v.texts.zh?.message ?? '-'} | ${v.texts.en?.message ?? '-'}`).sort();
        };
        const expected = p.situations.map((s, k) => `${p.enOnly[k] ? '-' : zhMessage(k, s)} | ${enMessage(k, s)}`).sort();
        expect(pairsOf(zhRows, enRows)).toEqual(expected);
        const zh = p.which === 'en' ? zhRows : shuffled(zhRows, p.zhOrder);
        const en = p.which === 'zh' ? enRows : shuffled(enRows, p.enOrder);
        expect(pairsOf(zh, en)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

describe.skipIf(!hasCorpus)("the corpus: every service's newest zh and en pages", () => {
  /** Each service's newest main page per language (manifest: service, lang, file, …, date in column 7, page kind in 11). */
  function newestPairs(): Map<string, Array<{ lang: string; file: string }>> {
    const [, ...rows] = readFileSync(join(corpusDir, 'manifest.tsv'), 'utf8').trim().split('\n');
    const newest = new Map<string, string[]>();
    for (const cols of rows.map((line) => line.split('\t')).filter((c) => c[10] === 'main')) {
      const key = `${cols[0]}/${cols[1]}`;
      const before = newest.get(key);
      if (!before || cols[6]! > before[6]! || (cols[6] === before[6] && cols[2]! > before[2]!)) newest.set(key, cols);
    }
    const services = new Map<string, Array<{ lang: string; file: string }>>();
    for (const cols of newest.values()) services.set(cols[0]!, [...(services.get(cols[0]!) ?? []), { lang: cols[1]!, file: join(corpusDir, cols[2]!) }]);
    return new Map([...services].filter(([, pages]) => pages.length === 2).sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  it('gives status-mismatch only where the pages really disagree, and groups the AOM rows one en row covers', () => {
    const statusMismatches: string[] = [];
    const groups: string[] = [];
    for (const [service, pages] of newestPairs()) {
      const compiled = compileCatalog({ name: service, pages: [...pages].sort((a, b) => (a.lang === 'zh' ? -1 : b.lang === 'zh' ? 1 : 0)), configPath: null, baselinePath: null });
      for (const d of compiled.report.divergences) {
        if (d.rule === 'status-mismatch') statusMismatches.push(`${service} ${d.errorCode} ${Object.entries(d.texts!).map(([l, t]) => `${l}=${t}`).join(' ')}`);
        if (d.rule === 'variant-group') groups.push(`${d.errorCode} ${d.locations.length - 1}`);
      }
    }
    // Checked by hand in the pages: each code is one row per language, the same message, and the
    // status cells differ as listed (e.g. smn SMN.0025: zh 200, en 400 for "Template already exists.").
    expect(statusMismatches).toEqual([
      'as AS.0033 zh=400 en=404',
      'ecs Common.1503 zh=503 en=429',
      'ims IMG.0026 zh=400 en=403',
      'smn SMN.0025 zh=200 en=400',
      'smn SMN.00308 zh=400 en=403',
      'smn SMN.0121 zh=201 en=400',
      'smn SMN.0190 zh=201 en=200',
    ]);
    // AOM's en page words SVCSTG_AMS_4000101…4000110 in one row each, its zh page in two or three. Not
    // grouped: 4000102's "The metric data parameter is null." (en: "the metric data value is left
    // blank") and 4000103's "Invalid period." (en: "Invalid range …"), worded too differently to be sure.
    expect(groups).toEqual([
      'SVCSTG_AMS_4000101 3',
      'SVCSTG_AMS_4000102 2',
      'SVCSTG_AMS_4000104 2',
      'SVCSTG_AMS_4000105 3',
      'SVCSTG_AMS_4000106 3',
      'SVCSTG_AMS_4000107 2',
      'SVCSTG_AMS_4000109 2',
      'SVCSTG_AMS_4000110 2',
    ]);
  });
});
