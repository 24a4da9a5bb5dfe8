import type { Finding, Rule } from '../rule';
import { variantRows } from '../rule';

/** A code the languages list a different number of times: some variants lack a language. */
export const variantMismatch: Rule = {
  id: 'variant-mismatch',
  defaultSeverity: 'warning',
  summary: 'The languages list a code a different number of times; rows are paired by what they say (status, message, module, description), and a row left unpaired is a variant in its language only.',
  template: '{code} is listed {counts}; {unpaired} row(s) have no counterpart in {missing}',
  check(context) {
    if (context.languages.length < 2) return [];
    const findings: Finding[] = [];
    for (const [code, langs] of context.merged.byCode) {
      if (langs.size < 2) continue; // a code in one language only is missing-language
      const variants = variantRows(context, code);
      const lonely = variants.filter((rows) => rows.length < langs.size);
      if (lonely.length === 0) continue;
      const present = context.languages.filter((l) => langs.has(l));
      // Rows, not variants: a row standing for several variants is listed once.
      const counts = present.map((l) => `${new Set(variants.flatMap((rows) => rows.filter((r) => r.lang === l))).size}× in ${l}`).join(', ');
      const missing = present.filter((l) => lonely.some((rows) => !rows.some((r) => r.lang === l)));
      const rows = lonely.flat();
      findings.push({
        errorCode: code,
        params: { code, counts, unpaired: String(rows.length), missing: missing.join(', ') },
        rows,
        identity: [counts],
      });
    }
    return findings;
  },
};
