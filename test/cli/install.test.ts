// errcat as a docs team uses it: packed, installed from the tarball into a project of its own
// (no install scripts, offline), pointed at pages where they live, run from a subfolder, and
// diffed across two commits of the pages. The pages are the CCI pages (a copy in test/fixtures/cci).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/reference';

const fixtures = join(repoRoot, 'test', 'fixtures', 'cci');
const work = mkdtempSync(join(tmpdir(), 'errcat-install-'));
const ZH = 'cn.zh-cn/API参考/错误码.md';
const EN = 'api-ref/source/appendix/error_codes.rst';

function run(cmd: string, args: string[], cwd: string) {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, stdio: 'pipe' });

/** A scratch npm project with errcat installed from `tarball`, as `npm install -D` does with npm's defaults. */
function installInto(dir: string, tarball: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "docs", "private": true }\n');
  const installed = run('npm', ['install', '-D', '--offline', '--no-audit', '--no-fund', tarball], dir);
  expect(installed.stderr).not.toMatch(/install-scripts|ERR/);
  expect(installed.status).toBe(0);
}

/** Every file of the project that errcat wrote or reads, with its text (not node_modules, not .git). */
function projectFiles(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    if (name === 'node_modules' || name === '.git' || name === 'package-lock.json') continue;
    const path = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) Object.assign(files, projectFiles(dir, path));
    else files[path] = readFileSync(join(dir, path), 'utf8');
  }
  return files;
}

let tarball = '';
beforeAll(() => {
  const packed = run('npm', ['pack', '--pack-destination', work, '--silent'], repoRoot);
  expect(packed.status).toBe(0);
  tarball = join(work, packed.stdout.trim().split('\n').pop()!);
}, 120_000);

describe('errcat installed from its tarball into a docs repository', () => {
  const docs = join(work, 'docs');
  const npx = (cwd: string, ...args: string[]) => run('npx', ['--offline', 'errcat', ...args], cwd);

  it('installs with no install scripts and carries the compiled CLI', () => {
    installInto(docs, tarball);
    const help = npx(docs, '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: errcat <command>/);
    const manifest = JSON.parse(readFileSync(join(docs, 'node_modules', 'errcat', 'package.json'), 'utf8'));
    expect(manifest.scripts?.prepare).toBeUndefined();
    expect(manifest.scripts?.install).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('reads an HTML table that only parse5 reads (the bundle loads it for such a page)', () => {
    // An unclosed <td> and an entity: the plain HTML table reader declines, parse5 reads the table.
    const page = join(docs, 'html-table.md');
    writeFileSync(page, '# 错误码\n\n<table>\n<tr><th>错误码</th><th>错误信息</th></tr>\n<tr><td>CCI.01.400001<td>Bad &amp; wrong <b>request\n</table>\n');
    const rows = npx(docs, 'rows', page);
    expect(rows.stderr).toBe('');
    expect(rows.status).toBe(0);
    const table = JSON.parse(rows.stdout).tables[0];
    expect(table.rows.map((r: { line: number; cells: Array<{ text: string }> }) => [r.line, r.cells.map((c) => c.text)])).toEqual([
      [4, ['错误码', '错误信息']],
      [5, ['CCI.01.400001', 'Bad & wrong request']],
    ]);
    rmSync(page);
  });

  it('init, build, check from a subfolder; two commits of the pages; diff and version against the first', () => {
    git(docs, 'init', '-q');
    writeFileSync(join(docs, '.gitignore'), 'node_modules/\n');
    for (const [from, to] of [['zh.md', ZH], ['en.rst', EN]] as const) {
      mkdirSync(join(docs, to, '..'), { recursive: true });
      cpSync(join(fixtures, from), join(docs, to));
    }
    const init = npx(docs, 'init', '--catalog', 'cci', '--source', `zh=${ZH}`, '--source', `en=${EN}`);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(init.stdout).toContain(`zh  ${ZH}: 1 error-code table, 110 rows`);
    expect(JSON.parse(readFileSync(join(docs, 'errcat.json'), 'utf8'))).toEqual({
      catalogs: [{ name: 'cci', pages: [{ lang: 'zh', path: ZH }, { lang: 'en', path: EN }] }],
    });

    const sub = join(docs, 'api-ref', 'source');
    const build = npx(sub, 'build');
    expect(build.stderr).toBe('');
    expect(build.stdout).toContain('222 rows read = 222 kept + 0 left out: 100% kept, in 112 entries');
    expect(npx(sub, 'check', '--update-baseline').status).toBe(0);
    // The two codes only the English page has (CCI.01.403009, CCI.01.403010) are accepted.
    expect(JSON.parse(readFileSync(join(docs, 'baselines', 'cci.json'), 'utf8')).accepted.map((e: { errorCode: string }) => e.errorCode)).toEqual([
      'CCI.01.403009',
      'CCI.01.403010',
    ]);
    const check = npx(sub, 'check');
    expect(check.stdout).toBe('errcat check: dist/ is up to date\ncci: no new divergences at or above error (2 accepted in baselines/cci.json)\n');
    expect(check.status).toBe(0);
    git(docs, 'add', '-A');
    git(docs, 'commit', '-qm', 'errcat');

    // New versions of both pages: CCI.01.400101 removed, CCI.09.404001 added, in both languages.
    const zh = readFileSync(join(docs, ZH), 'utf8');
    writeFileSync(
      join(docs, ZH),
      zh.replace(/\|400\|CCI\.01\.400101\|[^\n]*\n/, '').replace('|500|CCI.03.500102|', '|404|CCI.09.404001|not found|资源不存在|检查资源ID|\n|500|CCI.03.500102|'),
    );
    const en = readFileSync(join(docs, EN), 'utf8');
    const rowAt = en.split('\n').findIndex((l) => l.includes('CCI.03.500102'));
    const lines = en.split('\n');
    const widths = lines[rowAt]!.split('|').slice(1, -1).map((c) => c.length);
    const added = ['404', 'CCI.09.404001', 'not found', 'The resource does not exist.', 'Check the resource ID.'];
    lines.splice(rowAt, 0, `|${added.map((v, i) => ` ${v}`.padEnd(widths[i]!)).join('|')}|`, lines[rowAt + 1]!);
    writeFileSync(join(docs, EN), lines.join('\n').replace(/\| 400 +\| CCI\.01\.400101 [^\n]*\n\+[-+]+\n/, ''));
    expect(npx(sub, 'build').status).toBe(0);
    git(docs, 'commit', '-qam', 'pages v2');

    const diff = npx(sub, 'diff', '--base', 'HEAD~1', '--format', 'json');
    expect(diff.stderr).toBe('');
    const report = JSON.parse(diff.stdout);
    expect(report.bump).toBe('major');
    expect(report.counts).toEqual({ 'code-removed': 1, 'code-added': 1 });
    expect(report.changes.map((c: { kind: string; errorCode: string }) => [c.kind, c.errorCode])).toEqual([
      ['code-removed', 'CCI.01.400101'],
      ['code-added', 'CCI.09.404001'],
    ]);
    expect(report.changes[0].oldLocation).toEqual({ file: `HEAD~1:${ZH}`, line: 30 });
    const version = npx(sub, 'version', '--base', 'HEAD~1');
    expect(version.status).toBe(0);
    expect(version.stdout).toBe('cci: 2 changes, major since HEAD~1 (0.0.0); next version 1.0.0; package.version is 0.0.0 — not raised far enough\n');

    // No artifact or settings file holds an absolute path.
    for (const [path, text] of Object.entries(projectFiles(docs))) {
      expect(text.includes(work) || text.includes(repoRoot), path).toBe(false);
    }
  });

  it('gives byte-identical artifacts from another checkout location', () => {
    const clone = join(work, 'elsewhere', 'docs-clone');
    mkdirSync(join(clone, '..'), { recursive: true });
    execFileSync('git', ['clone', '-q', docs, clone]);
    installInto(clone, tarball);
    rmSync(join(clone, 'dist'), { recursive: true });
    const build = npx(join(clone, 'cn.zh-cn'), 'build');
    expect(build.status).toBe(0);
    const artifacts = (dir: string) => Object.fromEntries(Object.entries(projectFiles(dir)).filter(([p]) => p.startsWith('dist/')));
    expect(Object.keys(artifacts(clone)).length).toBeGreaterThan(10);
    expect(artifacts(clone)).toEqual(artifacts(docs));
  });
});
