/**
 * Stage 4, check: runs every divergence rule and turns findings into divergences — severity from
 * the rule (or the catalog's override; "off" drops the rule), a fingerprint that survives line
 * moves, every location as file:line, and a stable order (rule order, then code, then location).
 */
import type { Divergence, DivergenceReport } from '../generated/divergences';
import { fingerprint } from '../fingerprint';
import { compareCodes } from '../merge';
import type { SourceRow } from '../normalize';
import type { Rule, RuleContext, Severity } from './rule';
import { render } from './rule';
import { codeWhitespace } from './rules/code-whitespace';
import { duplicateCode } from './rules/duplicate-code';
import { emptyField } from './rules/empty-field';
import { invalidCode } from './rules/invalid-code';
import { invalidStatus } from './rules/invalid-status';
import { longRow } from './rules/long-row';
import { messageMismatch, messagePunctuation } from './rules/message';
import { missingLanguage } from './rules/missing-language';
import { shortRow } from './rules/short-row';
import { statusInCode } from './rules/status-in-code';
import { statusMismatch } from './rules/status-mismatch';
import { unmappedColumn } from './rules/unmapped-column';
import { valueMismatch, valueMissing } from './rules/values';
import { variantGroup } from './rules/variant-group';
import { variantMismatch } from './rules/variant-mismatch';

export const RULES: readonly Rule[] = [
  missingLanguage,
  statusMismatch,
  variantMismatch,
  variantGroup,
  messageMismatch,
  messagePunctuation,
  valueMismatch,
  valueMissing,
  duplicateCode,
  invalidCode,
  statusInCode,
  emptyField,
  invalidStatus,
  codeWhitespace,
  shortRow,
  longRow,
  unmappedColumn,
];

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface CheckResult {
  report: DivergenceReport;
  /** Rows left out of the catalog, each with the rule that reports it. */
  excluded: Array<{ row: SourceRow; rule: string }>;
}

export function runChecks(catalog: string, context: RuleContext): CheckResult {
  const divergences: Divergence[] = [];
  const excluded: CheckResult['excluded'] = [];
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  for (const rule of RULES) {
    const override = Object.hasOwn(context.config.severity, rule.id) ? context.config.severity[rule.id] : undefined;
    for (const finding of rule.check(context)) {
      if (finding.excludesRows) for (const row of finding.rows) excluded.push({ row, rule: rule.id });
      if (override === 'off') continue;
      const divergence: Divergence = {
        rule: rule.id,
        severity: override ?? finding.severity ?? rule.defaultSeverity,
        fingerprint: fingerprint([rule.id, finding.errorCode ?? '', ...finding.identity]),
        ...(finding.errorCode !== undefined ? { errorCode: finding.errorCode } : {}),
        message: render(rule.template, finding.params),
        locations: finding.rows.map((row) => ({ lang: row.lang, file: row.file, line: row.line })) as Divergence['locations'],
        ...(finding.texts ? { texts: finding.texts } : {}),
      };
      divergences.push(divergence);
    }
  }
  divergences.sort(
    (a, b) =>
      order.get(a.rule)! - order.get(b.rule)! ||
      compareCodes(a.errorCode ?? '', b.errorCode ?? '') ||
      compareCodes(a.locations[0]!.file, b.locations[0]!.file) ||
      a.locations[0]!.line - b.locations[0]!.line ||
      compareCodes(a.fingerprint, b.fingerprint),
  );
  const counts: Record<string, number> = {};
  for (const rule of RULES) {
    const n = divergences.filter((d) => d.rule === rule.id).length;
    if (n > 0) counts[rule.id] = n;
  }
  return { report: { catalog, counts, divergences }, excluded };
}
