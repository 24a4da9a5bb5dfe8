import { parseStatus } from '../../normalize';
import type { Rule } from '../rule';

export const invalidStatus: Rule = {
  id: 'invalid-status',
  defaultSeverity: 'warning',
  summary: 'A status cell that is not a three-digit HTTP status (the entry gets no status from it).',
  template: '{code}: status "{status}" in {lang} is not an HTTP status',
  check(context) {
    return context.rows
      .filter((row) => (row.values.httpStatus ?? '').trim() !== '' && parseStatus(row.values.httpStatus) === null && row.values.errorCode)
      .map((row) => ({
        errorCode: row.values.errorCode!,
        params: { code: row.values.errorCode!, status: row.values.httpStatus!.trim(), lang: row.lang },
        rows: [row],
        identity: [row.lang, row.values.httpStatus!.trim()],
      }));
  },
};
