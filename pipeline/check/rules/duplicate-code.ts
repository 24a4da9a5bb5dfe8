import { rowKey } from '../../merge';
import type { SourceRow } from '../../normalize';
import { collapseSpace } from '../../text';
import type { Finding, Rule } from '../rule';

/**
 * Rows of one code in one language. Identical repeats collapse into one variant (info). Distinct
 * rows are variants; they are told apart by their module, so distinct rows under the same module
 * (or with no module) conflict: a reader cannot tell which one applies (error). Every row is kept.
 */
export const duplicateCode: Rule = {
  id: 'duplicate-code',
  defaultSeverity: 'error',
  summary: 'A code listed more than once in one language: identical rows (collapsed into one) are info; different rows under the same module, or with no module, conflict (error). Every row is kept.',
  template: '{code} is listed {count} times in {lang} ({how})',
  check(context) {
    const findings: Finding[] = [];
    const collapsed = new Set(context.merged.collapsed);
    for (const [code, langs] of context.merged.byCode) {
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
        const byModule = new Map<string, SourceRow[]>();
        for (const row of rows) {
          if (collapsed.has(row)) continue;
          const module = collapseSpace(row.values.module);
          const group = byModule.get(module);
          if (group) group.push(row);
          else byModule.set(module, [row]);
        }
        for (const [module, group] of byModule) {
          if (group.length < 2) continue;
          findings.push({
            errorCode: code,
            params: {
              code,
              lang,
              count: String(group.length),
              how: `conflicting rows ${module ? `under module "${module}"` : 'with no module to tell them apart'}; each is kept as a variant`,
            },
            rows: group,
            severity: 'error',
            identity: [lang, 'conflicting', module],
          });
        }
      }
    }
    return findings;
  },
};
