import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../pipeline/check';
import { CHANGE_KINDS } from '../../pipeline/diff';
import { artifactLocation } from '../../pipeline/emit/sarif';
import type { DivergenceReport } from '../../pipeline/generated/divergences';
import { errcat } from '../helpers/cli';
import { repoRoot } from '../helpers/reference';
import { builtSeedsProject, seedsDir } from '../helpers/seeds';

// The SARIF 2.1.0 schema as the SARIF SDK ships it (test/fixtures/sarif/README.md): JSON Schema 2020-12.
const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
// Strict, so a keyword ajv did not understand fails the compile instead of being skipped; only
// strictRequired is off: the schema's anyOf branches name required properties defined beside them.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
// The schema's formats, checked (ajv knows none without ajv-formats): RFC 3986 characters only,
// every % starting an escape; uri also needs a scheme. A raw space or a non-ASCII path fails.
const uriReference = (s: string) => /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(s);
ajv.addFormat('uri-reference', uriReference);
ajv.addFormat('uri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && uriReference(s));
ajv.addFormat('uuid', (s: string) => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s));
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s));
const validate = ajv.compile(schema);

/**
 * What is wrong with a log: against the SARIF 2.1.0 schema, and against what GitHub code scanning
 * requires of each result beyond it (its table of supported properties, the SARIF SDK's GitHub rules
 * GH1001 and GH1003): a location with artifactLocation.uri and region.startLine.
 */
function valid(log: unknown): string[] {
  if (!validate(log)) return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  const problems: string[] = [];
  (log as { runs: Array<{ results: Result[] }> }).runs.forEach((run, r) =>
    run.results.forEach((result, i) => {
      const where = `/runs/${r}/results/${i}`;
      const first = result.locations?.[0]?.physicalLocation;
      if (!first?.artifactLocation.uri) problems.push(`${where} has no location with artifactLocation.uri`);
      else if (!(first.region && first.region.startLine >= 1)) problems.push(`${where} has no region.startLine`);
    }),
  );
  return problems;
}

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } } }>;
  relatedLocations?: unknown[];
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: string; status: string; justification: string }>;
}

const work = mkdtempSync(join(tmpdir(), 'errcat-sarif-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the schema check itself', () => {
  it('rejects what SARIF forbids: a wrong version, a result without a message, a raw space in a uri; and a result without a line, which GitHub refuses', () => {
    const log = { version: '2.1.0', runs: [{ tool: { driver: { name: 't' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.md' }, region: { startLine: 1 } } }] }] }] };
    expect(valid(log)).not.toEqual([]);
    log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri = 'a%20b.md';
    expect(valid(log)).toEqual([]);
    const { region, ...withoutRegion } = log.runs[0]!.results[0]!.locations[0]!.physicalLocation;
    expect(region).toEqual({ startLine: 1 });
    expect(valid({ ...log, runs: [{ ...log.runs[0]!, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: withoutRegion }] }] }] })).toEqual(['/runs/0/results/0 has no region.startLine']);
    expect(valid({ ...log, version: '2.0.0' })).not.toEqual([]);
    expect(valid({ version: '2.1.0', runs: [{ tool: { driver: { name: 't' } }, results: [{ ruleId: 'x' }] }] })).not.toEqual([]);
  });
});

describe('errcat check --format sarif on the seeds', () => {
  const project = builtSeedsProject();
  const run = errcat(['check', '--format', 'sarif'], project);
  const log = JSON.parse(run.stdout);
  const results: Result[] = log.runs[0].results;
  const divergences = (JSON.parse(readFileSync(join(project, 'dist', 'cci', 'divergences.json'), 'utf8')) as DivergenceReport).divergences;

  it('validates against the SARIF 2.1.0 schema; deterministic, LF, no timestamps', () => {
    expect(valid(log)).toEqual([]);
    expect(run.status).toBe(0); // the seeds' errors are accepted in their baseline
    expect(run.stdout).not.toContain('\r');
    expect(run.stdout.endsWith('}\n')).toBe(true);
    expect(errcat(['check', '--format', 'sarif'], project).stdout).toBe(run.stdout);
    expect(run.stdout).not.toMatch(/Time|"\d{4}-\d\d-\d\dT/);
    expect(run.stdout).not.toContain(project);
  });

  it('one rule per divergence rule (whatever RULES holds) and check\'s own three, with help text and level', () => {
    const rules = log.runs[0].tool.driver.rules as Array<{ id: string; help: { text: string }; defaultConfiguration: { level: string } }>;
    expect(rules.map((r) => r.id)).toEqual([...RULES.map((r) => r.id), 'output-out-of-date', 'baseline-entry-gone', 'version-not-raised']);
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    for (const rule of RULES) {
      expect(rules.find((r) => r.id === rule.id)).toMatchObject({ help: { text: rule.summary }, defaultConfiguration: { level: level[rule.defaultSeverity] } });
    }
    for (const r of results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('every divergence of divergences.json, on its page line, errcat\'s fingerprint as the partial fingerprint', () => {
    expect(results.map((r) => [r.ruleId, r.partialFingerprints['errcatFingerprint/v1']])).toEqual(divergences.map((d) => [d.rule, d.fingerprint]));
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    results.forEach((r, i) => {
      const d = divergences[i]!;
      expect(r.level).toBe(level[d.severity]);
      expect(r.message.text).toBe(d.message);
      expect(r.locations[0]!.physicalLocation).toEqual({
        artifactLocation: { uri: d.locations[0]!.file, uriBaseId: '%SRCROOT%' },
        region: { startLine: d.locations[0]!.line },
      });
      expect(r.relatedLocations?.length ?? 0).toBe(d.locations.length - 1);
    });
    // message-punctuation CCI.01.400104: zh.md line 33 and en.rst line 42 (read in the seeds).
    const punctuation = results.find((r) => r.ruleId === 'message-punctuation' && r.message.text.startsWith('CCI.01.400104'))!;
    expect(punctuation.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'sources/cci/zh.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 33 } });
    expect(punctuation.relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: { uri: 'sources/cci/en.rst', uriBaseId: '%SRCROOT%' }, region: { startLine: 42 } }, message: { text: 'the en page' } },
    ]);
  });

  it('marks the two missing-language errors the baseline accepts as suppressed, and no other', () => {
    // test/fixtures/cci/baseline.json accepts CCI.01.403009 and CCI.01.403010 (en.rst lines 84 and 86).
    const suppressed = results.filter((r) => r.suppressions!.length > 0);
    expect(suppressed.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region!.startLine])).toEqual([
      ['missing-language', 84],
      ['missing-language', 86],
    ]);
    for (const r of suppressed) expect(r.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'accepted in sources/cci/baseline.json' }]);
    expect(results.every((r) => Array.isArray(r.suppressions))).toBe(true);
  });

  it('an out-of-date output file and a baseline entry no longer found are results too; a project in a subfolder of its repository gets repository paths', () => {
    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'docs', 'sources'), { recursive: true });
    cpSync(seedsDir, join(repo, 'docs', 'sources', 'cci'), { recursive: true });
    const baseline = JSON.parse(readFileSync(join(seedsDir, 'baseline.json'), 'utf8'));
    baseline.accepted.push({ fingerprint: '0123456789abcdef', rule: 'status-mismatch', message: 'fixed long ago' });
    writeFileSync(join(repo, 'docs', 'sources', 'cci', 'baseline.json'), JSON.stringify(baseline));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const out = errcat(['check', '--format', 'sarif'], join(repo, 'docs'));
    expect(out.status).toBe(1); // nothing built
    const sarif = JSON.parse(out.stdout);
    expect(valid(sarif)).toEqual([]);
    const byRule = (id: string) => (sarif.runs[0].results as Result[]).filter((r) => r.ruleId === id);
    expect(byRule('output-out-of-date').length).toBeGreaterThan(0);
    expect(byRule('output-out-of-date')[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^docs\/dist\//);
    expect(byRule('baseline-entry-gone').map((r) => [r.partialFingerprints['errcatFingerprint/v1'], r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['0123456789abcdef', 'docs/sources/cci/baseline.json'],
    ]);
    expect(byRule('missing-language')[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docs/sources/cci/en.rst');
  });
});

describe('errcat check --base REV --format sarif', () => {
  it('a catalog changed since REV without a raised package.version is a version-not-raised error on its settings', () => {
    const repo = join(work, 'version-repo');
    mkdirSync(join(repo, 'sources'), { recursive: true });
    cpSync(seedsDir, join(repo, 'sources', 'cci'), { recursive: true });
    writeFileSync(join(repo, 'sources', 'cci', 'catalog.json'), `${JSON.stringify({ package: { version: '1.0.0' } })}\n`);
    expect(errcat(['build'], repo).status).toBe(0);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: repo });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one');
    // A reworded zh description calls for a patch release; package.version stays 1.0.0.
    const zhPage = join(repo, 'sources', 'cci', 'zh.md');
    writeFileSync(zhPage, readFileSync(zhPage, 'utf8').replace('迁移namespace失败：namespace已属于专属节点', '迁移namespace失败：namespace属于专属节点'));
    expect(errcat(['build'], repo).status).toBe(0);
    const run = errcat(['check', '--base', 'HEAD', '--format', 'sarif'], repo);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(valid(log)).toEqual([]);
    const version = (log.runs[0].results as Result[]).filter((r) => r.ruleId === 'version-not-raised');
    expect(version).toHaveLength(1);
    expect(version[0]!.level).toBe('error');
    expect(version[0]!.message.text).toMatch(/^cci: 1 change, patch since HEAD \(1\.0\.0\); next version 1\.0\.1; package\.version is 1\.0\.0 — not raised far enough; run errcat version --base HEAD --write$/);
    // The whole settings file: line 1, as GitHub requires a line.
    expect(version[0]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'sources/cci/catalog.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
  });
});

describe('errcat diff --format sarif', () => {
  it('on two versions of the seeds: validates, one rule per change kind, results on the new or (for a removal) the old page', () => {
    const version = (name: string, edit: (s: string) => string) => {
      mkdirSync(join(work, name, 'cci'), { recursive: true });
      writeFileSync(join(work, name, 'cci', 'zh.md'), edit(readFileSync(join(seedsDir, 'zh.md'), 'utf8')));
      writeFileSync(join(work, name, 'cci', 'en.rst'), readFileSync(join(seedsDir, 'en.rst'), 'utf8'));
      return join(work, name);
    };
    const base = version('old', (s) => s);
    // zh: CCI.01.400101 removed (zh only: language-removed), CCI.02.409101 409 → 400 (status-changed).
    const next = version('new', (s) => s.replace(/\|400\|CCI\.01\.400101\|[^\n]*\n/, '').replace('|409|CCI.02.409101|', '|400|CCI.02.409101|'));
    const run = errcat(['diff', base, next, '--format', 'sarif']);
    const log = JSON.parse(run.stdout);
    expect(valid(log)).toEqual([]);
    expect(log.runs[0].automationDetails).toEqual({ id: 'errcat/diff/' });
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(CHANGE_KINDS.map((k) => k.id));
    const json = JSON.parse(errcat(['diff', base, next, '--format', 'json']).stdout);
    const results: Result[] = log.runs[0].results;
    expect(results.map((r) => [r.ruleId, r.partialFingerprints['errcatFingerprint/v1']])).toEqual(json.changes.map((c: { kind: string; fingerprint: string }) => [c.kind, c.fingerprint]));
    const status = results.find((r) => r.ruleId === 'status-changed')!;
    expect(status.level).toBe('error');
    expect(status.suppressions).toBeUndefined();
    const zhLine = (text: string, code: string) => text.split('\n').findIndex((l) => l.includes(`|${code}|`)) + 1;
    expect(status.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: `file://${join(next, 'cci', 'zh.md')}` },
      region: { startLine: zhLine(readFileSync(join(next, 'cci', 'zh.md'), 'utf8'), 'CCI.02.409101') },
    });
    const removed = results.find((r) => r.ruleId === 'language-removed')!;
    expect(removed.level).toBe('warning');
    expect(removed.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: `file://${join(base, 'cci', 'zh.md')}` },
      region: { startLine: zhLine(readFileSync(join(base, 'cci', 'zh.md'), 'utf8'), 'CCI.01.400101') },
    });
  });

  it('--base REV in a project: paths relative to the repository root; a code removed since REV points at its page\'s first line, the message at the old line', () => {
    const repo = join(work, 'base-repo');
    mkdirSync(join(repo, 'sources'), { recursive: true });
    cpSync(seedsDir, join(repo, 'sources', 'cci'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: repo });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one');
    const zhPage = join(repo, 'sources', 'cci', 'zh.md');
    const enPage = join(repo, 'sources', 'cci', 'en.rst');
    writeFileSync(zhPage, readFileSync(zhPage, 'utf8').replace(/\|400\|CCI\.01\.400102\|[^\n]*\n/, ''));
    writeFileSync(enPage, readFileSync(enPage, 'utf8').replace(/\| 400 +\| CCI\.01\.400102 [^\n]*\n\+[-+]+\n/, ''));
    const log = JSON.parse(errcat(['diff', '--base', 'HEAD', '--format', 'sarif'], repo).stdout);
    expect(valid(log)).toEqual([]);
    const results: Result[] = log.runs[0].results;
    expect(results.map((r) => r.ruleId)).toEqual(['code-removed']);
    expect(results[0]!.locations[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: 'sources/cci/zh.md', uriBaseId: '%SRCROOT%' } },
      message: { text: expect.stringMatching(/^old, line \d+ as of HEAD$/) },
    });
    // Not a line of the page on disk: the page's first line (GitHub requires one); the message says the old line.
    expect(results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 1 });
  });

  it('git:REV:PATH run from a subfolder: the old page is named from the repository root once, the new one through the folder', () => {
    const repo = join(work, 'subfolder-repo');
    const folder = join(repo, 'docs', 'cci');
    mkdirSync(folder, { recursive: true });
    cpSync(join(seedsDir, 'en.rst'), join(folder, 'en.rst'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: repo });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one');
    // en.rst: CCI.01.400102 renamed to CCI.01.400199 (one code removed, one added, on the same line).
    const enPage = join(folder, 'en.rst');
    writeFileSync(enPage, readFileSync(enPage, 'utf8').replace('| CCI.01.400102 ', '| CCI.01.400199 '));
    const run = errcat(['diff', 'git:HEAD:docs/cci/en.rst', 'en.rst', '--format', 'sarif'], folder);
    const log = JSON.parse(run.stdout);
    expect(valid(log)).toEqual([]);
    const results: Result[] = log.runs[0].results;
    const uriOf = (id: string) => results.find((r) => r.ruleId === id)!.locations[0]!.physicalLocation.artifactLocation;
    expect(results.map((r) => r.ruleId).sort()).toEqual(['code-added', 'code-removed']);
    expect(uriOf('code-removed')).toEqual({ uri: 'docs/cci/en.rst', uriBaseId: '%SRCROOT%' });
    expect(uriOf('code-added')).toEqual({ uri: 'docs/cci/en.rst', uriBaseId: '%SRCROOT%' });
  });
});

describe('artifact locations', () => {
  const same = (f: string) => f;
  it('percent-encodes each path segment, keeps /, and makes an absolute path a file: URI without a base', () => {
    expect(artifactLocation('sources/cci/zh.md', same)).toEqual({ uri: 'sources/cci/zh.md', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('cn.zh-cn/API参考/错误 码#1.md', same)).toEqual({ uri: 'cn.zh-cn/API%E5%8F%82%E8%80%83/%E9%94%99%E8%AF%AF%20%E7%A0%81%231.md', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('a:b.md', same)).toEqual({ uri: 'a%3Ab.md', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/tmp/x y/zh.md', same)).toEqual({ uri: 'file:///tmp/x%20y/zh.md' });
    expect(artifactLocation('zh.md', (f) => `docs/${f}`)).toEqual({ uri: 'docs/zh.md', uriBaseId: '%SRCROOT%' });
  });
});

describe('--help tells of it', () => {
  it('check and diff list sarif among their formats; diff names every change kind with its severity', () => {
    const check = errcat(['check', '--help']).stdout;
    expect(check).toMatch(/--format FORMAT +text \| json \| github[^\n]*\n +\| sarif \(SARIF 2\.1\.0/);
    const diff = errcat(['diff', '--help']).stdout;
    expect(diff).toMatch(/\| sarif \(SARIF 2\.1\.0/);
    const flat = diff.replace(/\s+/g, ' ');
    for (const kind of CHANGE_KINDS) expect(flat).toMatch(new RegExp(`${kind.id}(, [a-z-]+)* \\(${kind.severity}\\)`));
    expect(flat).toContain('it never raises the version bump');
  });
});
