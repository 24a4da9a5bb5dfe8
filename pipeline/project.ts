/**
 * A project: the folder errcat works in, found by walking up from the current folder like
 * tsconfig.json. Either it has a settings file (errcat.json) listing its catalogs, each naming its
 * pages where they are, or it has a sources/ folder in the default layout (sources/<catalog>/<lang>.md).
 * Every path errcat shows or writes into an artifact is relative to the project's root, with `/`
 * separators, so the same project built from any folder or checkout gives the same bytes.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { MAX_SETTINGS_BYTES, readRegularFile } from './files';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { checkCatalogConfig } from './config';
import { ErrcatError } from './errors';
import { isJsonObject, parseJson, unknownKeyMessage } from './json-object';
import type { ProjectCatalog, ProjectSettings } from './generated/project';
import { checkLanguageTag, closest } from './language';
import { CATALOG_NAME, catalogsInTree, diskTree, type CatalogSpec } from './sources';

export type { ProjectCatalog, ProjectSettings };

export const SETTINGS_FILE = 'errcat.json';

export interface Project {
  /** The absolute folder every path of the project is relative to. */
  root: string;
  /** The settings file's path relative to root (`errcat.json`), or null in the default layout. */
  settingsFile: string | null;
  settings: ProjectSettings;
}

const PROJECT_KEYS = ['$schema', 'out', 'sources', 'baselines', 'csvBom', 'catalogs'];
const CATALOG_KEYS = ['name', 'pages', 'baseline', 'primaryLanguage', 'codePattern', 'severity', 'columns', 'package'];
const PAGE_KEYS = ['lang', 'path'];

/**
 * The project holding `from`: the nearest folder at or above it with an errcat.json, else the
 * nearest with a sources/ folder; null when there is neither up to the filesystem root.
 */
export function findProject(from: string): Project | null {
  let dir = resolve(from);
  let layout: string | null = null;
  for (;;) {
    const settings = join(dir, SETTINGS_FILE);
    if (existsSync(settings)) return { root: dir, settingsFile: SETTINGS_FILE, settings: loadProjectSettings(settings, SETTINGS_FILE) };
    if (layout === null && isDirectory(join(dir, 'sources'))) layout = dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return layout === null ? null : { root: layout, settingsFile: null, settings: {} };
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** Reads and checks errcat.json; every mistake names the file and the key, with a suggestion. */
export function loadProjectSettings(path: string, shown: string, text?: string): ProjectSettings {
  let source = text;
  if (source === undefined) {
    source = readRegularFile(path, { limit: MAX_SETTINGS_BYTES, what: 'the project settings (JSON)' }).toString('utf8');
  }
  return checkProjectSettings(parseJson(shown, source), shown);
}

const unknownKey = (key: string, known: string[], where: string) => unknownKeyMessage('setting', key, known, where);

export function checkProjectSettings(data: unknown, shown: string): ProjectSettings {
  const fail = (why: string) => new ErrcatError(shown, 0, why);
  if (!isJsonObject(data)) throw fail('expected a JSON object: {"catalogs": [{"name", "pages": [{"lang", "path"}]}]}');
  for (const key of Object.keys(data)) if (!PROJECT_KEYS.includes(key)) throw fail(unknownKey(key, PROJECT_KEYS, ''));
  for (const key of ['out', 'sources', 'baselines'] as const) {
    if (data[key] !== undefined && (typeof data[key] !== 'string' || data[key] === '')) throw fail(`"${key}" must be a folder path (a non-empty string)`);
    // What errcat writes (the output, baselines) stays inside the project, whoever edited the settings.
    if (key !== 'sources' && typeof data[key] === 'string') requireInside(data[key] as string, `"${key}"`, fail);
  }
  if (data.csvBom !== undefined && typeof data.csvBom !== 'boolean') throw fail('"csvBom" must be true or false');
  if (data.catalogs === undefined) return data as ProjectSettings;
  if (!Array.isArray(data.catalogs)) throw fail('"catalogs" must be an array of {"name", "pages": [{"lang", "path"}]}');
  const names = new Map<string, number>();
  data.catalogs.forEach((catalog: unknown, i) => {
    const at = `catalogs[${i}]`;
    if (!isJsonObject(catalog)) throw fail(`"${at}" must be an object with "name" and "pages"`);
    for (const key of Object.keys(catalog)) if (!CATALOG_KEYS.includes(key)) throw fail(unknownKey(key, CATALOG_KEYS, `${at}.`));
    if (typeof catalog.name !== 'string' || !CATALOG_NAME.test(catalog.name)) {
      throw fail(`"${at}.name" must be a catalog name (letters, digits, dots, underscores and hyphens, starting with a letter or digit); got ${JSON.stringify(catalog.name)}`);
    }
    // Names that differ only in case are one folder on macOS and Windows, and one npm package name.
    const twin = names.get(catalog.name.toLowerCase());
    if (twin !== undefined) throw fail(`two catalogs are named "${catalog.name}" (catalogs[${twin}] and ${at}, names compared without case); each catalog needs its own name`);
    names.set(catalog.name.toLowerCase(), i);
    if (!Array.isArray(catalog.pages) || catalog.pages.length === 0) throw fail(`"${at}.pages" must be a non-empty array of {"lang", "path"}`);
    const langs = new Map<string, number>();
    catalog.pages.forEach((page: unknown, j) => {
      const pat = `${at}.pages[${j}]`;
      if (!isJsonObject(page)) throw fail(`"${pat}" must be an object {"lang", "path"}`);
      for (const key of Object.keys(page)) if (!PAGE_KEYS.includes(key)) throw fail(unknownKey(key, PAGE_KEYS, `${pat}.`));
      if (typeof page.path !== 'string' || page.path === '') throw fail(`"${pat}.path" must be the page's path, relative to ${shown}`);
      // An absolute path would end up in every artifact and differ on every machine.
      if (isAbsolute(page.path) || /^[A-Za-z]:[\\/]/.test(page.path)) throw fail(`"${pat}.path" must be relative to ${shown} (e.g. docs/errors.md or ../docs-en/errors.rst); got the absolute path ${JSON.stringify(page.path)}`);
      if (typeof page.lang !== 'string') throw fail(`"${pat}.lang" must be a language tag such as zh or en`);
      const checked = checkLanguageTag(page.lang);
      if ('why' in checked) throw fail(`"${pat}.lang": ${checked.why}`);
      const twinPage = (catalog.pages as Array<{ path?: unknown }>).findIndex((p, k) => k < j && typeof p?.path === 'string' && settingsPath(p.path) === settingsPath(page.path as string));
      if (twinPage >= 0) throw fail(`"${pat}.path" is the page ${at}.pages[${twinPage}] already is; a catalog has one page per language`);
      const before = langs.get(checked.tag);
      if (before !== undefined) throw fail(`"${pat}" is a second ${checked.tag} page (the first is ${at}.pages[${before}]); a catalog has one page per language`);
      langs.set(checked.tag, j);
      page.lang = checked.tag;
    });
    if (catalog.baseline !== undefined && (typeof catalog.baseline !== 'string' || catalog.baseline === '')) throw fail(`"${at}.baseline" must be a file path`);
    if (typeof catalog.baseline === 'string') requireInside(catalog.baseline, `"${at}.baseline"`, fail);
    // The per-catalog keys are today's catalog.json settings: checked by the one function that checks those.
    checkCatalogConfig(catalogConfigOf(catalog as unknown as ProjectCatalog), shown, `${at}.`);
  });
  return data as ProjectSettings;
}

/** A path errcat writes to, named in the settings: relative, inside the project's folder, not the folder itself. */
function requireInside(path: string, key: string, fail: (why: string) => ErrcatError): void {
  const normal = settingsPath(path);
  if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path) || normal === '..' || normal.startsWith('../') || normal === '.') {
    throw fail(`${key} must be a path inside the project's folder, relative to ${SETTINGS_FILE} (errcat writes there); got ${JSON.stringify(path)}`);
  }
}

/** A listed catalog's own settings, in the shape of a catalog.json. */
export function catalogConfigOf(catalog: ProjectCatalog) {
  const { name: _name, pages: _pages, baseline: _baseline, ...config } = catalog;
  return config;
}

/** `path` (absolute or relative to the current folder) as the project shows it: relative to root, `/`-separated. */
export function projectPath(root: string, path: string): string {
  const rel = relative(root, resolve(path));
  if (rel === '') return '.';
  // A path on another drive has no relative form; it is shown as it is.
  if (isAbsolute(rel)) return rel.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** A settings path (relative to root, `/`-separated, as written) in the project's normal form. */
export function settingsPath(path: string): string {
  const normal = posix.normalize(path.replace(/\\/g, '/'));
  return normal.replace(/\/+$/, '') || '.';
}

/**
 * The catalogs of a project on disk, as specs whose paths are relative to the project root (the
 * CLI runs with the root as its current folder). Listed catalogs first, then those of the sources
 * folder; a name given twice is an error.
 */
export function projectCatalogs(project: Project): CatalogSpec[] {
  const { settings } = project;
  const shown = project.settingsFile ?? 'sources';
  requirePages(project, settings.catalogs ?? []);
  const listed = (settings.catalogs ?? []).map((catalog) => listedCatalog(project, catalog));
  const sourcesDir = settings.sources ?? (settings.catalogs === undefined ? 'sources' : undefined);
  let discovered: CatalogSpec[] = [];
  if (sourcesDir !== undefined) {
    const dir = settingsPath(sourcesDir);
    if (!isDirectory(join(project.root, dir))) {
      if (settings.sources !== undefined || listed.length === 0) {
        throw new ErrcatError(project.settingsFile ?? dir, 0, `no sources folder ${dir}; expected ${dir}/<catalog>/<lang>.md|.rst` + (project.settingsFile ? '' : `, or an ${SETTINGS_FILE} (errcat init)`));
      }
    } else discovered = catalogsInTree(diskTree(dir), true);
  }
  const all = [...listed, ...discovered];
  const seen = new Set<string>();
  for (const spec of all) {
    if (seen.has(spec.name.toLowerCase())) throw new ErrcatError(shown, 0, `two catalogs are named "${spec.name}" (one listed in ${shown}, one in ${sourcesDir}/); rename one`);
    seen.add(spec.name.toLowerCase());
  }
  if (all.length === 0) throw new ErrcatError(shown, 0, 'no catalogs; add one with errcat init --catalog NAME --source LANG=PATH');
  return all;
}

/** A listed page that is not there is a settings mistake: say which key names it, and the nearest file there is. */
function requirePages(project: Project, catalogs: ProjectCatalog[]): void {
  catalogs.forEach((catalog, i) =>
    catalog.pages.forEach((page, j) => {
      const file = join(project.root, settingsPath(page.path));
      if (statSync(file, { throwIfNoEntry: false })) return;
      const folder = dirname(file);
      const siblings = isDirectory(folder) ? readdirSync(folder) : [];
      const guess = closest(basename(file), siblings);
      throw new ErrcatError(
        project.settingsFile ?? SETTINGS_FILE,
        0,
        `"catalogs[${i}].pages[${j}].path": no such file ${settingsPath(page.path)}` +
          (guess ? ` (did you mean ${JSON.stringify(posix.join(posix.dirname(settingsPath(page.path)), guess))}?)` : isDirectory(folder) ? '' : ` (no folder ${posix.dirname(settingsPath(page.path))})`),
      );
    }),
  );
}

export function listedCatalog(project: Project, catalog: ProjectCatalog): CatalogSpec {
  const baselines = settingsPath(project.settings.baselines ?? 'baselines');
  return {
    name: catalog.name,
    pages: catalog.pages.map((page) => ({ lang: page.lang, file: settingsPath(page.path) })),
    configPath: project.settingsFile,
    config: catalogConfigOf(catalog),
    baselinePath: settingsPath(catalog.baseline ?? `${baselines}/${catalog.name}.json`),
  };
}

/** The project's output folder, relative to root. */
export function projectOut(project: Project): string {
  return settingsPath(project.settings.out ?? 'dist');
}

/** Where a command works: see cli/catalogs openWorkspace. */
export interface Workspace {
  /** The project found from the current folder, if any. */
  project: Project | null;
  /** The absolute folder the command runs in: the project's root, else the current folder. */
  root: string;
  /** The output folder, relative to root. */
  out: string;
  specs: CatalogSpec[];
  /** Whether the catalogs were named on the command line (--source), not by the project. */
  explicit: boolean;
  /** With --sources DIR: that folder, relative to root. */
  sourcesDir?: string;
}
