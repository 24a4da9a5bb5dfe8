/**
 * One side of a diff, as the user names it: a catalog.json, a sources folder, a catalog folder, a
 * single page, or `git:REV[:PATH]` — the sources as of a revision, read with git (no checkout).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readBuiltCatalog } from '../built-catalog';
import { compileCatalog } from '../compile';
import { prepareReaders } from '../read';
import { ErrcatError } from '../errors';
import type { Catalog } from '../generated/catalog';
import { catalogsInTree, diskTree, explicitCatalog, pageLanguage, type CatalogSpec, type FileTree, type PageSpec } from '../sources';
import type { CatalogSet } from './index';
import type { Workspace } from '../project';
import { workspaceSpecsAt } from '../project-at-revision';
import type { CompiledCatalog } from '../compile';

const PAGE_FILE = /\.(md|markdown|rst|txt)$/i;

/** How a single page on a side is taken: its language (else from its name or folder) and its catalog's name. */
export interface PageSideOptions {
  lang?: string;
  catalog?: string;
}

export async function resolveSide(spec: string, options: PageSideOptions = {}): Promise<CatalogSet> {
  if (spec.startsWith('git:')) return { label: spec, catalogs: await compileAll(gitSpecs(spec, options)) };
  if (!existsSync(spec)) throw new ErrcatError(spec, 0, 'no such file or folder; expected a catalog.json, a sources folder, a page, or git:REV[:PATH]');
  if (statSync(spec).isDirectory()) return { label: spec, catalogs: await compileAll(catalogsInTree(diskTree(spec), true)) };
  if (spec.endsWith('.json')) return { label: spec, catalogs: [readBuiltCatalog(spec)] };
  if (PAGE_FILE.test(spec)) return { label: spec, catalogs: await compileAll([singlePage(spec, options)]) };
  throw new ErrcatError(spec, 0, 'not a catalog.json, a page (.md, .rst, .txt) or a folder');
}

function singlePage(file: string, options: PageSideOptions, bytes?: Uint8Array, shown = file): CatalogSpec {
  const page: PageSpec = { lang: pageLanguage(file, options.lang), file: shown };
  if (bytes) page.bytes = bytes;
  return explicitCatalog([page], options.catalog);
}

async function compileAll(specs: CatalogSpec[]): Promise<Catalog[]> {
  await prepareReaders(specs.flatMap((s) => s.pages.map((p) => p.bytes ?? p.file)));
  return specs.map((spec) => compileCatalog(spec).catalog);
}

function git(args: string[], what: string): Buffer {
  const result = spawnSync('git', args, { maxBuffer: 1024 * 1024 * 1024 });
  if (result.error) throw new ErrcatError('git', 0, `cannot run git: ${result.error.message}`);
  if (result.status !== 0) throw new ErrcatError(what, 0, `git ${args[0]} failed: ${result.stderr.toString().trim()}`);
  return result.stdout;
}

/** `git:REV[:PATH]`: PATH (default `sources`, relative to the repository root) as of REV. */
function gitSpecs(spec: string, options: PageSideOptions = {}): CatalogSpec[] {
  const rest = spec.slice(4);
  const colon = rest.indexOf(':');
  const rev = colon >= 0 ? rest.slice(0, colon) : rest;
  const path = (colon >= 0 ? rest.slice(colon + 1) : 'sources').replace(/^\.?\/+|\/+$/g, '');
  if (!rev) throw new ErrcatError(spec, 0, 'expected git:REV[:PATH], e.g. git:HEAD~1 or git:main:sources/cci');
  const root = git(['rev-parse', '--show-toplevel'], spec).toString().trim();
  const verified = spawnSync('git', ['-C', root, 'rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  const commit = verified.status === 0 ? verified.stdout.toString().trim() : '';
  if (!commit) throw new ErrcatError(spec, 0, `unknown revision "${rev}" in ${root}`);
  const type = spawnSync('git', ['-C', root, 'cat-file', '-t', `${commit}:${path}`]).stdout?.toString().trim();
  if (type !== 'tree' && type !== 'blob') {
    // Run from a subfolder, a PATH typed from there is the likely mistake; from the root it is not.
    const hint =
      colon < 0
        ? ` (git:REV alone reads sources/ at the repository's root; a project set up with errcat.json is compared as of REV with errcat diff --base ${rev})`
        : realpathSync(process.cwd()) !== realpathSync(root)
          ? " (PATH is relative to the repository's root, not to the current folder)"
          : '';
    throw new ErrcatError(spec, 0, `${path} does not exist at ${rev}${hint}`);
  }
  const show = (p: string) => `${rev}:${p}`;
  const read = (p: string) => new Uint8Array(git(['-C', root, 'cat-file', 'blob', `${commit}:${p}`], show(p)));
  if (type === 'blob') return [singlePage(path, options, read(path), show(path))];
  const listing = git(['-C', root, 'ls-tree', '-r', '-z', '--name-only', commit, '--', `${path}/`], spec).toString().split('\0').filter(Boolean);
  const tree: FileTree = {
    label: `${rev}:${path}`,
    files: listing.map((f) => f.slice(path.length + 1)),
    display: (p) => show(`${path}/${p}`),
    read: (p) => read(`${path}/${p}`),
  };
  return catalogsInTree(tree, false);
}

/** The workspace's catalogs as of a git revision, compiled (errcat diff --base). */
export async function workspaceAt(workspace: Workspace, rev: string, note?: (text: string) => void): Promise<CatalogSet> {
  return { label: `git:${rev}`, catalogs: (await compileAt(workspace, rev, note)).map((c) => c.catalog) };
}

/** The workspace's catalogs as of a revision, compiled. */
export async function compileAt(workspace: Workspace, rev: string, note?: (text: string) => void): Promise<CompiledCatalog[]> {
  const specs = workspaceSpecsAt(workspace, rev, note);
  await prepareReaders(specs.flatMap((s) => s.pages.map((p) => p.bytes ?? p.file)));
  return specs.map((s) => compileCatalog(s));
}

