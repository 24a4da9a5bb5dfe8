/**
 * dist/<catalog>/index.html: the review page doc writers open in a browser. Every code (every
 * variant) with both languages side by side and each text's file:line; each row marked with the
 * divergence rules that concern it; in a message mismatch the differing characters marked, a
 * punctuation-only difference apart from a wording one. Filters (search, rule, severity, language
 * presence) live in the URL hash, so a link shares the view; without JavaScript every row shows.
 */
import { RULES } from '../../check';
import { variantsOf } from '../../merge';
import type { Catalog, CatalogEntry, LocalizedText, Variant } from '../../generated/catalog';
import type { Divergence, DivergenceReport } from '../../generated/divergences';
import { h, type Element } from './hast';
import { filterForm, lines, markedPair, renderPage, serialized, written, type ElementBuilder, type Serialize, wordingOrPunct, type ElementContent } from './page';

const SEVERITIES = ['error', 'warning', 'info'] as const;
const MESSAGE_RULES: Record<string, string> = { 'message-mismatch': 'wording', 'message-punctuation': 'punct' };

interface VariantRow {
  entry: CatalogEntry;
  variant: Variant;
  index: number;
  count: number;
  divergences: Divergence[];
}

export function emitReviewPage(catalog: Catalog, report: DivergenceReport, serialize?: Serialize): string {
  const rows = variantRows(catalog, report);
  const unattached = report.divergences.filter((d) => d.errorCode === undefined);
  const variants = rows.length;
  const present = (rule: string) => report.divergences.some((d) => d.rule === rule);
  const severities = SEVERITIES.filter((s) => report.divergences.some((d) => d.severity === s));
  const title = `errcat review: ${catalog.catalog}`;
  // A chip counts the table rows its filter shows, not divergences: one row may carry several
  // divergences of a rule (a code's identical repeats and its contradicting rows, both duplicate-code).
  const rowsShown = (concerns: (d: Divergence) => boolean) =>
    rows.filter((r) => r.divergences.some(concerns)).length + unattached.filter(concerns).length;

  const header: ElementContent[] = [
    h('h1', title),
    h('p', { className: ['sources'] }, [
      'Pages: ',
      ...catalog.languages.flatMap((lang, i) => [i > 0 ? ' · ' : '', `${lang} `, h('code', catalog.sources[lang] ?? '')]),
      `. Primary language: ${catalog.primaryLanguage}.`,
    ]),
    h('p', { className: ['summary'] },
      `${catalog.entries.length} entries${variants > catalog.entries.length ? ` (${variants} variants)` : ''}, ${report.divergences.length} divergences.`),
    h('ul', { className: ['counts'], ariaLabel: 'Rows by rule and by severity; each count filters the table to those rows' }, [
      h('li', h('a', { href: '#' }, `all ${rows.length + unattached.length} rows`)),
      ...RULES.filter((r) => present(r.id)).map((r) => {
        const found = report.divergences.filter((d) => d.rule === r.id);
        const sev = SEVERITIES.filter((s) => found.some((d) => d.severity === s)).join('/');
        return h('li', h('a', { href: `#rule=${r.id}`, title: r.summary }, [`${r.id} `, h('b', String(rowsShown((d) => d.rule === r.id))), ` (${sev})`]));
      }),
      ...severities.map((s) =>
        h('li', h('a', { href: `#severity=${s}` }, [h('span', { className: ['sev', s] }, s), ' ', h('b', String(rowsShown((d) => d.severity === s)))])),
      ),
    ]),
    h('p', { className: ['legend'] }, [
      'In a message that differs between languages: ',
      h('mark', { className: ['wording'] }, 'wording'),
      ' differs, or only ',
      h('mark', { className: ['punct'] }, 'punctuation or spacing'),
      '.',
    ]),
    ...filterForm(
      [
        { name: 'rule', label: 'Rule', options: RULES.filter((r) => present(r.id)).map((r) => [r.id, r.id]) },
        { name: 'severity', label: 'Severity', options: severities.map((s) => [s, s]) },
        ...(catalog.languages.length > 1
          ? [{ name: 'only', label: 'Languages', options: catalog.languages.map((l): [string, string] => [l, `only in ${l}`]) }]
          : []),
      ],
      rows.length + unattached.length,
    ),
  ];

  const columns = ['Code', 'Status', ...catalog.languages.map((l) => `${l}`), 'Divergences'];
  const table = h('table', { id: 'codes' }, [
    h('caption', `Every code of ${catalog.catalog}, one row per variant`),
    h('thead', h('tr', columns.map((c) => h('th', { scope: 'col' }, c)))),
    // Rows are written as they are built (a page may have thousands); with a reference serialiser
    // (tests) they are built as trees and serialised by it.
    h('tbody', lines(rows.map((row) => (serialize ? serialized(codeRow(catalog, row, h) as Element, serialize) : codeRow(catalog, row, written))))),
  ]);
  const body: ElementContent[] = [...header, table];
  if (unattached.length > 0) {
    body.push(
      h('h2', { id: 'without-code' }, 'Findings without a code'),
      h('table', { id: 'findings' }, [
        h('caption', 'Rows left out of the catalog and columns that map to no field'),
        h('thead', h('tr', ['Rule', 'Where', 'Finding'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', lines(unattached.map((d) => findingRow(d)))),
      ]),
    );
  }
  return renderPage(title, body, serialize);
}

/** Every variant of every entry, each with the divergences found on its rows. */
function variantRows(catalog: Catalog, report: DivergenceReport): VariantRow[] {
  const byCode = new Map<string, Divergence[]>();
  for (const d of report.divergences) {
    if (d.errorCode === undefined) continue;
    const list = byCode.get(d.errorCode);
    if (list) list.push(d);
    else byCode.set(d.errorCode, [d]);
  }
  const rows: VariantRow[] = [];
  for (const entry of catalog.entries) {
    const variants = variantsOf(entry);
    const found = variants.map((): Divergence[] => []);
    const divergences = byCode.get(entry.errorCode) ?? [];
    // Variants by the rows they hold (a covering row is in several): a code listed thousands of
    // times with a finding naming every row is looked up, not scanned once per location.
    const holding = new Map<string, number[]>();
    if (divergences.length > 0) {
      variants.forEach((v, index) => {
        for (const lang of Object.keys(v.texts)) {
          const key = `${lang}\u0000${v.texts[lang]!.line}`;
          const list = holding.get(key);
          if (list) list.push(index);
          else holding.set(key, [index]);
        }
      });
    }
    for (const d of divergences) {
      // A divergence belongs to every variant whose rows it names (contradicting rows are several
      // variants); else (a collapsed repeat) to the first.
      const named = new Set<number>();
      for (const loc of d.locations) for (const index of holding.get(`${loc.lang}\u0000${loc.line}`) ?? []) named.add(index);
      if (named.size === 0) named.add(0);
      for (const index of [...named].sort((a, b) => a - b)) found[index]!.push(d);
    }
    variants.forEach((variant, index) => rows.push({ entry, variant, index, count: variants.length, divergences: found[index]! }));
  }
  return rows;
}

function codeRow(catalog: Catalog, row: VariantRow, el: ElementBuilder): ElementContent {
  const { variant, divergences } = row;
  const langs = catalog.languages.filter((l) => variant.texts[l]);
  const rules = [...new Set(divergences.map((d) => d.rule))];
  const severities = SEVERITIES.filter((s) => divergences.some((d) => d.severity === s));
  // Marks in the messages, from the message rules' texts (primary language first).
  const marks = new Map<string, ElementContent[]>();
  for (const d of divergences) {
    const kind = MESSAGE_RULES[d.rule];
    const [a, b] = Object.keys(d.texts ?? {});
    if (!kind || a === undefined || b === undefined) continue;
    const [x, y] = markedPair(d.texts![a]!, d.texts![b]!, kind === 'wording' ? wordingOrPunct : kind, undefined, el);
    if (!marks.has(a)) marks.set(a, x);
    marks.set(b, y);
  }
  const status = variant.httpStatuses?.join(', ') ?? (variant.httpStatus === null ? '—' : String(variant.httpStatus));
  return el(
    'tr',
    {
      dataRow: '',
      dataCode: row.entry.errorCode,
      dataRule: rules.join(' '),
      dataSeverity: severities.join(' '),
      ...(catalog.languages.length > 1 && langs.length === 1 ? { dataOnly: langs[0] } : {}),
      className: severities.length > 0 ? [`has-${severities[0]}`] : undefined,
    },
    [
      el('th', { scope: 'row' }, [el('code', row.entry.errorCode), ...(row.count > 1 ? [el('span', { className: ['variant'] }, `variant ${row.index + 1} of ${row.count}`)] : [])]),
      el('td', status),
      ...catalog.languages.map((lang) => textCell(catalog, lang, variant.texts[lang], marks.get(lang), el)),
      el('td', divergences.length === 0 ? [] : el('ul', { className: ['findings'] }, divergences.map((d) => el('li', [el('span', { className: ['sev', d.severity] }, d.severity), ` ${d.rule}: `, d.message])))),
    ],
  );
}

function textCell(catalog: Catalog, lang: string, text: LocalizedText | undefined, messageMarks: ElementContent[] | undefined, el: ElementBuilder): ElementContent {
  if (!text) return el('td', { className: ['absent'], lang: 'en' }, `not documented in ${lang}`);
  const field = (label: string, value: string | null, content?: ElementContent[]) =>
    value === null ? [] : [el('dt', label), el('dd', { className: [label] }, content ?? value)];
  // A page's own status shows only where it differs from the Status column (the primary language's won).
  const ownStatus = text.httpStatus === undefined ? null : (text.httpStatuses?.join(', ') ?? (text.httpStatus === null ? '—' : String(text.httpStatus)));
  return el('td', { lang }, [
    el('dl', { className: ['texts'] }, [
      ...field('module', text.module),
      ...field('status', ownStatus),
      ...field('message', text.message, messageMarks),
      ...field('description', text.description),
      ...field('measure', text.measure),
      ...Object.entries(text.extra ?? {}).flatMap(([header, value]) => field(header, value ?? null)),
    ]),
    el('span', { className: ['loc'] }, el('code', `${catalog.sources[lang] ?? ''}:${text.line}`)),
  ]);
}

function findingRow(d: Divergence): Element {
  return h('tr', { dataRow: '', dataRule: d.rule, dataSeverity: d.severity, className: [`has-${d.severity}`] }, [
    h('th', { scope: 'row' }, [h('span', { className: ['sev', d.severity] }, d.severity), ` ${d.rule}`]),
    h('td', d.locations.map((loc, i) => [i > 0 ? ', ' : '', h('code', `${loc.file}:${loc.line}`)]).flat()),
    h('td', d.message),
  ]);
}
