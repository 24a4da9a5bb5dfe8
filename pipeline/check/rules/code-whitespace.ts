import type { Rule } from '../rule';

export const codeWhitespace: Rule = {
  id: 'code-whitespace',
  defaultSeverity: 'info',
  summary: 'A code written with whitespace inside (wrapped in a narrow cell, or a space after a dot), read without it.',
  template: '"{raw}" in {lang} is read as {code}',
  check(context) {
    return context.rows
      .filter((row) => row.values.errorCode && row.rawCode.trim() !== row.values.errorCode && /\s/.test(row.rawCode.trim()))
      .map((row) => ({
        errorCode: row.values.errorCode!,
        params: { raw: row.rawCode.trim().replace(/\s+/g, ' '), lang: row.lang, code: row.values.errorCode! },
        rows: [row],
        identity: [row.lang, row.rawCode.trim()],
      }));
  },
};
