/** Diff reports for people (text, a pull-request comment in Markdown), machines (JSON) and CI (GitHub annotations). */
import type { Change, DiffReport } from '../generated/diff';
import { annotation } from '../emit/github';
import { markdownCode, markdownText, terminalText } from '../escape';
import { CHANGE_KINDS } from './index';

const MAX_ROWS = 50;

export function countsLine(report: DiffReport): string {
  const parts = CHANGE_KINDS.filter((k) => report.counts[k.id]).map((k) => `${report.counts[k.id]} ${k.id} (${k.severity})`);
  return parts.length > 0 ? parts.join(', ') : 'no changes for consumers';
}

const where = (l: Change['oldLocation']) => (l ? `${l.file}:${l.line}` : '—');

/** A value on one line of the text report: page text with its line breaks and controls shown escaped. */
const shown = (value: unknown) => terminalText(String(value ?? '—'));

export function formatText(report: DiffReport): string {
  const lines = [`errcat diff ${terminalText(report.old)} → ${terminalText(report.new)}: ${countsLine(report)}; version bump: ${report.bump}`];
  for (const c of report.changes) {
    const loc = c.newLocation ?? c.oldLocation;
    lines.push(`  ${c.severity.padEnd(8)} ${c.kind.padEnd(19)} ${terminalText(c.catalog)} ${terminalText(c.message)}${loc ? ` (${terminalText(where(loc))})` : ''}`);
    if (c.old !== undefined || c.new !== undefined) {
      if (typeof c.old === 'string' || typeof c.new === 'string') {
        lines.push(`      - ${shown(c.old)}`, `      + ${shown(c.new)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Shortens two texts around where they differ: the common start and end are cut to a little
 * context, and the differing part is shown in bold, so a one-word change in a long text stays visible.
 */
export function sideBySide(a: string, b: string, context = 24): [string, string] {
  const x = a.replace(/\s+/g, ' ').trim();
  const y = b.replace(/\s+/g, ' ').trim();
  const chars = (s: string) => Array.from(s);
  const xa = chars(x);
  const ya = chars(y);
  let start = 0;
  while (start < xa.length && start < ya.length && xa[start] === ya[start]) start++;
  let end = 0;
  while (end < xa.length - start && end < ya.length - start && xa[xa.length - 1 - end] === ya[ya.length - 1 - end]) end++;
  const show = (s: string[]) => {
    const head = s.slice(0, start);
    const mid = s.slice(start, s.length - end).join('');
    const tail = s.slice(s.length - end);
    const pre = head.length > context ? `…${head.slice(-context).join('')}` : head.join('');
    const post = tail.length > context ? `${tail.slice(0, context).join('')}…` : tail.join('');
    return `${markdownText(pre)}${mid ? `<b>${markdownText(mid)}</b>` : ''}${markdownText(post)}`;
  };
  return [show(xa), show(ya)];
}

export function formatMarkdown(report: DiffReport): string {
  const out = [`**errcat diff** ${markdownCode(report.old, false)} → ${markdownCode(report.new, false)}: ${countsLine(report)}; version bump: **${report.bump}**`];
  for (const kind of CHANGE_KINDS) {
    const changes = report.changes.filter((c) => c.kind === kind.id);
    if (changes.length === 0) continue;
    out.push('', `#### ${kind.id} (${changes.length}, ${kind.severity})`, '', kind.summary, '');
    const hasValues = changes.some((c) => c.old !== undefined || c.new !== undefined);
    const hasLang = changes.some((c) => c.lang !== undefined || c.field !== undefined);
    const head = ['catalog', 'code', ...(hasLang ? ['where'] : []), ...(hasValues ? ['old', 'new'] : ['old page', 'new page'])];
    out.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const c of changes.slice(0, MAX_ROWS)) {
      const cells = [markdownText(c.catalog), markdownCode(c.errorCode, true)];
      if (hasLang) cells.push(markdownText([c.field, c.lang].filter(Boolean).join(' ') || '—'));
      if (hasValues) {
        if (typeof c.old === 'string' && typeof c.new === 'string') cells.push(...sideBySide(c.old, c.new));
        else cells.push(markdownText(c.old == null ? '—' : String(c.old)), markdownText(c.new == null ? '—' : String(c.new)));
      } else {
        cells.push(c.oldLocation ? markdownCode(where(c.oldLocation), true) : '—', c.newLocation ? markdownCode(where(c.newLocation), true) : '—');
      }
      out.push(`| ${cells.join(' | ')} |`);
    }
    if (changes.length > MAX_ROWS) out.push('', `… and ${changes.length - MAX_ROWS} more (errcat diff --format json lists all).`);
  }
  return `${out.join('\n')}\n`;
}

/** `inRepository` maps a page path as errcat shows it to the path GitHub knows: relative to the repository's root. */
export function formatGithub(report: DiffReport, inRepository: (file: string) => string = (file) => file): string {
  const level = { breaking: 'error', warning: 'warning', info: 'notice' } as const;
  return report.changes
    .map((c) => {
      // Annotate the new page's line; a removed code has only an old (possibly git:) location.
      const at = c.newLocation && !c.newLocation.file.includes(':') ? { file: inRepository(c.newLocation.file), line: c.newLocation.line } : {};
      return `${annotation(level[c.severity], { ...at, title: `errcat ${c.kind}` }, c.message)}\n`;
    })
    .join('');
}
