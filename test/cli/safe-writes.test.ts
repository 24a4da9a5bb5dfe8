// errcat run on a checkout it cannot trust (a pull request) or with a careless flag: it writes only
// its own files, never through a link, never deletes what it did not write, reads only regular
// files within a limit, and a killed or concurrent build leaves a whole output (issue 22).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/files';
import { repoRoot } from '../helpers/reference';
import { builtSeedsProject, seedsDir } from '../helpers/seeds';

const launcher = join(repoRoot, 'pipeline', 'bin', 'errcat.cjs');
const unix = process.platform !== 'win32';
let work: string;
let outside: string;

const seedsBuilt = builtSeedsProject();

/** A project as a maintainer has it checked out, and a folder beside it standing for their home. */
beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'errcat-safe-'));
  work = join(root, 'project');
  outside = join(root, 'home');
  mkdirSync(outside);
  mkdirSync(join(work, 'sources'), { recursive: true });
  cpSync(seedsDir, join(work, 'sources', 'cci'), { recursive: true });
  cpSync(join(seedsBuilt, 'dist'), join(work, 'dist'), { recursive: true });
  mkdirSync(join(work, 'docs'));
  writeFileSync(join(work, 'docs', 'guide.md'), '# Guide\n');
  writeFileSync(join(work, 'package.json'), '{ "name": "docs-site" }\n');
  writeFileSync(join(work, 'README.md'), '# Docs\n');
  writeFileSync(join(outside, '.bashrc'), 'export PATH=/usr/bin\n');
});
afterEach(() => rmSync(dirname(work), { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [launcher, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Every entry under `dir`, links as links (`-> target`), files by content; nothing followed. */
function tree(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const stats = lstatSync(path);
      if (stats.isSymbolicLink()) found[`${prefix}${name}`] = `-> ${readlinkSync(path)}`;
      else if (stats.isDirectory()) walk(path, `${prefix}${name}/`);
      else found[`${prefix}${name}`] = readFileSync(path, 'latin1');
    }
  };
  walk(dir, '');
  return found;
}

/** What a build beside `work` left in its parent folder: staging folders or a lock, by errcat's names. */
const besideWork = () => readdirSync(dirname(work)).sort();
const besideDist = () => readdirSync(work).filter((n) => n.startsWith('.dist.')).sort();

describe('writes never go through a link (case 1)', () => {
  it('check --update-baseline refuses a baseline.json that links to a file outside; the file is unchanged', () => {
    const baseline = join(work, 'sources', 'cci', 'baseline.json');
    rmSync(baseline);
    symlinkSync(join(outside, '.bashrc'), baseline);
    const { status, stderr } = run(['check', '--fail-on', 'never', '--update-baseline']);
    expect(status).toBe(2);
    expect(stderr).toBe(`sources/cci/baseline.json: is a symbolic link (to ${JSON.stringify(join(outside, '.bashrc'))}); errcat never writes through a link: remove the link, or put a regular file in its place, and run again\n`);
    expect(readFileSync(join(outside, '.bashrc'), 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(lstatSync(baseline).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(work, 'sources', 'cci')).sort()).toEqual(['baseline.json', 'catalog.json', 'en.rst', 'zh.md']);
  });

  it('check --update-baseline refuses a catalog folder that links outside the sources folder', () => {
    mkdirSync(join(outside, 'pages'));
    for (const page of ['zh.md', 'en.rst']) cpSync(join(seedsDir, page), join(outside, 'pages', page));
    symlinkSync(join(outside, 'pages'), join(work, 'sources', 'other'));
    const { status, stderr } = run(['check', '--fail-on', 'never', '--update-baseline']);
    expect(status).toBe(2);
    expect(stderr).toBe(`sources/other: is a symbolic link (to ${JSON.stringify(join(outside, 'pages'))}); errcat writes into the project only through real folders\n`);
    expect(readdirSync(join(outside, 'pages')).sort()).toEqual(['en.rst', 'zh.md']);
  });

  it('a baseline that is a regular file is rewritten in place as before', () => {
    expect(run(['check', '--fail-on', 'warning', '--update-baseline']).status).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'sources', 'cci', 'baseline.json'), 'utf8')).accepted).toHaveLength(12);
    expect(readdirSync(join(work, 'sources', 'cci')).sort()).toEqual(['baseline.json', 'catalog.json', 'en.rst', 'zh.md']);
  });

  it('version --write refuses a catalog.json that links to a file outside; the file is unchanged', () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: work, stdio: 'pipe' });
    git('init', '-q');
    git('add', 'sources');
    git('commit', '-qm', 'sources');
    const settings = readFileSync(join(work, 'sources', 'cci', 'catalog.json'), 'utf8');
    writeFileSync(join(outside, 'settings.json'), settings);
    rmSync(join(work, 'sources', 'cci', 'catalog.json'));
    symlinkSync(join(outside, 'settings.json'), join(work, 'sources', 'cci', 'catalog.json'));
    const zh = join(work, 'sources', 'cci', 'zh.md');
    writeFileSync(zh, readFileSync(zh, 'utf8').replace('迁移namespace失败：namespace已属于专属节点', '迁移namespace失败：namespace属于专属节点'));
    const { status, stdout, stderr } = run(['version', '--write']);
    expect(stdout).toContain('cci: 1 change, patch since HEAD (1.0.0); next version 1.0.1');
    expect(status).toBe(2);
    expect(stderr).toBe(`sources/cci/catalog.json: is a symbolic link (to ${JSON.stringify(join(outside, 'settings.json'))}); errcat never writes through a link: remove the link, or put a regular file in its place, and run again\n`);
    expect(readFileSync(join(outside, 'settings.json'), 'utf8')).toBe(settings);
  });
});

describe('--out never replaces a folder errcat did not write (case 2)', () => {
  const message = (out: string) =>
    `${out}: exists and was not written by errcat (it holds no .errcat-output); errcat replaces its output folder whole, so it builds only into a new or empty folder or one it wrote: choose another with --out\n`;

  it.each([
    ['docs', 'docs'],
    ['sources', 'sources'],
    ['the project itself', '.'],
  ])('--out %s: exit 2, and not one file of the project changes', (_, out) => {
    const before = tree(work);
    const beside = besideWork();
    const { status, stderr } = run(['build', '--out', out]);
    expect(stderr).toBe(message(out));
    expect(status).toBe(2);
    expect(tree(work)).toEqual(before);
    expect(besideWork()).toEqual(beside);
  });

  it('--out "$PWD" (an absolute path): refused the same', () => {
    const before = tree(work);
    // Shown, like every path, relative to the project's root: the root itself.
    expect(run(['build', '--out', work])).toMatchObject({ status: 2, stderr: message('.') });
    expect(tree(work)).toEqual(before);
    expect(besideWork()).toEqual(['home', 'project']);
  });

  it('an output an older errcat wrote (no manifest): refused with a hint; deleted, it builds', () => {
    rmSync(join(work, 'dist', '.errcat-output'));
    const before = tree(join(work, 'dist'));
    const { status, stderr } = run(['build']);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `${message('dist').trimEnd()}. It holds only files named as errcat names its outputs, so an errcat that did not yet mark its folders may have written it: if so, delete it and build again\n`,
    );
    expect(tree(join(work, 'dist'))).toEqual(before);
    // check says what is missing, so CI points at the upgrade.
    expect(run(['check']).stdout).toContain('missing    dist/.errcat-output');
    rmSync(join(work, 'dist'), { recursive: true });
    expect(run(['build']).status).toBe(0);
    expect(snapshot(join(work, 'dist'))).toEqual(snapshot(join(repoRoot, 'dist')));
  });

  it('builds into a new folder and an empty one, and again into what it wrote', () => {
    expect(run(['build', '--out', 'new/nested/out']).status).toBe(0);
    mkdirSync(join(work, 'empty'));
    expect(run(['build', '--out', 'empty']).status).toBe(0);
    expect(snapshot(join(work, 'empty'))).toEqual(snapshot(join(repoRoot, 'dist')));
    expect(snapshot(join(work, 'new', 'nested', 'out'))).toEqual(snapshot(join(repoRoot, 'dist')));
    expect(run(['build', '--out', 'empty']).status).toBe(0);
    expect(readdirSync(work).sort()).toEqual(['README.md', 'dist', 'docs', 'empty', 'new', 'package.json', 'sources']);
  });

  it('refuses a file errcat did not write inside its output, a file as --out, and a link as --out', () => {
    writeFileSync(join(work, 'dist', 'cci', 'notes.md'), 'mine\n');
    const before = tree(work);
    expect(run(['build'])).toMatchObject({
      status: 2,
      stderr: 'dist/cci/notes.md: was not written by errcat (.errcat-output does not list it); errcat never deletes or replaces what it did not write: move it out of dist, or build into another folder with --out\n',
    });
    expect(run(['build', '--out', 'README.md'])).toMatchObject({ status: 2, stderr: 'README.md: is a regular file, expected an output folder; choose another with --out\n' });
    symlinkSync('docs', join(work, 'docs-link'));
    expect(run(['build', '--out', 'docs-link'])).toMatchObject({
      status: 2,
      stderr: 'docs-link: is a symbolic link (to "docs"); errcat replaces its output folder whole and follows no link to one: pass the folder itself with --out\n',
    });
    rmSync(join(work, 'docs-link'));
    expect(tree(work)).toEqual(before);
  });
});

describe('every artifact stays inside the output folder (case 3)', () => {
  const zh = () => `zh=${join(seedsDir, 'zh.md')}`;

  // The name is refused where it is given; output.ts refuses an unsafe path again, as a second guard
  // (test/compile/output.test.ts).
  it.each(['..', '../x', '.', 'a:b'])('--catalog %s is refused before anything is written; package.json and README.md are unchanged', (name) => {
    rmSync(join(work, 'dist'), { recursive: true });
    const before = tree(work);
    const message = `${relative(work, join(seedsDir, 'zh.md'))}: "${name}" is not a catalog name; expected letters, digits, dots, underscores and hyphens, starting with a letter or digit\n`;
    expect(run(['build', '--source', zh(), '--catalog', name, '--out', 'dist'])).toMatchObject({ status: 2, stderr: message });
    expect(tree(work)).toEqual(before);
    expect(besideWork()).toEqual(['home', 'project']);
  });

  it('a catalog name that is a plain name still builds', () => {
    expect(run(['build', '--source', zh(), '--catalog', 'solo', '--out', 'out']).status).toBe(0);
    expect(readdirSync(join(work, 'out')).sort()).toEqual(['.errcat-output', 'catalog.schema.json', 'solo']);
  });
});

describe('files inside the output are never read through a link (case 4)', () => {
  it.runIf(unix)('dist/env.txt -> /proc/self/environ, even when a pull request lists it in the manifest: refused, not copied', () => {
    symlinkSync('/proc/self/environ', join(work, 'dist', 'env.txt'));
    const manifest = join(work, 'dist', '.errcat-output');
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}env.txt\n`);
    const before = tree(work);
    const zh = `zh=${join(seedsDir, 'zh.md')}`;
    for (const args of [['build', '--source', zh, '--catalog', 'solo'], ['build']]) {
      const { status, stderr } = run(args, { ERRCAT_TEST_SECRET: 'token-123' });
      expect(status).toBe(2);
      expect(stderr).toBe('dist/env.txt: is a symbolic link (to "/proc/self/environ"), and errcat writes no links; errcat never deletes or replaces what it did not write: move it out of dist, or build into another folder with --out\n');
    }
    expect(tree(work)).toEqual(before);
    // check names it without reading it.
    const check = run(['check'], { ERRCAT_TEST_SECRET: 'token-123' });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('unexpected dist/env.txt');
    expect(check.stdout).not.toContain('token-123');
  });

  it.runIf(unix)('a FIFO in the output folder is refused without opening it', () => {
    if (spawnSync('mkfifo', [join(work, 'dist', 'cci', 'pipe')]).status !== 0) return;
    const { status, stderr } = run(['build']);
    expect(status).toBe(2);
    expect(stderr).toBe('dist/cci/pipe: is a FIFO (named pipe), which errcat never writes; errcat never deletes or replaces what it did not write: move it out of dist, or build into another folder with --out\n');
  });
});

describe('pages, settings and baselines are read only as regular files within a limit (case 5)', () => {
  it.runIf(unix && existsSync('/dev/zero'))('a page linked to /dev/zero is refused at once; dist/ is unchanged', () => {
    const before = tree(join(work, 'dist'));
    rmSync(join(work, 'sources', 'cci', 'zh.md'));
    symlinkSync('/dev/zero', join(work, 'sources', 'cci', 'zh.md'));
    for (const command of ['build', 'check']) {
      const { status, stderr } = run([command]);
      expect(status).toBe(2);
      expect(stderr).toBe('sources/cci/zh.md: is a character device (through a symbolic link to "/dev/zero"), expected a page\n');
    }
    expect(tree(join(work, 'dist'))).toEqual(before);
  });

  it.runIf(unix)('a page that is a FIFO is refused, not waited on', () => {
    rmSync(join(work, 'sources', 'cci', 'en.rst'));
    if (spawnSync('mkfifo', [join(work, 'sources', 'cci', 'en.rst')]).status !== 0) return;
    expect(run(['build'])).toMatchObject({ status: 2, stderr: 'sources/cci/en.rst: is a FIFO (named pipe), expected a page\n' });
  });

  it.runIf(unix && existsSync('/dev/zero'))('a baseline linked to /dev/zero, or over 1 MiB, is refused', () => {
    const baseline = join(work, 'sources', 'cci', 'baseline.json');
    rmSync(baseline);
    symlinkSync('/dev/zero', baseline);
    expect(run(['check'])).toMatchObject({ status: 2, stderr: 'sources/cci/baseline.json: is a character device (through a symbolic link to "/dev/zero"), expected a baseline\n' });
    rmSync(baseline);
    writeFileSync(baseline, `{"catalog":"cci","accepted":[]}${' '.repeat(1024 * 1024)}`);
    expect(run(['check'])).toMatchObject({ status: 2, stderr: 'sources/cci/baseline.json: is 1048607 bytes; a baseline may be at most 1 MiB (1048576 bytes)\n' });
  });
});

describe('a killed build, and two at once (case 6)', () => {
  const edited = () => {
    const zh = join(work, 'sources', 'cci', 'zh.md');
    writeFileSync(zh, readFileSync(zh, 'utf8').replace('|400|CCI.01.400101|', '|401|CCI.01.400101|'));
  };
  /** What a build of the current sources writes (made in a folder beside the project). */
  const expected = () => {
    const ref = join(dirname(work), 'ref');
    rmSync(ref, { recursive: true, force: true });
    expect(run(['build', '--out', ref]).status).toBe(0); // from the project, so pages are named as there
    const files = snapshot(ref);
    rmSync(ref, { recursive: true });
    return files;
  };

  it.each(['staged', 'between-renames', 'swapped'])('killed at %s: the output is old or new, and the next build repairs the rest', (step) => {
    const old = snapshot(join(work, 'dist'));
    edited();
    const next = expected();
    expect(next).not.toEqual(old);
    const killed = run(['build'], { ERRCAT_TEST_KILL_AT: step });
    expect(killed.signal).toBe('SIGKILL');
    // Left behind: the lock and a staging or retired folder.
    expect(besideDist()).toContain('.dist.errcat-lock');
    if (step === 'staged') expect(snapshot(join(work, 'dist'))).toEqual(old);
    if (step === 'between-renames') {
      expect(existsSync(join(work, 'dist'))).toBe(false); // the one moment with no output: repaired next
      expect(besideDist().filter((n) => n.startsWith('.dist.old-'))).toHaveLength(1);
    }
    if (step === 'swapped') expect(snapshot(join(work, 'dist'))).toEqual(next);
    const again = run(['build']);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(snapshot(join(work, 'dist'))).toEqual(next);
    expect(besideDist()).toEqual([]);
    expect(run(['check', '--fail-on', 'never']).status).toBe(0);
  });

  it('killed between the renames, then no change: the old output is put back as it was', () => {
    const old = snapshot(join(work, 'dist'));
    edited();
    expect(run(['build'], { ERRCAT_TEST_KILL_AT: 'between-renames' }).signal).toBe('SIGKILL');
    writeFileSync(join(work, 'sources', 'cci', 'zh.md'), readFileSync(join(seedsDir, 'zh.md')));
    expect(run(['build']).status).toBe(0);
    expect(snapshot(join(work, 'dist'))).toEqual(old);
    expect(besideDist()).toEqual([]);
  });

  it('a lock held by a running process: the build waits, then refuses with exit 2 naming it, and writes nothing', () => {
    writeFileSync(join(work, '.dist.errcat-lock'), `${process.pid}\n`);
    edited();
    const before = tree(join(work, 'dist'));
    const { status, stderr } = run(['build'], { ERRCAT_TEST_LOCK_WAIT_MS: '0' });
    expect(status).toBe(2);
    expect(stderr).toBe(`${join(work, '.dist.errcat-lock')}: another errcat build (process ${process.pid}) is writing dist; run again when it has finished, or delete this lock if no errcat is running\n`);
    expect(tree(join(work, 'dist'))).toEqual(before);
    expect(readFileSync(join(work, '.dist.errcat-lock'), 'utf8')).toBe(`${process.pid}\n`);
  });

  it('a lock whose process is gone is taken over', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(work, '.dist.errcat-lock'), `${gone}\n`);
    edited();
    expect(run(['build'], { ERRCAT_TEST_LOCK_WAIT_MS: '0' }).status).toBe(0);
    expect(snapshot(join(work, 'dist'))).toEqual(expected());
    expect(besideDist()).toEqual([]);
  });

  it('a --source build started while a full build writes waits for it, and keeps its output', async () => {
    edited();
    const release = join(dirname(work), 'release');
    const full = start(['build'], { ERRCAT_TEST_HOLD_LOCK_UNTIL: release });
    await until(() => existsSync(join(work, '.dist.errcat-lock')));
    const zh = `zh=${join(seedsDir, 'zh.md')}`;
    const solo = start(['build', '--source', zh, '--catalog', 'solo']);
    // The second build says it waits (and cannot finish) while the first holds the lock.
    await until(() => solo.stderr.includes('waiting for another errcat build') || solo.done);
    expect(solo.done).toBe(false);
    expect(solo.stderr).toBe(`errcat build: waiting for another errcat build (process ${full.pid}) to finish writing dist (lock ${join(work, '.dist.errcat-lock')})\n`);
    writeFileSync(release, '');
    expect(await full.exit).toBe(0);
    expect(await solo.exit).toBe(0);
    const files = snapshot(join(work, 'dist'));
    const cci = Object.fromEntries(Object.entries(files).filter(([path]) => path.startsWith('cci/')));
    expect(cci).toEqual(Object.fromEntries(Object.entries(expected()).filter(([path]) => path.startsWith('cci/'))));
    expect(files['solo/catalog.json']).toBeDefined();
    expect(files['.errcat-output']).toContain('\ncci/catalog.json\n');
    expect(files['.errcat-output']).toContain('\nsolo/catalog.json\n');
    expect(besideDist()).toEqual([]);
  });

  it('two full builds at once both succeed and leave one whole output', async () => {
    edited();
    const a = start(['build']);
    const b = start(['build']);
    expect([await a.exit, await b.exit]).toEqual([0, 0]);
    expect(snapshot(join(work, 'dist'))).toEqual(expected());
    expect(besideDist()).toEqual([]);
  });
});

/** Starts errcat in the project without waiting; stderr collects as it comes. */
function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [launcher, ...args], { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const state = { pid: child.pid, stderr: '', done: false, exit: new Promise<number | null>(() => {}) };
  child.stderr.setEncoding('utf8').on('data', (text: string) => (state.stderr += text));
  state.exit = new Promise((resolve) => child.on('close', (code) => ((state.done = true), resolve(code))));
  return state;
}

/** Resolves once `condition` holds (checked every 20 ms); the test's own timeout bounds it. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('built catalogs read back are regular files within a limit', () => {
  it('lookup and diff refuse a catalog.json that links to a device', () => {
    const planted = join(work, 'dist', 'cci', 'catalog.json');
    rmSync(planted);
    symlinkSync('/dev/zero', planted);
    const looked = run(['lookup', 'CCI.02.409101']);
    expect(looked.status).toBe(2);
    expect(looked.stderr).toContain('dist/cci/catalog.json: is a character device (through a symbolic link to "/dev/zero")');
    const diffed = run(['diff', 'dist/cci/catalog.json', 'dist/cci/catalog.json']);
    expect(diffed.status).toBe(2);
    expect(diffed.stderr).toContain('dist/cci/catalog.json: is a character device (through a symbolic link to "/dev/zero")');
  });
});
