/**
 * Which catalogs to compile: each folder under sources/ is a catalog and each page in it is named
 * by its language (zh.md, en.rst). catalog.json and baseline.json are the catalog's settings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ErrcatError } from './errors';
import type { CatalogConfig } from './generated/catalog-config';
import { checkLanguageTag, languageTag } from './language';
import { LANGUAGE_TAG, languageOf } from './read';

export interface PageSpec {
  lang: string;
  /** The page's path, as shown in messages (for a page from git: `REV:path`). */
  file: string;
  /** The page's bytes when they do not come from `file` on disk (e.g. read from git). */
  bytes?: Uint8Array;
}

export interface CatalogSpec {
  name: string;
  pages: PageSpec[];
  /** Where the settings are (a catalog.json, or the errcat.json listing the catalog): read, shown in messages. */
  configPath: string | null;
  /** The settings themselves, when they come with the spec (a catalog listed in errcat.json), already checked. */
  config?: CatalogConfig;
  /** Whether configPath was named explicitly (then it must exist). */
  configRequired?: boolean;
  /** The settings' text when they do not come from configPath on disk (e.g. read from git). */
  configText?: string;
  baselinePath: string | null;
}

/** A tree of files to find catalogs in: on disk, or a git revision. */
export interface FileTree {
  /** How the tree's root is shown in messages. */
  label: string;
  /** Paths of every file, relative to the root, with `/` separators. */
  files: string[];
  /** How a file is shown in messages. */
  display(path: string): string;
  read(path: string): Uint8Array;
}

const PAGE = new RegExp(`^(${LANGUAGE_TAG.source.slice(1, -1)})\\.(md|markdown|rst|txt)$`);
const SETTINGS = new Set(['catalog.json', 'baseline.json']);
export const CATALOG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function discoverCatalogs(sourcesDir: string): CatalogSpec[] {
  if (!existsSync(sourcesDir) || !statSync(sourcesDir).isDirectory()) {
    throw new ErrcatError(sourcesDir, 0, 'no sources folder; expected sources/<catalog>/<lang>.md|.rst, or pass --source LANG=PATH');
  }
  return catalogsInTree(diskTree(sourcesDir), true);
}

export function diskTree(root: string): FileTree {
  const files: string[] = [];
  const walk = (dir: string, prefix: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (depth < 1) walk(path, `${prefix}${name}/`, depth + 1);
      } else files.push(`${prefix}${name}`);
    }
  };
  walk(root, '', 0);
  return { label: root, files, display: (path) => join(root, path), read: (path) => readFileSync(join(root, path)) };
}

/**
 * Catalogs in a tree: each folder holding pages is a catalog (a sources/ folder); pages directly at
 * the root make one catalog named after the root (a single catalog folder). Disk pages are read
 * when compiled; others carry their bytes.
 */
export function catalogsInTree(tree: FileTree, onDisk: boolean): CatalogSpec[] {
  const folders = new Map<string, string[]>();
  for (const path of tree.files) {
    const parts = path.split('/');
    const folder = parts.length > 1 ? parts[0]! : '';
    const name = parts[parts.length - 1]!;
    if (parts.length > 2 || name.startsWith('.')) continue;
    if (!folders.has(folder)) folders.set(folder, []);
    folders.get(folder)!.push(name);
  }
  const specs: CatalogSpec[] = [];
  for (const [folder, names] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (folder !== '' && !CATALOG_NAME.test(folder)) throw new ErrcatError(tree.display(folder), 0, 'catalog folder names may hold letters, digits, dots, underscores and hyphens');
    const rel = (name: string) => (folder ? `${folder}/${name}` : name);
    const pages: PageSpec[] = [];
    for (const name of names.sort()) {
      if (SETTINGS.has(name)) continue;
      const m = PAGE.exec(name);
      if (!m) {
        if (folder === '') continue; // loose files at a sources/ root (a README) are not pages
        throw new ErrcatError(tree.display(rel(name)), 0, 'not a page; expected <lang>.md or <lang>.rst (e.g. zh.md), catalog.json or baseline.json');
      }
      const checked = checkLanguageTag(m[1]!);
      if ('why' in checked) throw new ErrcatError(tree.display(rel(name)), 0, `a page is named by its language: ${checked.why}`);
      const lang = checked.tag;
      const twin = pages.find((p) => p.lang === lang);
      if (twin) throw new ErrcatError(tree.display(rel(name)), 0, `a second ${lang} page; ${twin.file} is already this catalog's ${lang} page`);
      const page: PageSpec = { lang, file: tree.display(rel(name)) };
      if (!onDisk) page.bytes = tree.read(rel(name));
      pages.push(page);
    }
    if (pages.length === 0) {
      if (folder === '') continue;
      throw new ErrcatError(tree.display(folder), 0, 'catalog folder without pages; expected <lang>.md or <lang>.rst');
    }
    const name = folder || basename(tree.label.replace(/[/\\]+$/, '').split(':').pop() || 'catalog') || 'catalog';
    const spec: CatalogSpec = {
      name,
      pages,
      configPath: onDisk ? tree.display(rel('catalog.json')) : null,
      baselinePath: onDisk ? tree.display(rel('baseline.json')) : null,
    };
    if (!onDisk && names.includes('catalog.json')) {
      spec.configPath = tree.display(rel('catalog.json'));
      spec.configText = new TextDecoder().decode(tree.read(rel('catalog.json')));
    }
    specs.push(spec);
  }
  if (specs.length === 0) throw new ErrcatError(tree.label, 0, 'no catalogs; expected a folder per catalog, e.g. sources/cci/zh.md');
  return specs;
}

/** `LANG=PATH`, as `--source` takes it: the language is required and must be a language tag. */
export function sourceArgument(spec: string): PageSpec {
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1) {
    throw new ErrcatError(spec, 0, `expected LANG=PATH (e.g. zh=docs/errors.md, en=docs/errors.rst); got "${spec}"`);
  }
  const file = spec.slice(eq + 1);
  return { lang: languageTag(spec.slice(0, eq), file), file };
}

/** Pages given one by one (`--source zh=PATH`, or a diff side) as one catalog. */
export function explicitCatalog(sources: Array<string | PageSpec>, name: string | undefined): CatalogSpec {
  const pages = sources.map((s) => (typeof s === 'string' ? sourceArgument(s) : s));
  const seen = new Set<string>();
  const files = new Set<string>();
  for (const page of pages) {
    if (files.has(page.file)) throw new ErrcatError(page.file, 0, 'given twice; a catalog has one page per language');
    files.add(page.file);
    if (seen.has(page.lang)) throw new ErrcatError(page.file, 0, `a second ${page.lang} page; give each --source a different language (LANG=PATH)`);
    seen.add(page.lang);
  }
  const catalog = name ?? defaultCatalogName(pages[0]!.file, pages[0]!.lang);
  if (!CATALOG_NAME.test(catalog)) {
    throw new ErrcatError(pages[0]!.file, 0, `"${catalog}" is not a catalog name; expected letters, digits, dots, underscores and hyphens, starting with a letter or digit`);
  }
  return { name: catalog, pages, configPath: null, baselinePath: null };
}

/**
 * A catalog's name when none is given: the pages' folder, lower-cased, when that is a valid name
 * (a page in a language folder, vpc/zh/page.md, belongs to the folder above it); otherwise
 * `catalog`. Only the folder counts, never how the path was typed, so the name is stable.
 */
export function defaultCatalogName(file: string, lang: string): string {
  let folder = basename(dirname(file));
  if (folder === lang || (LANGUAGE_TAG.test(folder) && 'tag' in checkLanguageTag(folder))) folder = basename(dirname(dirname(file)));
  const name = folder.toLowerCase();
  return /^[a-z0-9][a-z0-9._-]*$/.test(name) && !name.endsWith('.') ? name : 'catalog';
}

/** A page's language from its name (zh.md) or its folder (vpc/zh/page.md); an error when neither says. */
export function pageLanguage(file: string, explicit?: string): string {
  if (explicit !== undefined) return languageTag(explicit, file);
  const lang = languageOf(file);
  const checked = lang === 'und' ? undefined : checkLanguageTag(lang);
  if (!checked || 'why' in checked) throw new ErrcatError(file, 0, 'cannot tell the page\'s language from its name or folder; name it zh.md / en.rst (or put it in a folder named for its language, zh/page.md), or give its language: --source LANG=PATH to build, check and init, --lang LANG to rows and diff');
  return checked.tag;
}
