import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCatalogSets } from '../../pipeline/diff';
import { resolveSide } from '../../pipeline/diff/side';
import { corpusDir, hasCorpus } from '../helpers/reference';

const page = (path: string) => resolveSide(join(corpusDir, path));

// Counts verified by hand, independently of errcat: a Python pass over the reference readers'
// tables of both versions (codes keyed by the code column, each column compared after collapsing
// whitespace), and grep for the two vpc rows that only errcat's short-row realignment reads.
describe.skipIf(!hasCorpus)('diffs between real versions of corpus pages', () => {
  it('vpc zh 2020-11-26 → 2021-09-17', async () => {
    const report = diffCatalogSets(await page('vpc/zh/2020-11-26_08e392a.md'), await page('vpc/zh/2021-09-17_3135726.md'));
    // VPC.0701: the old page lists it once (申请私有IP, 500); the new page keeps that row word for word
    // and adds a second (创建端口, 409, "IP is in use"): a variant added, not a status change.
    // VPC.0602 is listed four times on both pages; only the fourth row's measure changed (账号 → 帐号).
    expect(report.counts).toEqual({
      'code-removed': 2, 'code-added': 4, 'variant-added': 1, 'description-changed': 1, 'measure-changed': 4,
    });
    expect(report.changes.filter((c) => c.kind === 'code-removed').map((c) => c.errorCode)).toEqual(['VPC.9901', 'VPC.9904']);
    expect(report.bump).toBe('major'); // two codes removed
    expect(report.changes.find((c) => c.kind === 'variant-added')).toMatchObject({ errorCode: 'VPC.0701', newLocation: { line: 190 } });
    expect(report.changes.filter((c) => c.kind === 'measure-changed').map((c) => c.errorCode)).toEqual(['VPC.0602', 'VPC.0604', 'VPC.2204', 'VPC.2701']);
    expect(report.changes.filter((c) => c.kind === 'code-added').map((c) => c.errorCode)).toEqual(['VPC.0005', 'VPC.0703', 'VPC.2500', 'VPC.2502']);
  });

  it('ecs en 2025-11-10 → 2026-02-04: rewording only', async () => {
    const report = diffCatalogSets(await page('ecs/en/2025-11-10_703731e.rst'), await page('ecs/en/2026-02-04_992644f.rst'));
    expect(report.counts).toEqual({ 'message-changed': 5, 'description-changed': 2, 'measure-changed': 6 });
    expect(report.bump).toBe('patch'); // text edits only
  });

  it('ecs en 2022-12-14 → 2023-02-21: six new codes', async () => {
    const report = diffCatalogSets(await page('ecs/en/2022-12-14_0233121.rst'), await page('ecs/en/2023-02-21_6cf59ef.rst'));
    expect(report.counts).toEqual({ 'code-added': 6 });
    expect(report.bump).toBe('minor'); // codes added, nothing broken
  });

  it('a page compared with itself: no change, no bump', async () => {
    const report = diffCatalogSets(await page('ecs/en/2023-02-21_6cf59ef.rst'), await page('ecs/en/2023-02-21_6cf59ef.rst'));
    expect(report).toMatchObject({ bump: 'none', counts: {}, changes: [] });
  });
});
