import type { Rule } from '../rule';
import { firstRows } from '../rule';

export const missingLanguage: Rule = {
  id: 'missing-language',
  defaultSeverity: 'error',
  summary: 'A code present in some languages only.',
  template: '{code} is documented in {present} only; missing in {missing}',
  check(context) {
    if (context.languages.length < 2) return [];
    const findings = [];
    for (const [code, langs] of context.merged.byCode) {
      const missing = context.languages.filter((l) => !langs.has(l));
      if (missing.length === 0) continue;
      const rows = firstRows(context, code);
      findings.push({
        errorCode: code,
        params: { code, present: rows.map((r) => r.lang).join(', '), missing: missing.join(', ') },
        rows,
        texts: Object.fromEntries(rows.map((r) => [r.lang, r.values.message ?? ''])),
        identity: missing,
      });
    }
    return findings;
  },
};
