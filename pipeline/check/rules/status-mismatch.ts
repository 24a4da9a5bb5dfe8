import { parseStatuses } from '../../normalize';
import type { Finding, Rule } from '../rule';
import { variantRows } from '../rule';

const statusKey = (text: string | undefined) => parseStatuses(text)?.join('/') ?? null;

export const statusMismatch: Rule = {
  id: 'status-mismatch',
  defaultSeverity: 'error',
  summary: 'The languages give a code (a variant of it) different HTTP statuses; the primary language wins in the catalog.',
  template: '{code} has status {statuses}; the catalog uses {chosen} ({primary})',
  check(context) {
    const findings: Finding[] = [];
    for (const code of context.merged.byCode.keys()) {
      for (const variant of variantRows(context, code)) {
        const keys = variant.map((r) => statusKey(r.values.httpStatus));
        if (new Set(keys.filter((k) => k !== null)).size < 2) continue;
        const rows = variant.filter((_, i) => keys[i] !== null);
        const texts = Object.fromEntries(rows.map((r) => [r.lang, r.values.httpStatus!.trim()]));
        findings.push({
          errorCode: code,
          params: {
            code,
            statuses: rows.map((r) => `${r.values.httpStatus!.trim()} (${r.lang})`).join(' vs '),
            chosen: rows[0]!.values.httpStatus!.trim(),
            primary: rows[0]!.lang,
          },
          rows,
          texts,
          identity: rows.map((r) => `${r.lang}=${r.values.httpStatus!.trim()}`),
        });
      }
    }
    return findings;
  },
};
