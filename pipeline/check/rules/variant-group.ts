import type { SourceRow } from '../../normalize';
import type { Finding, Rule } from '../rule';
import { sharedRows, variantRows } from '../rule';

/**
 * One language merges rows another keeps apart: a row whose text covers several rows of the other
 * language (AOM's one en row "The namespace or alarm name is invalid, or the project ID is left
 * blank." for three zh rows). Each covered row is a variant of its own holding the covering row's
 * text (`sharedTexts` in the catalog): nothing is missing, so info, not variant-mismatch.
 */
export const variantGroup: Rule = {
  id: 'variant-group',
  defaultSeverity: 'info',
  summary: 'One row in one language stands for several rows of another (its text covers each of them); each covered row is a variant of its own that shares the text of the covering row.',
  template: '{code}: one {lang} row stands for {count} {others} rows; each is a variant sharing the {lang} text',
  check(context) {
    const findings: Finding[] = [];
    for (const code of context.merged.byCode.keys()) {
      const shared = sharedRows(context, code);
      if (shared.size === 0) continue;
      // Each shared row with the rows of the variants it is in, in variant order: one pass.
      const coveredBy = new Map<SourceRow, SourceRow[]>([...shared].map((row) => [row, []]));
      for (const rows of variantRows(context, code)) {
        for (const wide of rows) if (shared.has(wide)) coveredBy.get(wide)!.push(...rows.filter((row) => !shared.has(row)));
      }
      for (const [wide, covered] of coveredBy) {
        const others = [...new Set(covered.map((r) => r.lang))];
        findings.push({
          errorCode: code,
          params: { code, lang: wide.lang, count: String(covered.length), others: others.join(', ') },
          rows: [wide, ...covered],
          texts: { [wide.lang]: wide.values.message ?? '' },
          identity: [wide.lang, String(covered.length)],
        });
      }
    }
    return findings;
  },
};
