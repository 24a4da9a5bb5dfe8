import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffCatalogSets } from '../../pipeline/diff';
import { sideBySide } from '../../pipeline/diff/format';
import { resolveSide } from '../../pipeline/diff/side';
import { errcat } from '../helpers/cli';
import { builtSeedsProject, editedSeeds, seedsDir, type SeedEdits } from '../helpers/seeds';

const work = mkdtempSync(join(tmpdir(), 'errcat-diff-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const zh = readFileSync(join(seedsDir, 'zh.md'), 'utf8');
const en = readFileSync(join(seedsDir, 'en.rst'), 'utf8');

const version = (name: string, edit: SeedEdits) => editedSeeds(join(work, name), edit);

const kinds = async (old: string, next: string) => {
  const report = diffCatalogSets(await resolveSide(old), await resolveSide(next));
  return report.changes.map((c) => [c.kind, c.errorCode, c.lang ?? c.field ?? null]);
};

const pipeRows = zh.split('\n').filter((l) => l.startsWith('|'));
/** The zh page's pipe table rewritten as the HTML the older pages use: anchors, attributes, <p>, rewrapped lines. */
function asHtmlTable(columns: number[]): string {
  const cells = (line: string) => line.slice(1, -1).split('|');
  const [header, , ...body] = pipeRows;
  const th = cells(header!).map((_, i, all) => `<th class="cellrowborder" valign="top" width="20%" id="mcps1.${i}"><p id="p${i}"><a name="p${i}"></a><a name="p${i}"></a>${all[columns[i]!]}</p>\n</th>`);
  const rows = body.map((line, r) => {
    const c = cells(line);
    return `<tr id="row${r}">${columns.map((k) => `<td class="cellrowborder" valign="top" width="20%"><p id="c${r}${k}"><a name="c${r}${k}"></a>${c[k]!.replace(' ', '\n  ')}</p>\n</td>`).join('\n')}</tr>`;
  });
  const table = `<a name="t1"></a>\n<table><thead align="left"><tr id="h">${th.join('\n')}</tr>\n</thead>\n<tbody>${rows.join('\n')}\n</tbody>\n</table>`;
  return zh.replace(pipeRows.join('\n'), table);
}

describe('errcat diff on edited copies of the seeds', () => {
  const base = version('base', {});
  const built = builtSeedsProject();

  it('reports exactly the kinds of each edit', async () => {
    const edited = version('edited', {
      // remove a code in both languages; add one in both; re-status one; reword en message; reword zh description
      zh: (s) =>
        s
          .replace(/\|400\|CCI\.01\.400101\|[^\n]*\n/, '')
          .replace('|409|CCI.02.409101|', '|400|CCI.02.409101|')
          .replace('迁移namespace失败：namespace已属于专属节点', '迁移namespace失败：namespace属于专属节点')
          .replace('|500|CCI.03.500102|', '|400|CCI.09.400001|new code|新错误|无|\n|500|CCI.03.500102|'),
      en: (s) =>
        s
          .replace(/\| 400 +\| CCI\.01\.400101 [^\n]*\n\+[-+]+\n/, '')
          .replace('| 409         | CCI.02.409101', '| 400         | CCI.02.409101')
          .replace('| Failed to migrate the namespace                                                                                                                 |', '| Failed to migrate the namespace: it is on a dedicated node                                                                                      |'),
    });
    expect(await kinds(base, edited)).toEqual([
      ['code-removed', 'CCI.01.400101', null],
      ['status-changed', 'CCI.02.409101', null],
      ['message-changed', 'CCI.02.409102', 'en'],
      ['code-added', 'CCI.09.400001', null],
      ['description-changed', 'CCI.02.409102', 'zh'],
      // The en message changed and the zh one ("Failed to migrate the namespace", the same
      // literal) did not; the zh description changed and the en one did not: each unchanged side lags.
      ['translation-stale', 'CCI.02.409102', 'en'],
      ['translation-stale', 'CCI.02.409102', 'zh'],
    ]);
  });

  it('sees the status one page gives change while the primary page\'s stays (page-status-changed: a warning, a patch)', async () => {
    // en.rst line 220 gives CCI.02.409101 409, as zh does; en alone now says 404 (status-mismatch), then agrees again.
    const enOwn = version('en-own-status', { en: (s) => s.replace('| 409         | CCI.02.409101', '| 404         | CCI.02.409101') });
    const report = diffCatalogSets(await resolveSide(base), await resolveSide(enOwn));
    expect(report.changes).toEqual([
      expect.objectContaining({
        kind: 'page-status-changed', severity: 'warning', errorCode: 'CCI.02.409101', lang: 'en', old: 409, new: 404,
        message: "CCI.02.409101: the en page gives status 409 → 404 (the code's status stays 409)", newLocation: { file: join(enOwn, 'cci', 'en.rst'), line: 220 },
      }),
    ]);
    // The status clients get (the primary page's) did not change: no major release for a page's error or its fix.
    expect(report.bump).toBe('patch');
    expect(await kinds(enOwn, base)).toEqual([['page-status-changed', 'CCI.02.409101', 'en']]);
  });

  it('sees a cell of a column that maps to no field (extra) change, appear and vanish', async () => {
    const page = (notes: string[]) =>
      `# 错误码\n\n|状态码|错误码|错误信息|备注|\n|--|--|--|--|\n|400|T.0001|参数错误|${notes[0]}|\n|400|T.0002|错误二|${notes[1]}|\n|400|T.0003|错误三|${notes[2]}|\n`;
    const write = (name: string, notes: string[]) => {
      mkdirSync(join(work, name), { recursive: true });
      writeFileSync(join(work, name, 'zh.md'), page(notes));
      return join(work, name, 'zh.md');
    };
    const before = write('extra-before', ['仅适用于公有云。', '', '旧备注']);
    const after = write('extra-after', ['仅适用于私有云。', '新增备注', '']);
    const report = diffCatalogSets(await resolveSide(before), await resolveSide(after));
    expect(report.changes.map((c) => [c.kind, c.errorCode, c.lang, c.field, c.old, c.new])).toEqual([
      ['extra-changed', 'T.0001', 'zh', 'extra["备注"]', '仅适用于公有云。', '仅适用于私有云。'],
      ['field-added', 'T.0002', 'zh', 'extra["备注"]', null, '新增备注'],
      ['field-removed', 'T.0003', 'zh', 'extra["备注"]', '旧备注', null],
    ]);
    expect(report.changes[0]!.message).toBe('T.0001: the zh extra["备注"] changed');
    expect(report.bump).toBe('minor');
  });

  it('finds nothing when an en grid cell is rewrapped over two lines, and the catalog is the same', async () => {
    // en.rst line 220, CCI.02.409101: its description cell split after "namespace." onto a second line.
    const rewrap = (page: string) => {
      const lines = page.split('\n');
      const at = lines.findIndex((l) => l.includes('| CCI.02.409101 |'));
      const row = lines[at]!;
      const bars = [...row.matchAll(/\|/g)].map((m) => m.index);
      const cell = (text: string, c: number) => ` ${text}`.padEnd(bars[c + 1]! - bars[c]! - 1);
      const line = (texts: string[]) => `|${texts.map(cell).join('|')}|`;
      const [status, code, message, , measure] = row.split('|').slice(1, -1).map((t) => t.trim());
      lines.splice(at, 1, line([status!, code!, message!, 'Failed to create the namespace.', measure!]), line(['', '', '', 'The namespace already exists.', '']));
      return lines.join('\n');
    };
    const rewrapped = version('rewrapped-en', { en: rewrap });
    expect(readFileSync(join(rewrapped, 'cci', 'en.rst'), 'utf8')).toContain('| Failed to create the namespace.');
    const [before, after] = [(await resolveSide(base)).catalogs[0]!, (await resolveSide(rewrapped)).catalogs[0]!];
    expect(after.entries.find((e) => e.errorCode === 'CCI.02.409101')!.texts.en!.description).toBe('Failed to create the namespace. The namespace already exists.');
    // The same texts, statuses and codes; only the rows below it are a line further down.
    const withoutLines = (entries: unknown) => JSON.parse(JSON.stringify(entries, (key, value) => (key === 'line' ? undefined : value)));
    expect(withoutLines(after.entries)).toEqual(withoutLines(before.entries));
    expect(await kinds(base, rewrapped)).toEqual([]);
  });

  it('finds nothing when the zh pipe table is rewritten as an HTML table, columns reordered', async () => {
    const html = version('html', { zh: () => asHtmlTable([0, 1, 2, 3, 4]) });
    const reordered = version('reordered', { zh: () => asHtmlTable([1, 0, 2, 4, 3]) });
    expect((await resolveSide(html)).catalogs[0]!.entries).toHaveLength(112);
    expect(await kinds(base, html)).toEqual([]);
    expect(await kinds(base, reordered)).toEqual([]);
  });

  it('sees a language and a field appear', async () => {
    mkdirSync(join(work, 'zh-only'));
    const zhOnly = join(work, 'zh-only', 'zh.md');
    writeFileSync(zhOnly, zh);
    mkdirSync(join(work, 'no-status'));
    const noStatus = join(work, 'no-status', 'zh.md');
    writeFileSync(noStatus, zh.split('\n').map((l) => (l.startsWith('|') ? `|${l.split('|').slice(2).join('|')}` : l)).join('\n'));
    const both = diffCatalogSets(await resolveSide(zhOnly), await resolveSide(base));
    expect(both.counts).toEqual({ 'language-added': 110, 'code-added': 2 });
    const status = diffCatalogSets(await resolveSide(noStatus), await resolveSide(zhOnly));
    expect(status.counts).toEqual({ 'field-added': 110 });
    expect(status.changes[0]).toMatchObject({ field: 'httpStatus', old: null, new: 400 });
  });

  it('gives each change a fingerprint that is the same on every run', async () => {
    const edited = version('again', { zh: (s) => s.replace('|409|CCI.02.409101|', '|400|CCI.02.409101|') });
    const a = diffCatalogSets(await resolveSide(base), await resolveSide(edited));
    const b = diffCatalogSets(await resolveSide(base), await resolveSide(edited));
    expect(a.changes.map((c) => c.fingerprint)).toEqual(b.changes.map((c) => c.fingerprint));
    expect(a.changes[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('compares a built catalog.json with sources', async () => {
    expect(await kinds(join(built, 'dist', 'cci', 'catalog.json'), join(built, 'sources'))).toEqual([]);
  });

  it('--fail-on breaking exits 1 on a removed code, 0 without one; markdown for a pull request', async () => {
    const removed = version('removed', {
      zh: (s) => s.replace(/\|400\|CCI\.01\.400102\|[^\n]*\n/, ''),
      en: (s) => s.replace(/\| 400 +\| CCI\.01\.400102 [^\n]*\n\+[-+]+\n/, ''),
    });
    const md = errcat(['diff', base, removed, '--format', 'markdown', '--fail-on', 'breaking']);
    expect(md.status).toBe(1);
    expect(md.stdout).toContain(': 1 code-removed (breaking); version bump: **major**\n');
    expect(md.stdout).toContain('#### code-removed (1, breaking)');
    expect(errcat(['diff', base, base, '--fail-on', 'breaking']).status).toBe(0);
    const github = errcat(['diff', base, removed, '--format', 'github']).stdout;
    expect(github).toBe('::error title=errcat code-removed::CCI.01.400102 was removed\n');
    expect(errcat(['diff', base, removed]).status).toBe(0);
    // One language dropping a code is language-removed (warning): breaking does not fail on it.
    const oneLanguage = version('one-language', { zh: (s) => s.replace(/\|400\|CCI\.01\.400102\|[^\n]*\n/, '') });
    expect(errcat(['diff', base, oneLanguage, '--fail-on', 'breaking']).status).toBe(0);
    expect(errcat(['diff', base, oneLanguage, '--fail-on', 'warning']).status).toBe(1);
    expect(errcat(['diff', base])).toMatchObject({ status: 2 });
  });
});

/** git in `repo`, committing as a test user. */
const gitIn = (repo: string) => (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, stdio: 'pipe' });

describe('git sides', () => {
  it('--base compares a project that had sources/ at REV, before its errcat.json, with that, and says nothing', () => {
    const repo = join(work, 'to-settings');
    cpSync(seedsDir, join(repo, 'sources', 'cci'), { recursive: true });
    const git = gitIn(repo);
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one');
    const settings = { catalogs: [{ name: 'cci', pages: [{ lang: 'zh', path: 'sources/cci/zh.md' }, { lang: 'en', path: 'sources/cci/en.rst' }] }] };
    writeFileSync(join(repo, 'errcat.json'), JSON.stringify(settings));
    const page = join(repo, 'sources', 'cci', 'zh.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('|409|CCI.02.409101|', '|400|CCI.02.409101|'));
    const { status, stdout, stderr } = errcat(['diff', '--base', 'HEAD'], repo);
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe('errcat diff git:HEAD → errcat.json: 1 status-changed (breaking); version bump: major');
    expect(stderr).toBe('');
  });

  it('--base says so when errcat.json was not there at REV (a project moved since compares with nothing)', () => {
    const repo = join(work, 'moved');
    mkdirSync(join(repo, 'docs'), { recursive: true });
    for (const page of ['zh.md', 'en.rst']) cpSync(join(seedsDir, page), join(repo, 'docs', page));
    const settings = { catalogs: [{ name: 'cci', pages: [{ lang: 'zh', path: 'docs/zh.md' }, { lang: 'en', path: 'docs/en.rst' }] }] };
    writeFileSync(join(repo, 'errcat.json'), JSON.stringify(settings));
    const git = gitIn(repo);
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one');
    mkdirSync(join(repo, 'proj'));
    git('mv', 'errcat.json', 'docs', 'proj/');
    const { status, stdout, stderr } = errcat(['diff', '--base', 'HEAD'], join(repo, 'proj'));
    expect(status).toBe(0);
    // The seeds have 112 codes: all of them new against nothing.
    expect(stdout.split('\n')[0]).toBe('errcat diff git:HEAD → errcat.json: 112 code-added (info); version bump: minor');
    expect(stderr).toBe(
      'errcat: note: errcat.json did not exist at HEAD (looked for as HEAD:proj/errcat.json), and no catalog was found there, so every catalog is compared as new; if the project moved since, compare its old pages with errcat diff OLD NEW\n',
    );
  });

  it('reads sources as of a revision without a checkout', async () => {
    const repo = join(work, 'repo');
    cpSync(seedsDir, join(repo, 'sources', 'cci'), { recursive: true });
    const git = gitIn(repo);
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one');
    const page = join(repo, 'sources', 'cci', 'zh.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('|409|CCI.02.409101|', '|400|CCI.02.409101|'));
    const { status, stdout } = errcat(['diff', '--base', 'HEAD', '--format', 'json'], repo);
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ old: 'git:HEAD', new: 'sources', counts: { 'status-changed': 1 } });
    expect(report.changes[0].oldLocation).toEqual({ file: 'HEAD:sources/cci/zh.md', line: 119 });
    git('commit', '-qam', 'two');
    expect(JSON.parse(errcat(['diff', 'git:HEAD~1', 'git:HEAD:sources/cci', '--format', 'json'], repo).stdout).counts).toEqual({ 'status-changed': 1 });
    expect(errcat(['diff', 'git:nope', 'sources'], repo)).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown revision "nope"') });
    // A path that is not there says from where it was taken; git:REV alone, what it read and what else to run.
    expect(errcat(['diff', 'git:HEAD:cci/zh.md', 'zh.md'], join(repo, 'sources', 'cci'))).toMatchObject({
      status: 2,
      stderr: "git:HEAD:cci/zh.md: cci/zh.md does not exist at HEAD (PATH is relative to the repository's root, not to the current folder)\n",
    });
    expect(errcat(['diff', 'git:HEAD:cci/zh.md', 'sources/cci/zh.md'], repo)).toMatchObject({ status: 2, stderr: 'git:HEAD:cci/zh.md: cci/zh.md does not exist at HEAD\n' });
    rmSync(join(repo, 'sources'), { recursive: true });
    git('commit', '-qam', 'three: the pages moved out of sources/');
    expect(errcat(['diff', 'git:HEAD', 'git:HEAD~1'], repo)).toMatchObject({
      status: 2,
      stderr: "git:HEAD: sources does not exist at HEAD (git:REV alone reads sources/ at the repository's root; a project set up with errcat.json is compared as of REV with errcat diff --base HEAD)\n",
    });
  });
});

describe('side-by-side texts', () => {
  it('keeps the differing part visible in long texts', async () => {
    const a = 'The disk can be attached to a server only if it exists and the state must be in the available state.';
    const b = 'The disk can be attached to a server only if it exists and is in the Available state.';
    expect(sideBySide(a, b)).toEqual([
      '…r only if it exists and <b>the state must be in the a</b>vailable state.',
      '…r only if it exists and <b>is in the A</b>vailable state.',
    ]);
  });
});

describe('errcat version and check --base: the package version follows the diff', () => {
  const repo = join(work, 'versioned');
  const run = (...args: string[]) => errcat(args, repo);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  const settings = () => JSON.parse(readFileSync(join(repo, 'sources', 'cci', 'catalog.json'), 'utf8'));
  const zhPage = join(repo, 'sources', 'cci', 'zh.md');
  const enPage = join(repo, 'sources', 'cci', 'en.rst');

  it('says none, patch, minor or major, writes the next version, and check --base enforces it', () => {
    cpSync(seedsDir, join(repo, 'sources', 'cci'), { recursive: true });
    git('init', '-q');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'v1', '--allow-empty');
    git('add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'sources');
    const built = run('build');
    expect(built.stderr).toBe('');
    expect(run('version').stdout).toBe('cci: no change since HEAD (1.0.0); next version 1.0.0; package.version is 1.0.0\n');
    expect(run('check', '--base', 'HEAD').status).toBe(0);

    // A reworded zh description: patch.
    writeFileSync(zhPage, zh.replace('迁移namespace失败：namespace已属于专属节点', '迁移namespace失败：namespace属于专属节点'));
    expect(run('version').stdout).toContain('cci: 1 change, patch since HEAD (1.0.0); next version 1.0.1; package.version is 1.0.0 — not raised far enough');
    // A new code in both languages on top: minor.
    writeFileSync(zhPage, readFileSync(zhPage, 'utf8').replace('|500|CCI.03.500102|', '|400|CCI.09.400001|new code|新错误|无|\n|500|CCI.03.500102|'));
    expect(run('version').stdout).toContain('next version 1.1.0');
    // A code removed from both: major.
    writeFileSync(zhPage, readFileSync(zhPage, 'utf8').replace(/\|400\|CCI\.01\.400101\|[^\n]*\n/, ''));
    writeFileSync(enPage, en.replace(/\| 400 +\| CCI\.01\.400101 [^\n]*\n\+[-+]+\n/, ''));
    expect(run('version').stdout).toContain('next version 2.0.0');
    expect(run('build').status).toBe(0);
    // --fail-on never: only the version decides (the new code is in zh only, a missing-language error).
    const low = run('check', '--base', 'HEAD', '--fail-on', 'never');
    expect(low.status).toBe(1);
    expect(low.stdout).toContain('package.version is 1.0.0 — not raised far enough; run errcat version --base HEAD --write');

    const written = run('version', '--write');
    expect(written.stdout).toContain('wrote package.version 2.0.0 to sources/cci/catalog.json; run errcat build');
    expect(settings().package).toMatchObject({ name: '@errcat/cci-error-codes', version: '2.0.0' });
    expect(run('build').status).toBe(0);
    expect(JSON.parse(readFileSync(join(repo, 'dist', 'cci', 'package.json'), 'utf8')).version).toBe('2.0.0');
    expect(run('check', '--base', 'HEAD', '--fail-on', 'never').status).toBe(0);
  });
});
