/**
 * dist/<catalog>/divergences.md: a report a doc writer reads. Counts by rule, then each divergence
 * grouped by rule, with every language's location and text side by side.
 */
import { RULES } from '../check';
import { markdownCode, markdownText } from '../escape';
import type { Catalog } from '../generated/catalog';
import type { Divergence, DivergenceReport } from '../generated/divergences';

export function emitReport(catalog: Catalog, report: DivergenceReport): string {
  const out: string[] = [];
  out.push(`# Divergences in ${markdownText(catalog.catalog)}`, '');
  out.push(`Pages: ${catalog.languages.map((l) => `${markdownText(l)} ${markdownCode(catalog.sources[l] ?? '', false)}`).join(' · ')}. Primary language: ${markdownText(catalog.primaryLanguage)}.`, '');
  out.push(`${catalog.entries.length} entries, ${report.divergences.length} divergences.`, '');
  out.push('| rule | severity | count | what it finds |', '| --- | --- | ---: | --- |');
  for (const rule of RULES) {
    const found = report.divergences.filter((d) => d.rule === rule.id);
    if (found.length === 0) continue;
    const severities = [...new Set(found.map((d) => d.severity))].join(', ');
    // A summary is errcat's own Markdown (it may hold a code span); only its pipes would split the cell.
    out.push(`| ${rule.id} | ${severities} | ${found.length} | ${rule.summary.replace(/\|/g, '\\|')} |`);
  }
  if (report.divergences.length === 0) out.push('| — | — | 0 | the languages agree |');
  for (const rule of RULES) {
    const found = report.divergences.filter((d) => d.rule === rule.id);
    if (found.length === 0) continue;
    out.push('', `## ${rule.id} (${found.length})`, '');
    for (const divergence of found) out.push(...describe(catalog, divergence), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '')}\n`;
}

function describe(catalog: Catalog, d: Divergence): string[] {
  const lines = [`- **${d.severity}** ${markdownText(d.message)}`];
  // Every catalog language gets a column, so a missing language shows as —.
  const langs = d.rule === 'missing-language' ? catalog.languages : catalog.languages.filter((l) => d.locations.some((loc) => loc.lang === l) || (d.texts && l in d.texts));
  if (d.texts && langs.length > 0) {
    lines.push('', `  | ${langs.map(markdownText).join(' | ')} |`, `  | ${langs.map(() => '---').join(' | ')} |`);
    lines.push(`  | ${langs.map((l) => where(d, l)).join(' | ')} |`);
    lines.push(`  | ${langs.map((l) => markdownText(d.texts![l] ?? '—')).join(' | ')} |`);
  } else {
    lines.push(`  ${d.locations.map((loc) => `${markdownCode(`${loc.file}:${loc.line}`, false)} (${markdownText(loc.lang)})`).join(' · ')}`);
  }
  return lines;
}

function where(d: Divergence, lang: string): string {
  const locations = d.locations.filter((l) => l.lang === lang);
  return locations.length === 0 ? '—' : locations.map((l) => markdownCode(`${l.file}:${l.line}`, true)).join(', ');
}
