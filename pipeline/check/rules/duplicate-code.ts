import type { SourceRow } from '../../normalize';
import type { Finding, Rule } from '../rule';

const sameRow = (a: SourceRow, b: SourceRow) => JSON.stringify(a.values) === JSON.stringify(b.values);

export const duplicateCode: Rule = {
  id: 'duplicate-code',
  defaultSeverity: 'error',
  summary: 'A code listed twice in one language: an error when the rows conflict, info when they are identical. The first row is used.',
  template: '{code} is listed {count} times in {lang} ({how}); the first row is used',
  check(context) {
    const findings: Finding[] = [];
    for (const [code, langs] of context.merged.byCode) {
      for (const [lang, rows] of langs) {
        if (rows.length < 2) continue;
        const identical = rows.every((r) => sameRow(r, rows[0]!));
        findings.push({
          errorCode: code,
          params: { code, lang, count: String(rows.length), how: identical ? 'identical rows' : 'conflicting rows' },
          rows,
          severity: identical ? 'info' : 'error',
          identity: [lang, identical ? 'identical' : 'conflicting'],
        });
      }
    }
    return findings;
  },
};
