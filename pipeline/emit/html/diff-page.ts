/**
 * `errcat diff --format html`: a version diff with the review page's look, for a pull request's
 * artifacts. Changes grouped by kind, old and new side by side with the changed characters marked,
 * the same filters (search, kind, severity) kept in the URL hash. Self-contained, like index.html.
 */
import { CHANGE_KINDS } from '../../diff';
import { countsLine, translatorsLine } from '../../diff/format';
import type { Change, DiffReport } from '../../generated/diff';
import { h } from './hast';
import { filterForm, lines, markedPair, renderPage, type Serialize, type Element, type ElementContent } from './page';

const where = (l: Change['oldLocation']): ElementContent => (l ? h('code', `${l.file}:${l.line}`) : { type: 'text', value: '—' });
const shown = (value: Change['old']): string => (value === undefined || value === null ? '—' : String(value));

export function formatHtml(report: DiffReport, serialize?: Serialize): string {
  const kinds = CHANGE_KINDS.filter((k) => report.counts[k.id]);
  const severities = (['breaking', 'warning', 'info'] as const).filter((s) => report.changes.some((c) => c.severity === s));
  const title = `errcat diff: ${report.old} → ${report.new}`;
  const body: ElementContent[] = [
    h('h1', 'errcat diff'),
    h('p', { className: ['sources'] }, [h('code', report.old), ' → ', h('code', report.new)]),
    h('p', { className: ['summary'] }, [`${report.changes.length} changes: ${countsLine(report)}. Version bump: `, h('b', report.bump), `${translatorsLine(report)}.`]),
    h('ul', { className: ['counts'], ariaLabel: 'Changes by kind; each count filters the tables' }, [
      h('li', h('a', { href: '#' }, `all ${report.changes.length} changes`)),
      ...kinds.map((k) => h('li', h('a', { href: `#kind=${k.id}`, title: k.summary }, [`${k.id} `, h('b', String(report.counts[k.id])), ` (${k.severity})`]))),
    ]),
    h('p', { className: ['legend'] }, ['Changed characters: ', h('mark', { className: ['old'] }, 'old'), ' → ', h('mark', { className: ['new'] }, 'new'), '.']),
    ...filterForm(
      [
        { name: 'kind', label: 'Kind', options: kinds.map((k) => [k.id, k.id]) },
        { name: 'severity', label: 'Severity', options: severities.map((s) => [s, s]) },
      ],
      report.changes.length,
    ),
  ];
  if (report.changes.length === 0) body.push(h('p', 'No change for consumers: the two versions say the same.'));
  for (const kind of kinds) {
    const changes = report.changes.filter((c) => c.kind === kind.id);
    body.push(
      h('h2', { id: kind.id }, [`${kind.id} (${changes.length}, `, h('span', { className: ['sev', kind.severity] }, kind.severity), ')']),
      h('p', kind.summary),
      h('table', [
        h('thead', h('tr', ['Code', 'Catalog', 'What', 'Old', 'New', 'Pages'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', lines(changes.map(changeRow))),
      ]),
    );
  }
  return renderPage(title, body, serialize);
}

function changeRow(c: Change): Element {
  let old: ElementContent[] = [{ type: 'text', value: shown(c.old) }];
  let next: ElementContent[] = [{ type: 'text', value: shown(c.new) }];
  if (typeof c.old === 'string' && typeof c.new === 'string') [old, next] = markedPair(c.old, c.new, 'old', 'new');
  return h('tr', { dataRow: '', dataKind: c.kind, dataSeverity: c.severity, className: c.severity === 'breaking' ? ['has-error'] : undefined }, [
    h('th', { scope: 'row' }, h('code', c.errorCode)),
    h('td', c.catalog),
    h('td', [c.field, c.lang].filter(Boolean).join(' ') || c.message),
    h('td', { className: ['value'] }, old),
    h('td', { className: ['value'] }, next),
    h('td', [where(c.oldLocation), ' → ', where(c.newLocation)]),
  ]);
}
