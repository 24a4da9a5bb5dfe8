/**
 * Shared by the commands: which project they work in, which catalogs they compile and where the
 * output goes, from the options. Paths typed on the command line are taken relative to the current
 * folder; the command then runs in the project's root, so every path it shows or writes into an
 * artifact is relative to that root, whichever folder it was started from.
 */
import { resolve } from 'node:path';
import { compileCatalog, type CompiledCatalog } from '../compile';
import { ErrcatError } from '../errors';
import { findProject, projectCatalogs, projectOut, projectPath, SETTINGS_FILE, type Project, type Workspace } from '../project';

export type { Workspace };
import { prepareReaders } from '../read';
import { catalogsInTree, diskTree, explicitCatalog, sourceArgument, type CatalogSpec } from '../sources';
import { UsageError } from './args';
import { writeStderr } from './stdio';
import { terminalText } from '../escape';

export interface CatalogOptions {
  sources?: string;
  source?: string[];
  catalog?: string;
  config?: string;
  out?: string;
  'csv-bom'?: boolean;
}

export const catalogOptionSpec = {
  sources: { type: 'string' },
  source: { type: 'string', multiple: true },
  catalog: { type: 'string' },
  config: { type: 'string' },
  out: { type: 'string' },
  'csv-bom': { type: 'boolean' },
} as const;

export const catalogOptionHelp = `  --out DIR           the output folder (default: the project's "out", else dist)
  --source LANG=PATH  compile these pages as one catalog instead of the project's
                      (repeat per language; one language alone is a catalog too)
  --catalog NAME      the --source catalog's name (default: the pages' folder, lower-cased,
                      when that is a valid name; else "catalog")
  --config FILE       settings for a --source catalog, as in sources/<catalog>/catalog.json
  --sources DIR       a folder of catalog folders to compile instead of the project's
  --csv-bom           start catalog.csv with a UTF-8 BOM, for Excel (or "csvBom": true
                      in errcat.json, so build and check agree)`;

/** The project holding the current folder, or an input error saying how to make one. */
export function requireProject(cwd = process.cwd(), takesSource = false): Project {
  const project = findProject(cwd);
  if (project === null) {
    throw new ErrcatError(
      cwd,
      0,
      `no errcat project here: no ${SETTINGS_FILE} and no sources/ folder in this folder or any above it; ` +
        `create one with errcat init --catalog NAME --source zh=PAGE --source en=PAGE${takesSource ? ', or pass --source LANG=PATH' : ''}`,
    );
  }
  return project;
}

/**
 * Resolves the options against the current folder, then moves into the root (see the top of this
 * file). `takesSource`: whether the command accepts --source (then the no-project error says so).
 */
export function openWorkspace(options: CatalogOptions, takesSource = false): Workspace {
  const cwd = process.cwd();
  const fromCwd = (root: string, path: string) => projectPath(root, resolve(cwd, path));
  if (options.source && options.source.length > 0) {
    if (options.sources) throw new UsageError('use either --sources or --source, not both');
    const project = findProject(cwd);
    const root = project?.root ?? cwd;
    const pages = options.source.map((s) => {
      const page = sourceArgument(s);
      return { lang: page.lang, file: fromCwd(root, page.file) };
    });
    const spec = explicitCatalog(pages, options.catalog);
    if (options.config) {
      spec.configPath = fromCwd(root, options.config);
      spec.configRequired = true;
    }
    const out = options.out !== undefined ? fromCwd(root, options.out) : project ? projectOut(project) : 'dist';
    process.chdir(root);
    return { project, root, out, specs: [spec], explicit: true };
  }
  if (options.catalog || options.config) {
    throw new UsageError('--catalog and --config go with --source; a project names and configures its catalogs in its settings');
  }
  if (options.sources !== undefined) {
    const project = findProject(cwd);
    const root = project?.root ?? cwd;
    const dir = fromCwd(root, options.sources);
    const out = options.out !== undefined ? fromCwd(root, options.out) : project ? projectOut(project) : 'dist';
    process.chdir(root);
    return { project, root, out, specs: catalogsInTree(diskTree(dir), true), explicit: false, sourcesDir: dir };
  }
  const project = requireProject(cwd, takesSource);
  const out = options.out !== undefined ? fromCwd(project.root, options.out) : projectOut(project);
  process.chdir(project.root);
  return { project, root: project.root, out, specs: projectCatalogs(project), explicit: false };
}

/** Compiles every catalog; two catalogs that would publish the same npm package are an error. */
export async function compileAll(specs: CatalogSpec[], options: CatalogOptions): Promise<CompiledCatalog[]> {
  await prepareReaders(specs.flatMap((s) => s.pages.map((p) => p.bytes ?? p.file)));
  const compiled = specs.map((spec) => compileCatalog(spec, { csvBom: options['csv-bom'] }));
  const byPackage = new Map<string, CompiledCatalog>();
  for (const c of compiled) {
    const twin = byPackage.get(c.package.name);
    if (twin) {
      throw new ErrcatError(
        c.spec.configPath ?? c.spec.name,
        0,
        `catalogs "${twin.spec.name}" and "${c.spec.name}" both make the npm package "${c.package.name}"; give one its own "package.name"`,
      );
    }
    byPackage.set(c.package.name, c);
  }
  return compiled;
}

/** A note for the user that is not an error (e.g. a page compared as it is now), one line on stderr. */
export function noteOnStderr(text: string): void {
  writeStderr(`errcat: note: ${terminalText(text)}\n`);
}

