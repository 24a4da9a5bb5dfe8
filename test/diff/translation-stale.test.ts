import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bumpOf, diffCatalogSets, type CatalogSet } from '../../pipeline/diff';
import { resolveSide } from '../../pipeline/diff/side';
import { compileCatalog } from '../../pipeline/compile';
import { prepareReaders } from '../../pipeline/read';
import { explicitCatalog } from '../../pipeline/sources';
import { errcat } from '../helpers/cli';
import { corpusDir, hasCorpus } from '../helpers/reference';
import { editedSeeds, type SeedEdits } from '../helpers/seeds';

const work = mkdtempSync(join(tmpdir(), 'errcat-stale-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));


const version = (name: string, edit: SeedEdits) => editedSeeds(join(work, name), edit);

const diff = async (old: string, next: string) => diffCatalogSets(await resolveSide(old), await resolveSide(next));
const stale = (report: Awaited<ReturnType<typeof diff>>) => report.changes.filter((c) => c.kind === 'translation-stale');

// CCI.02.409102 on the seeds: zh.md line 120, en.rst line 222; both messages are the literal
// "Failed to migrate the namespace"; the measures are 请选择非专属命名空间 / "Select a non-dedicated namespace.".
describe('translation-stale on edited copies of the seeds', () => {
  const base = version('base', {});

  it('one record when the en measure changed and the zh measure did not, naming both texts and where the zh row is', async () => {
    const edited = version('en-measure', { en: (s) => s.replace('Select a non-dedicated namespace.', 'Choose a non-dedicated namespace.') });
    const report = await diff(base, edited);
    expect(report.counts).toEqual({ 'measure-changed': 1, 'translation-stale': 1 });
    expect(stale(report)).toEqual([
      expect.objectContaining({
        severity: 'info',
        errorCode: 'CCI.02.409102',
        field: 'measure',
        lang: 'zh',
        changedLang: 'en',
        old: 'Select a non-dedicated namespace.',
        new: 'Choose a non-dedicated namespace.',
        unchanged: '请选择非专属命名空间',
        newLocation: { file: join(edited, 'cci', 'en.rst'), line: 222 },
        laggingLocation: { file: join(edited, 'cci', 'zh.md'), line: 120 },
        message: 'CCI.02.409102: the en measure changed, the zh measure did not (zh may lag behind)',
      }),
    ]);
    // Counted apart: the bump is the measure edit's (patch); the stale record alone calls for none.
    expect(report.bump).toBe('patch');
    expect(bumpOf(stale(report))).toBe('none');
  });

  it('none when both languages changed the same field', async () => {
    const both = version('both-messages', {
      en: (s) => s.replace('| Failed to migrate the namespace ', '| Could not migrate the namespace '),
      zh: (s) => s.replace('|409|CCI.02.409102|Failed to migrate the namespace|', '|409|CCI.02.409102|迁移命名空间失败|'),
    });
    const report = await diff(base, both);
    expect(report.changes.map((c) => [c.kind, c.errorCode, c.lang])).toEqual([
      ['message-changed', 'CCI.02.409102', 'en'],
      ['message-changed', 'CCI.02.409102', 'zh'],
    ]);
  });

  it('none when the change makes the text equal the other language\'s (the zh page keeps the English message)', async () => {
    // The en message had a typo the zh page did not; fixing it makes the two equal again: zh cannot lag.
    const typo = version('en-typo', { en: (s) => s.replace('| Failed to migrate the namespace ', '| Failed to migrate the namespac  ') });
    const report = await diff(typo, base);
    expect(report.changes.map((c) => [c.kind, c.errorCode, c.lang])).toEqual([['message-changed', 'CCI.02.409102', 'en']]);
  });

  it('none when the other language has no such text, and none for a change of spacing alone', async () => {
    // The zh description emptied on both sides: the en description's edit has no zh text to lag.
    const emptyZh = (s: string) => s.replace('迁移namespace失败：namespace已属于专属节点', '');
    const before = version('no-zh-description', { zh: emptyZh });
    const after = version('no-zh-description-en-edited', {
      zh: emptyZh,
      en: (s) => s.replace('The namespace is already on a dedicated node.', 'The namespace is already on a dedicated host.'),
    });
    expect((await diff(before, after)).counts).toEqual({ 'description-changed': 1 });
    const rewrapped = version('rewrapped', { zh: (s) => s.replace('|请选择非专属命名空间|', '|  请选择非专属命名空间 |') });
    expect((await diff(base, rewrapped)).changes).toEqual([]);
  });

  it('every format carries it: text, markdown, json, github annotations on the lagging row, sarif', async () => {
    const edited = version('formats', { en: (s) => s.replace('Select a non-dedicated namespace.', 'Choose a non-dedicated namespace.') });
    const text = errcat(['diff', base, edited]).stdout;
    expect(text.split('\n')[0]).toMatch(/: 1 measure-changed \(info\); version bump: patch; for translators: 1 translation-stale \(info\)$/);
    expect(text).toContain(`  info     translation-stale   cci CCI.02.409102: the en measure changed, the zh measure did not (zh may lag behind) (${join(edited, 'cci', 'zh.md')}:120)\n`);
    expect(text).toContain('      - en: Select a non-dedicated namespace.\n      + en: Choose a non-dedicated namespace.\n      = zh: 请选择非专属命名空间\n');
    const md = errcat(['diff', base, edited, '--format', 'markdown']).stdout;
    expect(md).toContain('#### translation-stale (1, info)');
    expect(md).toContain('| catalog | code | where | old | new | unchanged |');
    // Old and new cut to 24 characters of context after the differing word, as for every text change.
    expect(md).toContain('| cci | `CCI.02.409102` | measure: en changed, zh did not | <b>Select</b> a non-dedicated namespa… | <b>Choose</b> a non-dedicated namespa… | 请选择非专属命名空间 |');
    const json = JSON.parse(errcat(['diff', base, edited, '--format', 'json']).stdout);
    expect(json.counts).toEqual({ 'measure-changed': 1, 'translation-stale': 1 });
    expect(json.bump).toBe('patch');
    const github = errcat(['diff', base, edited, '--format', 'github']).stdout.split('\n');
    expect(github).toContain(`::notice file=${join(edited, 'cci', 'zh.md')},line=120,title=errcat translation-stale::CCI.02.409102: the en measure changed, the zh measure did not (zh may lag behind)`);
    const sarif = JSON.parse(errcat(['diff', base, edited, '--format', 'sarif']).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'translation-stale');
    expect(result.level).toBe('note');
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: `file://${join(edited, 'cci', 'zh.md')}` }, region: { startLine: 120 } });
    expect(errcat(['diff', base, edited, '--fail-on', 'info']).status).toBe(1);
  });
});

/** A bilingual side compiled from two corpus pages. */
async function pages(zhPage: string, enPage: string): Promise<CatalogSet> {
  const spec = explicitCatalog([{ lang: 'zh', file: join(corpusDir, zhPage) }, { lang: 'en', file: join(corpusDir, enPage) }], 'vpc');
  await prepareReaders(spec.pages.map((p) => p.file));
  return { label: enPage, catalogs: [compileCatalog(spec).catalog] };
}

// Checked independently of errcat, with a Python pass over the reference readers' tables
// (*.tables.json): the two en versions have the same 201 rows in the same order, and 73 rows'
// message cell differs (whitespace collapsed). 46 of those rows are of codes the zh page documents
// (40 codes; VPC.0105 four rows, VPC.0115, VPC.0202 and VPC.0704 two each); the other 27 rows are of
// 21 codes the zh page of 2021 does not have at all, so no zh text lags behind them.
const STALE_CODES: Record<string, number> = {
  'VPC.0002': 1, 'VPC.0004': 1, 'VPC.0007': 1, 'VPC.0009': 1, 'VPC.0010': 1, 'VPC.0101': 1, 'VPC.0102': 1, 'VPC.0105': 4,
  'VPC.0106': 1, 'VPC.0108': 1, 'VPC.0109': 1, 'VPC.0110': 1, 'VPC.0111': 1, 'VPC.0112': 1, 'VPC.0115': 2, 'VPC.0117': 1,
  'VPC.0118': 1, 'VPC.0119': 1, 'VPC.0120': 1, 'VPC.0202': 2, 'VPC.0204': 1, 'VPC.0205': 1, 'VPC.0208': 1, 'VPC.0209': 1,
  'VPC.0211': 1, 'VPC.0212': 1, 'VPC.0601': 1, 'VPC.0603': 1, 'VPC.0612': 1, 'VPC.0701': 1, 'VPC.0702': 1, 'VPC.0704': 2,
  'VPC.0705': 1, 'VPC.0706': 1, 'VPC.0707': 1, 'VPC.1207': 1, 'VPC.1801': 1, 'VPC.2204': 1, 'VPC.2301': 1, 'VPC.2701': 1,
};
const EN_ONLY_CODES = [
  'VPC.0302', 'VPC.0305', 'VPC.0306', 'VPC.0502', 'VPC.0503', 'VPC.0509', 'VPC.0510', 'VPC.0511', 'VPC.0513', 'VPC.0514',
  'VPC.0516', 'VPC.0517', 'VPC.0518', 'VPC.9902', 'VPC.9904', 'VPC.9907', 'VPC.9911', 'VPC.9912', 'VPC.9914', 'VPC.9915', 'VPC.9916',
];

describe.skipIf(!hasCorpus)('translation-stale on the VPC en versions, the zh page unchanged', () => {
  it('vpc en 2025-10-15 → 2026-04-16 beside zh 2021-09-17: one record per changed en message with a zh counterpart', async () => {
    const zhPage = 'vpc/zh/2021-09-17_3135726.md';
    const report = diffCatalogSets(await pages(zhPage, 'vpc/en/2025-10-15_212f6d8.rst'), await pages(zhPage, 'vpc/en/2026-04-16_19e480d.rst'));
    expect(report.counts).toEqual({ 'message-changed': 73, 'translation-stale': 46 });
    expect(report.bump).toBe('patch');
    const records = stale(report);
    expect(new Set(records.map((c) => `${c.lang} ${c.changedLang} ${c.field}`))).toEqual(new Set(['zh en message']));
    const byCode: Record<string, number> = {};
    for (const c of records) byCode[c.errorCode] = (byCode[c.errorCode] ?? 0) + 1;
    expect(byCode).toEqual(STALE_CODES);
    const changedCodes = new Set(report.changes.filter((c) => c.kind === 'message-changed').map((c) => c.errorCode));
    for (const code of EN_ONLY_CODES) expect(changedCodes.has(code) && !(code in byCode)).toBe(true);
    // vpc/en 2025-10-15 line 29 → 2026-04-16 line 29 (read by hand); the zh page's row of VPC.0002 starts at line 35
    // and gives the message as the API returns it, in English, as the old en page did.
    expect(records[0]).toMatchObject({
      errorCode: 'VPC.0002',
      old: 'Available zone Name is null.',
      new: 'AZ name is null.',
      unchanged: 'Available zone Name is null.',
      laggingLocation: { line: 35 },
      newLocation: { line: 29 },
    });
  });
});
