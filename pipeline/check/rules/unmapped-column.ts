import type { Rule } from '../rule';

/**
 * A column errcat maps to no field: its cells are kept as `extra`, and this says so. A second column
 * with the same header is kept under a numbered key (`备注 (2)`), its own finding.
 */
export const unmappedColumn: Rule = {
  id: 'unmapped-column',
  defaultSeverity: 'warning',
  summary: 'A column of an error-code table that maps to no catalog field (an unknown header, or a second column for a field); its cells are kept under `extra`. Map it or ignore it in the catalog\'s "columns" setting (in errcat.json, or the catalog.json beside its pages).',
  template: 'column "{header}" in {lang} {why}; its cells are kept as extra["{key}"] (map it in the catalog\'s "columns" setting)',
  check(context) {
    return context.unmapped.map((column) => ({
      params: {
        header: column.header,
        key: column.key,
        lang: column.lang,
        why: column.duplicateOf
          ? `would fill ${column.duplicateOf.field}, which "${column.duplicateOf.header}" already fills`
          : 'maps to no field',
      },
      rows: [{ lang: column.lang, file: column.file, line: column.line, rawCode: '', values: {} }],
      identity: [column.lang, column.key],
    }));
  },
};
