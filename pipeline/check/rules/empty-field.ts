import type { Finding, Rule } from '../rule';

export const emptyField: Rule = {
  id: 'empty-field',
  defaultSeverity: 'warning',
  summary: 'An empty error-code or status cell. A row without a code is left out.',
  template: 'empty {field} cell in {lang}{context}',
  check(context) {
    const findings: Finding[] = [];
    for (const row of context.rows) {
      const code = row.values.errorCode ?? '';
      const text = row.values.message || row.values.description || '';
      if (code === '') {
        findings.push({
          params: { field: 'errorCode', lang: row.lang, context: text ? ` (row "${text.slice(0, 60)}")` : '' },
          rows: [row],
          identity: [row.lang, 'errorCode', text],
          excludesRows: true,
        });
      } else if ('httpStatus' in row.values && (row.values.httpStatus ?? '').trim() === '') {
        findings.push({
          errorCode: code,
          params: { field: 'httpStatus', lang: row.lang, context: ` for ${code}` },
          rows: [row],
          identity: [row.lang, 'httpStatus'],
        });
      }
    }
    return findings;
  },
};
