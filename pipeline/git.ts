/**
 * Files as of a git revision, read with `git cat-file` (no checkout), from the repository that holds
 * each path, the revision resolved in that repository. (A project reads only its own repository's
 * pages at a revision: see project-at-revision.ts.)
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, posix, relative, resolve, sep } from 'node:path';
import { ErrcatError } from './errors';

export type Blob = { kind: 'file'; bytes: Uint8Array } | { kind: 'missing' };

interface Repository {
  root: string;
  commit: string;
}

function git(cwd: string, args: string[]) {
  const result = spawnSync('git', ['-C', cwd, ...args], { maxBuffer: 1024 * 1024 * 1024 });
  if (result.error) throw new ErrcatError('git', 0, `cannot run git: ${result.error.message}`);
  return result;
}

/** Reads files as of `rev`, each from the repository holding it; `shown` is how a path appears in messages. */
export class RevisionReader {
  private readonly repositories = new Map<string, Repository | null>();

  constructor(readonly rev: string) {
    if (!rev || rev.startsWith('-')) throw new ErrcatError('--base', 0, `expected a git revision (a branch, tag or commit, e.g. HEAD~1 or origin/main); got "${rev}"`);
  }

  /** The top folder of the git repository holding `path` (a file or folder, absolute), or null. */
  repositoryRoot(path: string): string | null {
    const dir = existingFolder(resolve(path));
    const top = git(dir, ['rev-parse', '--show-toplevel']);
    return top.status === 0 ? top.stdout.toString().trim() : null;
  }

  /** The repository holding the folder `dir` (absolute), with `rev` resolved in it. */
  private repository(dir: string, shown: string): Repository {
    let repo = this.repositories.get(dir);
    if (repo === undefined) {
      const top = git(dir, ['rev-parse', '--show-toplevel']);
      if (top.status !== 0) {
        repo = null;
      } else {
        const root = top.stdout.toString().trim();
        const verified = git(root, ['rev-parse', '--verify', '--quiet', `${this.rev}^{commit}`]);
        const commit = verified.status === 0 ? verified.stdout.toString().trim() : '';
        if (!commit) throw new ErrcatError(shown, 0, `unknown revision "${this.rev}" in the git repository holding this file (${root})`);
        repo = { root, commit };
      }
      this.repositories.set(dir, repo);
    }
    if (repo === null) throw new ErrcatError(shown, 0, `is not in a git repository, so it cannot be read as of ${this.rev}`);
    return repo;
  }

  /** The file at `path` (absolute) as of the revision, or missing when the revision has no such file. */
  read(path: string, shown: string): Blob {
    const absolute = resolve(path);
    const repo = this.repository(existingFolder(dirname(absolute)), shown);
    const inRepo = relative(repo.root, absolute).split(sep).join('/');
    if (inRepo.startsWith('../')) throw new ErrcatError(shown, 0, `is outside the git repository ${repo.root}`);
    const listed = git(repo.root, ['ls-tree', '-z', repo.commit, '--', inRepo]);
    const entry = listed.status === 0 ? listed.stdout.toString() : '';
    if (entry === '') return { kind: 'missing' };
    const mode = entry.slice(0, entry.indexOf(' '));
    if (mode === '120000') {
      throw new ErrcatError(shown, 0, `is a symbolic link in git at ${this.rev}, not a page; name the page where it lives (errcat.json "catalogs")`);
    }
    if (!mode.startsWith('100')) return { kind: 'missing' };
    const blob = git(repo.root, ['cat-file', 'blob', `${repo.commit}:${inRepo}`]);
    if (blob.status !== 0) throw new ErrcatError(shown, 0, `git cat-file failed: ${blob.stderr.toString().trim()}`);
    return { kind: 'file', bytes: new Uint8Array(blob.stdout) };
  }

  /** Paths (relative to `dir`, `/`-separated) of every file under the folder `dir` as of the revision. */
  list(dir: string, shown: string): string[] | null {
    const absolute = resolve(dir);
    const repo = this.repository(existingFolder(absolute), shown);
    const inRepo = relative(repo.root, absolute).split(sep).join('/');
    const type = git(repo.root, ['cat-file', '-t', `${repo.commit}:${inRepo}`]).stdout?.toString().trim();
    if (type !== 'tree') return null;
    const prefix = inRepo === '' ? '' : `${inRepo}/`;
    const listing = git(repo.root, ['ls-tree', '-r', '-z', '--name-only', repo.commit, '--', prefix || '.']);
    if (listing.status !== 0) throw new ErrcatError(shown, 0, `git ls-tree failed: ${listing.stderr.toString().trim()}`);
    return listing.stdout.toString().split('\0').filter(Boolean).map((f) => f.slice(prefix.length));
  }
}

/** The nearest folder at or above `dir` that exists now: a folder deleted since REV is still in its repository. */
function existingFolder(dir: string): string {
  let current = dir;
  for (;;) {
    if (statSync(current, { throwIfNoEntry: false })?.isDirectory()) return current;
    const up = dirname(current);
    if (up === current) return current;
    current = up;
  }
}

/**
 * Paths as GitHub annotations need them: relative to the root of the git repository (the workflow's
 * checkout), not to errcat.json, which may sit in a subfolder. A path outside the repository stays as shown.
 */
export function repositoryPaths(root: string): (file: string) => string {
  const prefix = spawnSync('git', ['-C', root, 'rev-parse', '--show-prefix'], { encoding: 'utf8' });
  const base = prefix.status === 0 ? prefix.stdout.trim() : '';
  if (base === '') return (file) => file;
  return (file) => {
    const joined = posix.normalize(`${base}${file}`);
    return joined.startsWith('../') ? file : joined;
  };
}
