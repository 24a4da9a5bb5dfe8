import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectOut } from '../project';
import { requireProject } from './catalogs';
import { ErrcatError } from '../errors';
import { closest } from '../language';
import { terminalJson, terminalLineStart, terminalText as shown } from '../escape';
import { readBuiltCatalog } from '../built-catalog';
import type { Catalog, CatalogEntry, Variant } from '../generated/catalog';
import { variantsOf } from '../merge';
import { parseCommandArgs, UsageError } from './args';
import { writeStdout, writeStderr } from './stdio';

export const lookupHelp = `Usage: errcat lookup CODE [--lang LANG] [--out DIR] [--catalog NAME] [--json]

Prints the entry for CODE from the built catalogs (DIR/<catalog>/catalog.json), every
variant when the pages document the code in several rows. When the languages' pages give
a variant different statuses, each language's status is shown, named.

Options:
  --lang LANG     show this language's texts only (default: every language); a variant
                  this language does not document says so, and no other language's text
                  is shown in its place
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
    if (values.catalog && names.length > 0) {
      // Others were built: X is a typo of one of them, or a catalog of the project not built yet.
      const guess = closest(values.catalog, names);
      throw new ErrcatError(out, 0, `no built catalog "${values.catalog}"; built: ${names.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}; a catalog of the project not built yet is made by errcat build`);
    }
    throw new ErrcatError(out, 0, values.catalog ? `no built catalog "${values.catalog}"; run errcat build` : 'no built catalog; run errcat build');
  }
  const nearly: string[] = [];
  for (const name of catalogs) {
    const catalog = readBuiltCatalog(join(out, name, 'catalog.json'));
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
    writeStdout(values.json ? `${terminalJson(JSON.stringify(entryShown, null, 2))}\n` : describe(name, catalog, entry, values.lang));
    return 0;
  }
  const hint = nearly.length > 0 ? ` (codes are matched exactly; did you mean ${nearly.map(shown).join(' or ')}?)` : '';
  writeStderr(`errcat lookup: ${shown(code)} is not in ${catalogs.join(', ')}${hint}\n`);
  return 1;
}

/**
 * The entry for a person at a terminal. Every text is page text: shown on its line with line
 * breaks and controls escaped (\n, \x1b), so it can neither restyle the terminal nor start a
 * line of its own (a workflow command, when lookup runs in CI). With a language asked for, only
 * that language's texts are shown; a status that is not that language's is named.
 */
function describe(name: string, catalog: Catalog, entry: CatalogEntry, lang: string | undefined): string {
  const lines = [`${terminalLineStart(entry.errorCode)}  (catalog ${shown(name)})`];
  const variants = variantsOf(entry);
  const indent = variants.length > 1 ? '  ' : '';
  variants.forEach((variant, i) => {
    if (variants.length > 1) lines.push(`  variant ${i + 1} of ${variants.length}`);
    lines.push(`${indent}  HTTP status: ${statusLine(catalog, variant, lang)}`);
    const langs = lang ? [lang] : catalog.languages;
    for (const l of langs) {
      const t = variant.texts[l];
      if (!t) {
        lines.push(`${indent}  [${shown(l)}] not documented in ${shown(l)}`);
        continue;
      }
      lines.push(`${indent}  [${shown(l)}] ${shown(catalog.sources[l] ?? '')}:${t.line}`);
      if (t.module !== null) lines.push(`${indent}    module:      ${shown(t.module)}`);
      lines.push(`${indent}    message:     ${shown(t.message ?? '—')}`);
      lines.push(`${indent}    description: ${shown(t.description ?? '—')}`);
      lines.push(`${indent}    measure:     ${shown(t.measure ?? '—')}`);
      for (const [header, text] of Object.entries(t.extra ?? {})) lines.push(`${indent}    ${shown(header)}: ${shown(text ?? '')}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

/**
 * A variant's status: plain when every language documenting it gives it (and the language asked
 * for is one of them); else each language's, the one asked for first, each named.
 */
function statusLine(catalog: Catalog, variant: Variant, lang: string | undefined): string {
  const format = (statuses: number[] | undefined, status: number | null) => statuses?.join(', ') ?? (status === null ? '—' : String(status));
  const chosen = format(variant.httpStatuses, variant.httpStatus);
  const present = catalog.languages.filter((l) => variant.texts[l]);
  const order = lang !== undefined && present.includes(lang) ? [lang, ...present.filter((l) => l !== lang)] : present;
  const own = order.map((l) => {
    const t = variant.texts[l]!;
    return [l, t.httpStatus === undefined ? chosen : format(t.httpStatuses, t.httpStatus)] as const;
  });
  const differ = new Set(own.map(([, status]) => status)).size > 1;
  if (!differ && (lang === undefined || present.includes(lang))) return chosen;
  const each = own.map(([l, status]) => `${status} [${shown(l)}]`).join(' · ');
  return differ ? `${each} (the pages differ; the catalog uses ${chosen})` : each;
}

/** The output folder of the project holding the current folder (as a path from here). */
function projectOutFromHere(): string {
  const project = requireProject();
  return relative(process.cwd(), join(project.root, projectOut(project))) || '.';
}
