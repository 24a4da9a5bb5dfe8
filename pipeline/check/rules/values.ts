import type { Field } from '../../normalize/columns';
import type { SourceRow } from '../../normalize';
import type { Finding, Rule, RuleContext } from '../rule';
import { sharedRows, variantRows } from '../rule';
import { compareStated, type StatedText } from '../values/compare';
import { extractValues, type StatedValue } from '../values/extract';
import { foldTypography } from './message';

/** The fields whose texts state values (a module name may hold a product name or a version). */
const FIELDS: readonly Field[] = ['message', 'description', 'measure', 'module'];

interface Difference {
  code: string;
  field: Field;
  rows: [SourceRow, SourceRow];
  texts: [string, string];
  mismatch: [StatedValue[], StatedValue[]];
  missing: [StatedValue[], StatedValue[]];
}

/**
 * Each variant's field compared between the primary language and each other language, once per
 * check run (both rules read it). Texts equal but for typography state the same values.
 */
function differences(context: RuleContext): Difference[] {
  let found = made.get(context);
  if (found) return found;
  found = [];
  const stated = new WeakMap<SourceRow, StatedText[]>();
  const statedIn = (row: SourceRow) => {
    let texts = stated.get(row);
    if (!texts) stated.set(row, (texts = FIELDS.map((f) => ({ text: row.values[f] ?? '', values: extractValues(row.values[f] ?? '') }))));
    return texts;
  };
  for (const code of context.merged.byCode.keys()) {
    const shared = sharedRows(context, code);
    for (const [primary, ...others] of variantRows(context, code)) {
      // A row standing for several states the values of them all, each covered row only its own:
      // compared one by one they would differ where nothing is wrong (variant-group reports the group).
      if (shared.has(primary!) || others.some((row) => shared.has(row))) continue;
      for (const other of others) {
        FIELDS.forEach((field, i) => {
          const a = primary!.values[field] ?? '';
          const b = other.values[field] ?? '';
          if (a === b || foldTypography(a) === foldTypography(b)) return;
          const aRow = statedIn(primary!);
          const bRow = statedIn(other);
          if (aRow[i]!.values.length + bRow[i]!.values.length === 0) return;
          const { mismatch, missing } = compareStated(aRow[i]!, bRow[i]!, aRow, bRow);
          if (mismatch[0].length + missing[0].length + missing[1].length === 0) return;
          found!.push({ code, field, rows: [primary!, other], texts: [a, b], mismatch, missing });
        });
      }
    }
  }
  made.set(context, found);
  return found;
}

const made = new WeakMap<RuleContext, Difference[]>();

const listed = (values: StatedValue[]) => values.map((v) => `"${v.text}"`).join(', ');
const at = (row: SourceRow) => `${row.file}:${row.line}`;

export const valueMismatch: Rule = {
  id: 'value-mismatch',
  defaultSeverity: 'warning',
  summary:
    'A variant\'s message, description, measure or module states a value in both languages, differently: a number (range, limit, size, duration, status), identifier, placeholder, URL or literal, compared after normalising its spelling.',
  template: '{code}: the {field} states {valuesA} in {a} ({fileA}) but {valuesB} in {b} ({fileB})',
  check(context) {
    const findings: Finding[] = [];
    for (const d of differences(context)) {
      const [x, y] = d.mismatch;
      if (x.length === 0) continue;
      const [rowA, rowB] = d.rows;
      findings.push({
        errorCode: d.code,
        params: { code: d.code, field: d.field, a: rowA.lang, b: rowB.lang, valuesA: listed(x), valuesB: listed(y), fileA: at(rowA), fileB: at(rowB) },
        rows: d.rows,
        texts: { [rowA.lang]: d.texts[0], [rowB.lang]: d.texts[1] },
        identity: [d.field, rowA.lang, rowB.lang, ...x.map((v) => v.text), '|', ...y.map((v) => v.text)],
      });
    }
    return findings;
  },
};

export const valueMissing: Rule = {
  id: 'value-missing',
  defaultSeverity: 'info',
  summary: "One language's message, description, measure or module states a value (as value-mismatch reads them) that the other language's row does not state at all.",
  template: '{code}: the {field} in {lang} ({file}) states {values}; the {other} row ({otherFile}) does not',
  check(context) {
    const findings: Finding[] = [];
    for (const d of differences(context)) {
      d.missing.forEach((values, side) => {
        if (values.length === 0) return;
        const row = d.rows[side]!;
        const otherRow = d.rows[1 - side]!;
        findings.push({
          errorCode: d.code,
          params: { code: d.code, field: d.field, lang: row.lang, file: at(row), values: listed(values), other: otherRow.lang, otherFile: at(otherRow) },
          rows: d.rows,
          texts: { [d.rows[0].lang]: d.texts[0], [d.rows[1].lang]: d.texts[1] },
          identity: [d.field, row.lang, otherRow.lang, ...values.map((v) => v.text)],
        });
      });
    }
    return findings;
  },
};
