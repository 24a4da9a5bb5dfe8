import { rowKey } from '../../merge';
import type { SourceRow } from '../../normalize';
import { collapseSpace } from '../../text';
import type { Finding, Rule, RuleContext } from '../rule';
import { sharedRows, variantRows } from '../rule';
import { foldTypography } from './message';

/**
 * Rows of one code in one language. A code documented in several rows is the catalog's model (one
 * variant per row: one code, many causes), not a divergence; a finding is kept only where a doc
 * writer has something to fix. Identical repeats collapse into one variant (info: delete the
 * repeat). Rows under the same module with the same status that give one cause (the same
 * description) different messages contradict each other: a reader cannot tell which message the API
 * returns for it (warning). Rows whose causes differ are variants, even with the same module and
 * status (VPC.1801's 21 rows under 资源标签, "Invalid tag key." and "Invalid tag value."); so are
 * rows that differ in module or in status, and rows with no description to compare: none, or one
 * that says there is none ("无", "None."). Rows that one row of another language stands for (a
 * variant group: AOM's en "The namespace or alarm name is invalid, or the project ID is left blank."
 * for three zh rows) are causes that language confirms, reported by variant-group: no finding here
 * either. Every row is kept.
 */
export const duplicateCode: Rule = {
  id: 'duplicate-code',
  defaultSeverity: 'warning',
  summary: 'A code listed more than once in one language where a doc writer has something to fix: identical rows (collapsed into one) are info; rows under the same module with the same status that give one description different messages contradict each other (warning). Rows with different descriptions (causes), modules or statuses, or that one row of another language stands for (variant-group), are variants, not findings. Every row is kept.',
  template: '{code} is listed {count} times in {lang} ({how})',
  check(context) {
    const findings: Finding[] = [];
    const collapsed = new Set(context.merged.collapsed);
    for (const [code, langs] of context.merged.byCode) {
      const covered = coveredRows(context, code);
      for (const [lang, rows] of langs) {
        if (rows.length < 2) continue;
        const repeats = rows.filter((r) => collapsed.has(r));
        if (repeats.length > 0) {
          const repeatKeys = new Set(repeats.map(rowKey));
          findings.push({
            errorCode: code,
            params: { code, lang, count: String(rows.length), how: `${repeats.length} identical repeat${repeats.length === 1 ? '' : 's'}, kept once` },
            rows: rows.filter((r) => repeatKeys.has(rowKey(r))),
            severity: 'info',
            identity: [lang, 'identical'],
          });
        }
        for (const [[module, status, description], group] of sameCause(rows.filter((r) => !collapsed.has(r) && !covered.has(r)))) {
          const messages = new Set(group.map((r) => collapseSpace(r.values.message)));
          if (messages.size < 2) continue;
          const where = `for one description ${module ? `under module "${module}"` : 'with no module'}, ${status ? `status ${status}` : 'no status'}`;
          findings.push({
            errorCode: code,
            params: { code, lang, count: String(group.length), how: `${messages.size} different messages ${where}; each is kept as a variant` },
            rows: group,
            identity: [lang, 'contradicting', module, status, description],
          });
        }
      }
    }
    return findings;
  },
};

/**
 * Rows that give one cause: the same module, status and description (descriptions compared as the
 * message rules compare texts, typography aside), in page order. A row with no description names no
 * cause to compare, and is in none.
 */
function sameCause(rows: SourceRow[]): Array<[[string, string, string], SourceRow[]]> {
  const groups = new Map<string, [[string, string, string], SourceRow[]]>();
  for (const row of rows) {
    const description = collapseSpace(row.values.description);
    const cause = foldTypography(description);
    if (NO_DESCRIPTION.has(cause)) continue;
    const module = collapseSpace(row.values.module);
    const status = collapseSpace(row.values.httpStatus);
    const key = JSON.stringify([module, status, cause]);
    const group = groups.get(key);
    if (group) group[1].push(row);
    else groups.set(key, [[module, status, description], [row]]);
  }
  return [...groups.values()];
}

/** A description cell that says there is none: it names no cause (folded: lower case, no final stop). */
const NO_DESCRIPTION = new Set(['', '无', '暂无', 'none', 'n/a', 'na', '-', '/']);

/** The rows of a code that a row of another language stands for, together with others (see variant-group). */
function coveredRows(context: RuleContext, code: string): Set<SourceRow> {
  const covered = new Set<SourceRow>();
  const shared = sharedRows(context, code);
  if (shared.size === 0) return covered;
  for (const rows of variantRows(context, code)) {
    const wide = rows.filter((row) => shared.has(row));
    for (const row of rows) if (!shared.has(row) && wide.some((w) => w.lang !== row.lang)) covered.add(row);
  }
  return covered;
}
