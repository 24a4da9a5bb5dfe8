import { existsSync, readdirSync } from 'node:fs';
import { MAX_CATALOG_BYTES, readRegularFile } from '../files';
import { join, relative } from 'node:path';
import { projectOut } from '../project';
import { requireProject } from './catalogs';
import { ErrcatError } from '../errors';
import { terminalJson, terminalLineStart, terminalText as shown } from '../escape';
import type { Catalog, CatalogEntry } from '../generated/catalog';
import { variantsOf } from '../merge';
import { parseCommandArgs, UsageError } from './args';
import { writeStdout, writeStderr } from './stdio';

export const lookupHelp = `Usage: errcat lookup CODE [--lang LANG] [--out DIR] [--catalog NAME] [--json]

Prints the entry for CODE from the built catalogs (DIR/<catalog>/catalog.json), every
variant when the pages document the code in several rows.

Options:
  --lang LANG     show this language's texts only (default: every language)
  --out DIR       where the catalogs were built (default: the output folder of the
                  project holding the current folder)
  --catalog NAME  look in this catalog only
  --json          print the entry as JSON
  -h, --help      show this help

Exit status: 0 found; 1 no such code; 2 usage error or no built catalog.
`;

export async function runLookup(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    lang: { type: 'string' },
    out: { type: 'string' },
    catalog: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    writeStdout(lookupHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('lookup takes one CODE');
  const code = positionals[0]!;
  const out = values.out ?? projectOutFromHere();
  const names = existsSync(out) ? readdirSync(out).filter((n) => existsSync(join(out, n, 'catalog.json'))).sort() : [];
  const catalogs = values.catalog ? names.filter((n) => n === values.catalog) : names;
  if (catalogs.length === 0) {
    throw new ErrcatError(out, 0, values.catalog ? `no built catalog "${values.catalog}"; run errcat build` : 'no built catalog; run errcat build');
  }
  const nearly: string[] = [];
  for (const name of catalogs) {
    const catalog = JSON.parse(readRegularFile(join(out, name, 'catalog.json'), { limit: MAX_CATALOG_BYTES, what: 'a built catalog.json' }).toString('utf8')) as Catalog;
    const entry = catalog.entries.find((e) => e.errorCode === code);
    if (!entry) {
      // Codes are matched exactly (APIs return them so); one that differs only in case is likely what was meant.
      const folded = code.toLowerCase();
      for (const e of catalog.entries) if (e.errorCode.toLowerCase() === folded) nearly.push(e.errorCode);
      continue;
    }
    if (values.lang && !catalog.languages.includes(values.lang)) {
      throw new UsageError(`--lang ${values.lang}: catalog ${name} has ${catalog.languages.join(', ')}`);
    }
    const only = (texts: CatalogEntry['texts']) => (texts[values.lang!] ? { [values.lang!]: texts[values.lang!] } : {});
    const entryShown: CatalogEntry = values.lang
      ? {
          ...entry,
          texts: only(entry.texts),
          ...(entry.variants ? { variants: entry.variants.map((v) => ({ ...v, texts: only(v.texts) })) as CatalogEntry['variants'] } : {}),
        }
      : entry;
    writeStdout(values.json ? `${terminalJson(JSON.stringify(entryShown, null, 2))}\n` : describe(name, catalog, entryShown, values.lang));
    return 0;
  }
  const hint = nearly.length > 0 ? ` (codes are matched exactly; did you mean ${nearly.map(shown).join(' or ')}?)` : '';
  writeStderr(`errcat lookup: ${shown(code)} is not in ${catalogs.join(', ')}${hint}\n`);
  return 1;
}

/**
 * The entry for a person at a terminal. Every text is page text: shown on its line with line
 * breaks and controls escaped (\n, \x1b), so it can neither restyle the terminal nor start a
 * line of its own (a workflow command, when lookup runs in CI).
 */
function describe(name: string, catalog: Catalog, entry: CatalogEntry, lang: string | undefined): string {
  const lines = [`${terminalLineStart(entry.errorCode)}  (catalog ${shown(name)})`];
  const variants = variantsOf(entry);
  const indent = variants.length > 1 ? '  ' : '';
  variants.forEach((variant, i) => {
    if (variants.length > 1) lines.push(`  variant ${i + 1} of ${variants.length}`);
    lines.push(`${indent}  HTTP status: ${variant.httpStatuses?.join(', ') ?? variant.httpStatus ?? '—'}`);
    if (variant.module !== undefined) lines.push(`${indent}  module: ${shown(variant.module)}`);
    const langs = lang ? [lang] : catalog.languages;
    for (const l of langs) {
      const t = variant.texts[l];
      if (!t) {
        lines.push(`${indent}  [${shown(l)}] not documented in ${shown(l)}`);
        continue;
      }
      lines.push(`${indent}  [${shown(l)}] ${shown(catalog.sources[l] ?? '')}:${t.line}`);
      lines.push(`${indent}    message:     ${shown(t.message ?? '—')}`);
      lines.push(`${indent}    description: ${shown(t.description ?? '—')}`);
      lines.push(`${indent}    measure:     ${shown(t.measure ?? '—')}`);
      for (const [header, text] of Object.entries(t.extra ?? {})) lines.push(`${indent}    ${shown(header)}: ${shown(text ?? '')}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

/** The output folder of the project holding the current folder (as a path from here). */
function projectOutFromHere(): string {
  const project = requireProject();
  return relative(process.cwd(), join(project.root, projectOut(project))) || '.';
}
