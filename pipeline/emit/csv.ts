/**
 * dist/<catalog>/catalog.csv: RFC 4180 quoting (csv-stringify), a header row, one row per code.
 * Cells starting with = + - @, tab, CR or LF get a leading apostrophe, as OWASP advises against
 * CSV formula injection, so a spreadsheet shows them as text instead of running them.
 */
import { stringify } from 'csv-stringify/sync';
import type { Catalog } from '../generated/catalog';

const FORMULA_START = /^[=+\-@\t\r\n]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function emitCsv(catalog: Catalog, options: { bom?: boolean } = {}): string {
  const langs = catalog.languages;
  const header = ['errorCode', 'httpStatus', 'module'];
  for (const field of ['message', 'description', 'measure'] as const) for (const lang of langs) header.push(`${field}_${lang}`);
  const records = catalog.entries.map((entry) => {
    const row = [entry.errorCode, entry.httpStatus === null ? '' : String(entry.httpStatus), entry.module ?? ''];
    for (const field of ['message', 'description', 'measure'] as const) {
      for (const lang of langs) row.push(entry.texts[lang]?.[field] ?? '');
    }
    return row.map(neutralizeFormula);
  });
  const csv = stringify([header, ...records], { record_delimiter: '\n', quoted_match: /^\s|\s$/ });
  return options.bom ? `\uFEFF${csv}` : csv;
}
