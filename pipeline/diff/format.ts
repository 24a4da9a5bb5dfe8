/** Diff reports for people (text, a pull-request comment in Markdown), machines (JSON) and CI (GitHub annotations). */
import type { Change, DiffReport } from '../generated/diff';
import { annotation } from '../emit/github';
import { sarifLog, type SarifFinding, type SarifLevel, type SarifPlace, type SarifRule } from '../emit/sarif';
import { markdownCode, markdownText, terminalText } from '../escape';
import { CHANGE_KINDS } from './index';

const MAX_ROWS = 50;

const counted = (report: DiffReport, forBump: boolean) =>
  CHANGE_KINDS.filter((k) => report.counts[k.id] && (k.bump !== 'none') === forBump).map((k) => `${report.counts[k.id]} ${k.id} (${k.severity})`);

/** The changes for consumers, by kind: those that set the version bump. */
export function countsLine(report: DiffReport): string {
  const parts = counted(report, true);
  return parts.length > 0 ? parts.join(', ') : 'no changes for consumers';
}

/** The notes for translators (translation-stale), counted apart: `; for translators: …`, or nothing. */
export function translatorsLine(report: DiffReport): string {
  const parts = counted(report, false);
  return parts.length > 0 ? `; for translators: ${parts.join(', ')}` : '';
}

const where = (l: Change['oldLocation']) => (l ? `${l.file}:${l.line}` : '—');

/** A value on one line of the text report: page text with its line breaks and controls shown escaped. */
const shown = (value: unknown) => terminalText(String(value ?? '—'));

export function formatText(report: DiffReport): string {
  const lines = [`errcat diff ${terminalText(report.old)} → ${terminalText(report.new)}: ${countsLine(report)}; version bump: ${report.bump}${translatorsLine(report)}`];
  for (const c of report.changes) {
    // translation-stale: the lagging row, where a translator would act.
    const loc = c.laggingLocation ?? c.newLocation ?? c.oldLocation;
    lines.push(`  ${c.severity.padEnd(8)} ${c.kind.padEnd(19)} ${terminalText(c.catalog)} ${terminalText(c.message)}${loc ? ` (${terminalText(where(loc))})` : ''}`);
    if (c.old !== undefined || c.new !== undefined) {
      if (typeof c.old === 'string' || typeof c.new === 'string') {
        const lang = c.changedLang === undefined ? '' : `${terminalText(c.changedLang)}: `;
        lines.push(`      - ${lang}${shown(c.old)}`, `      + ${lang}${shown(c.new)}`);
      }
    }
    if (c.unchanged !== undefined) lines.push(`      = ${terminalText(c.lang ?? '')}: ${shown(c.unchanged)}`);
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
  const out = [`**errcat diff** ${markdownCode(report.old, false)} → ${markdownCode(report.new, false)}: ${countsLine(report)}; version bump: **${report.bump}**${translatorsLine(report)}`];
  for (const kind of CHANGE_KINDS) {
    const changes = report.changes.filter((c) => c.kind === kind.id);
    if (changes.length === 0) continue;
    out.push('', `#### ${kind.id} (${changes.length}, ${kind.severity})`, '', kind.summary, '');
    const hasValues = changes.some((c) => c.old !== undefined || c.new !== undefined);
    const hasLang = changes.some((c) => c.lang !== undefined || c.field !== undefined);
    const hasUnchanged = changes.some((c) => c.unchanged !== undefined);
    const head = ['catalog', 'code', ...(hasLang ? ['where'] : []), ...(hasValues ? ['old', 'new'] : ['old page', 'new page']), ...(hasUnchanged ? ['unchanged'] : [])];
    out.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const c of changes.slice(0, MAX_ROWS)) {
      const cells = [markdownText(c.catalog), markdownCode(c.errorCode, true)];
      const whereCell = c.changedLang !== undefined ? `${c.field}: ${c.changedLang} changed, ${c.lang} did not` : [c.field, c.lang].filter(Boolean).join(' ');
      if (hasLang) cells.push(markdownText(whereCell || '—'));
      if (hasValues) {
        if (typeof c.old === 'string' && typeof c.new === 'string') cells.push(...sideBySide(c.old, c.new));
        else cells.push(markdownText(c.old == null ? '—' : String(c.old)), markdownText(c.new == null ? '—' : String(c.new)));
      } else {
        cells.push(c.oldLocation ? markdownCode(where(c.oldLocation), true) : '—', c.newLocation ? markdownCode(where(c.newLocation), true) : '—');
      }
      if (hasUnchanged) cells.push(markdownText(c.unchanged ?? '—'));
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
      // Annotate the new page's line (the lagging language's, for translation-stale); a removed code
      // has only an old (possibly git:) location.
      const target = c.laggingLocation ?? c.newLocation;
      const at = target && !target.file.includes(':') ? { file: inRepository(target.file), line: target.line } : {};
      return `${annotation(level[c.severity], { ...at, title: `errcat ${c.kind}` }, c.message)}\n`;
    })
    .join('');
}

const SARIF_LEVEL: Record<Change['severity'], SarifLevel> = { breaking: 'error', warning: 'warning', info: 'note' };

export const DIFF_SARIF_RULES: readonly SarifRule[] = CHANGE_KINDS.map((k) => ({ id: k.id, summary: k.summary, level: SARIF_LEVEL[k.severity] }));

/**
 * The report as SARIF: each change on the line it concerns now — the new page's row, the lagging
 * language's row for translation-stale, the old page's row for a removal. A side read from git
 * (`git:REV…`) is no file on disk: its place is the path (shown on line 1, see emit/sarif), the line
 * it had at REV in the text.
 * `atRevision` maps such a path (after `REV:`) to one relative to the repository's root: `git:REV:PATH`
 * sides name paths from the root already (the default); `--base REV` names them as errcat shows
 * the project's paths, which `inRepository` maps.
 */
export function formatSarif(
  report: DiffReport,
  version: string,
  inRepository: (file: string) => string = (file) => file,
  atRevision: (file: string) => string = (file) => file,
): string {
  const revisionOf = (label: string) => (label.startsWith('git:') ? `${label.slice(4).split(':')[0]}:` : null);
  const place = (l: Change['oldLocation'], label: string, what: string): SarifPlace | null => {
    if (!l) return null;
    const rev = revisionOf(label);
    if (rev !== null && l.file.startsWith(rev)) return { file: atRevision(l.file.slice(rev.length)), fromRepositoryRoot: true, what: `${what}, line ${l.line} as of ${rev.slice(0, -1)}` };
    return { file: l.file, line: l.line, what };
  };
  const findings: SarifFinding[] = report.changes.map((c) => {
    const stale = c.kind === 'translation-stale';
    const places = stale
      ? [place(c.laggingLocation, report.new, `the ${c.lang} ${c.field}, unchanged`), place(c.newLocation, report.new, `the ${c.changedLang} ${c.field}, changed`)]
      : [place(c.newLocation, report.new, 'new'), place(c.oldLocation, report.old, 'old')];
    return {
      ruleId: c.kind,
      level: SARIF_LEVEL[c.severity],
      message: c.message,
      fingerprint: c.fingerprint,
      places: places.filter((p): p is SarifPlace => p !== null),
      properties: {
        catalog: c.catalog,
        errorCode: c.errorCode,
        ...(c.lang !== undefined ? { lang: c.lang } : {}),
        ...(c.field !== undefined ? { field: c.field } : {}),
        ...(c.changedLang !== undefined ? { changedLang: c.changedLang } : {}),
      },
    };
  });
  return sarifLog({ category: 'errcat/diff/', version, rules: DIFF_SARIF_RULES, findings, inRepository });
}
