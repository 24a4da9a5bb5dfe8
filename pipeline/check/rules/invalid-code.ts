import type { Rule } from '../rule';

export const invalidCode: Rule = {
  id: 'invalid-code',
  defaultSeverity: 'error',
  summary: "A code cell that does not match the catalog's code pattern (two codes in one cell, a range, stray text). The row is left out.",
  template: '"{code}" in {lang} is not an error code matching {pattern}; the row is left out',
  check(context) {
    return context.merged.unmergeable
      .filter((row) => (row.values.errorCode ?? '') !== '')
      .map((row) => ({
        params: { code: row.values.errorCode!, lang: row.lang, pattern: `/${context.config.codePatternSource}/` },
        rows: [row],
        identity: [row.lang, row.values.errorCode!],
        excludesRows: true,
      }));
  },
};
