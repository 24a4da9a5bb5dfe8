import { parseStatuses } from '../../normalize';
import type { Finding, Rule } from '../rule';
import { variantRows } from '../rule';

export const statusInCode: Rule = {
  id: 'status-in-code',
  defaultSeverity: 'warning',
  summary: 'The code carries a status (a `status` group in the code pattern, e.g. CCI.<group>.<status><seq>) that disagrees with the status column.',
  template: '{code} carries status {carried} but the {lang} page gives {given}',
  check(context) {
    const findings: Finding[] = [];
    for (const code of context.merged.byCode.keys()) {
      const carried = context.config.codePattern.exec(code)?.groups?.status;
      if (carried === undefined) continue;
      for (const row of variantRows(context, code).flat()) {
        const statuses = parseStatuses(row.values.httpStatus);
        if (statuses === null || statuses.some((s) => String(s) === carried)) continue;
        const given = statuses.join('/');
        findings.push({
          errorCode: code,
          params: { code, carried, lang: row.lang, given: String(given) },
          rows: [row],
          identity: [row.lang, String(given)],
        });
      }
    }
    return findings;
  },
};
