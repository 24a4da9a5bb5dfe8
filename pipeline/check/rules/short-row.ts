import { catalogCode, type Rule } from '../rule';

export const shortRow: Rule = {
  id: 'short-row',
  defaultSeverity: 'warning',
  summary: 'A row with fewer cells than its table is wide, read as sharing its first cells with the row above (a forgotten or miscounted span).',
  template: '{code}: the {lang} row lacks its first {count} cell(s); read as sharing them with the row above',
  check(context) {
    return context.rows
      .filter((row) => row.borrowedCells)
      .map((row) => ({
        errorCode: catalogCode(context, row),
        params: { code: row.values.errorCode || 'a row without a code', lang: row.lang, count: String(row.borrowedCells) },
        rows: [row],
        identity: [row.lang, String(row.borrowedCells)],
      }));
  },
};
