import type { Rule } from '../rule';

export const shortRow: Rule = {
  id: 'short-row',
  defaultSeverity: 'warning',
  summary: 'A pipe-table row with fewer cells than its header, read as continuing the row above (its first cells taken from there).',
  template: '{code}: the {lang} row lacks its first {count} cell(s); read as sharing them with the row above',
  check(context) {
    return context.rows
      .filter((row) => row.borrowedCells)
      .map((row) => ({
        errorCode: row.values.errorCode,
        params: { code: row.values.errorCode ?? '', lang: row.lang, count: String(row.borrowedCells) },
        rows: [row],
        identity: [row.lang, String(row.borrowedCells)],
      }));
  },
};
