/**
 * dist/<catalog>/catalog.csv: RFC 4180 quoting, a header row, one row per variant
 * (`variant` counts a code's variants from 1; status and texts tell them apart). Each text, the
 * module included, is a column per language (`module_zh`, `module_en`, `message_zh`, …); columns a
 * page has that map to no field follow as `<header>_<lang>`. Where a page gives a row another status
 * than the variant's (status-mismatch: the primary language's, when it gives one) or none while
 * another page gives one, `httpStatus_<lang>` columns after `httpStatuses` give each page's own
 * (`400/404` for several, empty for none or no row), so the CSV keeps what the JSON keeps; a catalog
 * whose pages agree has no such columns.
 * Cells starting with = + - @, tab, CR or LF get a leading apostrophe, as OWASP advises against
 * CSV formula injection, so a spreadsheet shows them as text instead of running them: body cells
 * and header cells alike (a column errcat cannot map is named after the page's header).
 */
import { neutralizeFormula } from '../escape';
import type { Catalog, Variant } from '../generated/catalog';
import { compareCodes, pageStatusOf, variantsOf } from '../merge';

export { neutralizeFormula };

const TEXT_FIELDS = ['module', 'message', 'description', 'measure'] as const;

export function emitCsv(catalog: Catalog, options: { bom?: boolean } = {}): string {
  const langs = catalog.languages;
  const extraHeaders = new Set<string>();
  for (const entry of catalog.entries) {
    for (const variant of variantsOf(entry)) for (const text of Object.values(variant.texts)) for (const h of Object.keys(text?.extra ?? {})) extraHeaders.add(h);
  }
  const extras = [...extraHeaders].sort(compareCodes);
  const ownStatuses = catalog.entries.some((entry) => variantsOf(entry).some((variant) => Object.values(variant.texts).some((text) => text !== undefined && 'httpStatus' in text)));
  const header = ['errorCode', 'variant', 'httpStatus', 'httpStatuses'];
  if (ownStatuses) for (const lang of langs) header.push(`httpStatus_${lang}`);
  for (const field of [...TEXT_FIELDS, ...extras]) for (const lang of langs) header.push(`${field}_${lang}`);
  const records: string[][] = [];
  for (const entry of catalog.entries) {
    variantsOf(entry).forEach((variant, i) => {
      const row = [
        entry.errorCode,
        String(i + 1),
        variant.httpStatus === null ? '' : String(variant.httpStatus),
        variant.httpStatuses?.join('/') ?? '',
      ];
      if (ownStatuses) for (const lang of langs) row.push(pageStatus(variant, lang));
      for (const field of TEXT_FIELDS) for (const lang of langs) row.push(variant.texts[lang]?.[field] ?? '');
      for (const h of extras) for (const lang of langs) row.push(variant.texts[lang]?.extra?.[h] ?? '');
      records.push(row.map(neutralizeFormula));
    });
  }
  let csv = options.bom ? '\uFEFF' : '';
  for (const record of [header.map(neutralizeFormula), ...records]) csv += `${record.map(csvField).join(',')}\n`;
  return csv;
}

/** The status `lang`'s page gives a variant (see pageStatusOf), as a cell: `400/404` for several, empty for none or no row. */
function pageStatus(variant: Variant, lang: string): string {
  const own = pageStatusOf(variant, lang);
  return own === undefined ? '' : (own.httpStatuses?.join('/') ?? (own.httpStatus === null ? '' : String(own.httpStatus)));
}

// Quoted when RFC 4180 requires it (a comma, quote, CR or LF) and when the text starts or ends with
// whitespace, which spreadsheets would otherwise trim. Byte for byte what csv-stringify writes with
// { record_delimiter: '\n', quote_record_delimiter: true, quoted_match: /^\s|\s$/ } (a test holds
// the two equal); written here because loading that library cost a build more than all the rows.
const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
