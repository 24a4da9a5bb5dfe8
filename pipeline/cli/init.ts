import { writeFileNoFollow } from '../files';
import { join, resolve } from 'node:path';
import { compileAll } from './catalogs';
import { ErrcatError } from '../errors';
import type { ProjectCatalog, ProjectSettings } from '../generated/project';
import { languageTag } from '../language';
import { checkProjectSettings, findProject, projectOut, projectPath, SETTINGS_FILE } from '../project';
import { CATALOG_NAME, explicitCatalog, sourceArgument } from '../sources';
import { parseCommandArgs, UsageError } from './args';
import { writeStdout } from './stdio';

export const initHelp = `Usage: errcat init --catalog NAME --source LANG=PATH... [--primary LANG] [--out DIR]

Adds a catalog to the project's settings file, errcat.json: the nearest one at or above
the current folder, else a new one here (beside a sources/ folder errcat already uses, its
catalogs are kept). Each page is named where it lives (PATH relative to the current folder;
a page in a sibling checkout is fine) and is stored relative to errcat.json. Every page is
read first: it must exist and have an error-code table that gives entries. Catalogs
already in errcat.json are kept; one per call.

Options:
  --catalog NAME      the catalog's name (letters, digits, . _ -): its folder in the output
                      and its default npm package name, NAME-error-codes
  --source LANG=PATH  a page and its language, a BCP 47 tag (zh, en, zh-CN, en-US);
                      repeat per language
  --primary LANG      the language whose status wins on disagreement (default: zh when
                      there is a Chinese page, else the first)
  --out DIR           the output folder, when errcat.json is new (default: dist)
  -h, --help          show this help

Exit status: 0 written; 2 usage or input error (nothing is written then).
`;

export async function runInit(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { catalog: { type: 'string' }, source: { type: 'string', multiple: true }, primary: { type: 'string' }, out: { type: 'string' } },
    false,
  );
  if (values.help) {
    writeStdout(initHelp);
    return 0;
  }
  if (values.catalog === undefined) throw new UsageError('init needs --catalog NAME');
  if (!values.source || values.source.length === 0) throw new UsageError('init needs a --source LANG=PATH per page');
  if (!CATALOG_NAME.test(values.catalog)) {
    throw new UsageError(`--catalog "${values.catalog}" is not a catalog name; expected letters, digits, dots, underscores and hyphens, starting with a letter or digit`);
  }
  const cwd = process.cwd();
  const found = findProject(cwd);
  const root = found?.root ?? cwd;
  const settingsFile = join(root, SETTINGS_FILE);
  const existing = found?.settingsFile ? found.settings : null;
  const settings: ProjectSettings = existing ? structuredClone(existing) : {};
  if (!existing) {
    // A project in the default layout keeps its sources/ catalogs alongside the listed ones.
    if (found) settings.sources = 'sources';
    if (values.out !== undefined) settings.out = projectPath(root, resolve(cwd, values.out));
  } else if (values.out !== undefined) {
    throw new UsageError(`--out goes with a new ${SETTINGS_FILE}; this project's output is "${projectOut(found!)}" (edit "out" in ${SETTINGS_FILE})`);
  }
  settings.catalogs ??= [];
  if (settings.catalogs.some((c) => c.name.toLowerCase() === values.catalog!.toLowerCase())) {
    throw new ErrcatError(SETTINGS_FILE, 0, `already has a catalog "${values.catalog}" (names compared without case); edit it there, or choose another --catalog`);
  }
  const pages = values.source.map((s) => {
    const page = sourceArgument(s);
    return { lang: page.lang, path: projectPath(root, resolve(cwd, page.file)) };
  });
  const catalog: ProjectCatalog = { name: values.catalog, pages: pages as ProjectCatalog['pages'] };
  if (values.primary !== undefined) catalog.primaryLanguage = languageTag(values.primary, '--primary');
  settings.catalogs.push(catalog);
  checkProjectSettings(settings, SETTINGS_FILE);

  // Read every page as the build will: it must exist and give entries.
  process.chdir(root);
  const spec = explicitCatalog(pages.map((p) => ({ lang: p.lang, file: p.path })), catalog.name);
  spec.config = catalog.primaryLanguage ? { primaryLanguage: catalog.primaryLanguage } : {};
  spec.configPath = SETTINGS_FILE;
  const [compiled] = await compileAll([spec], {});

  writeFileNoFollow(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
  const out = projectOut({ root, settingsFile: SETTINGS_FILE, settings });
  const lines = [`errcat init: ${existing ? 'added' : 'wrote'} catalog ${catalog.name} to ${projectPath(cwd, settingsFile)}`];
  for (const page of compiled!.pages) lines.push(`  ${page.lang}  ${page.file}: ${page.codeTables} error-code table${page.codeTables === 1 ? '' : 's'}, ${page.rows} rows`);
  lines.push(
    `  ${compiled!.catalog.entries.length} entries; the baseline will be ${projectPath(root, join(root, settings.baselines ?? 'baselines', `${catalog.name}.json`))}`,
    '',
    'Next, from any folder of the project:',
    `  npx errcat build                     # compile into ${out}/${catalog.name}/`,
    "  npx errcat check --update-baseline   # accept today's divergences (review them first)",
    '  npx errcat check                     # what CI runs: the output is up to date, nothing new',
  );
  writeStdout(`${lines.join('\n')}\n`);
  return 0;
}
