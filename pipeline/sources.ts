/**
 * Which catalogs to compile: each folder under sources/ is a catalog and each page in it is named
 * by its language (zh.md, en.rst). catalog.json and baseline.json are the catalog's settings.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ErrcatError } from './errors';
import { languageOf } from './read';

export interface PageSpec {
  lang: string;
  file: string;
}

export interface CatalogSpec {
  name: string;
  pages: PageSpec[];
  configPath: string | null;
  /** Whether configPath was named explicitly (then it must exist). */
  configRequired?: boolean;
  baselinePath: string | null;
}

const PAGE = /^([a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\.(md|markdown|rst|txt)$/;
const SETTINGS = new Set(['catalog.json', 'baseline.json']);
const CATALOG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function discoverCatalogs(sourcesDir: string): CatalogSpec[] {
  if (!existsSync(sourcesDir) || !statSync(sourcesDir).isDirectory()) {
    throw new ErrcatError(sourcesDir, 0, 'no sources folder; expected sources/<catalog>/<lang>.md|.rst, or pass --source LANG=PATH');
  }
  const specs: CatalogSpec[] = [];
  for (const name of readdirSync(sourcesDir).sort()) {
    const dir = join(sourcesDir, name);
    if (name.startsWith('.') || !statSync(dir).isDirectory()) continue;
    if (!CATALOG_NAME.test(name)) throw new ErrcatError(dir, 0, 'catalog folder names may hold letters, digits, dots, underscores and hyphens');
    const pages: PageSpec[] = [];
    for (const file of readdirSync(dir).sort()) {
      if (file.startsWith('.') || SETTINGS.has(file)) continue;
      const m = PAGE.exec(file);
      if (!m) throw new ErrcatError(join(dir, file), 0, 'not a page; expected <lang>.md or <lang>.rst (e.g. zh.md), catalog.json or baseline.json');
      const lang = m[1]!;
      const twin = pages.find((p) => p.lang === lang);
      if (twin) throw new ErrcatError(join(dir, file), 0, `a second ${lang} page; ${twin.file} is already this catalog's ${lang} page`);
      pages.push({ lang, file: join(dir, file) });
    }
    if (pages.length === 0) throw new ErrcatError(dir, 0, 'catalog folder without pages; expected <lang>.md or <lang>.rst');
    specs.push({ name, pages, configPath: join(dir, 'catalog.json'), baselinePath: join(dir, 'baseline.json') });
  }
  if (specs.length === 0) throw new ErrcatError(sourcesDir, 0, 'no catalogs; expected a folder per catalog, e.g. sources/cci/zh.md');
  return specs;
}

/** `--source zh=PATH` pairs (or a bare PATH, whose language is its file name) as one catalog. */
export function explicitCatalog(sources: string[], name: string | undefined): CatalogSpec {
  const pages: PageSpec[] = sources.map((spec) => {
    const eq = spec.indexOf('=');
    const lang = eq > 0 ? spec.slice(0, eq) : languageOf(spec);
    const file = eq > 0 ? spec.slice(eq + 1) : spec;
    return { lang, file };
  });
  const seen = new Set<string>();
  for (const page of pages) {
    if (seen.has(page.lang)) throw new ErrcatError(page.file, 0, `a second ${page.lang} page; give each --source a different language (LANG=PATH)`);
    seen.add(page.lang);
  }
  const folder = basename(dirname(pages[0]!.file));
  const catalog = name ?? (CATALOG_NAME.test(folder) && folder !== '.' ? folder : basename(pages[0]!.file, extname(pages[0]!.file)));
  return { name: catalog, pages, configPath: null, baselinePath: null };
}
