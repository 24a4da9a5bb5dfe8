/**
 * Whether two languages' texts of one field state the same values. A value one side states is
 * confirmed when the other side states it too — in the same field, or in another field of its row
 * (doc writers move a limit from the description to the measure) — however it is written: a
 * number with the same value and no conflicting unit, an identifier with the same words or written
 * as plain words (`port_id` / "port ID"), any placeholder for a placeholder, a number word for a
 * number. What is left unconfirmed on both sides, of one kind and comparable, is a mismatch; the
 * rest is missing from one side. Precision first: anything in doubt is missing, never a mismatch.
 */
import { editDistance } from '../../edit-distance';
import type { StatedValue } from './extract';

/** A field's text in one language with the values it states. */
export interface StatedText {
  text: string;
  values: StatedValue[];
}

export interface ValueDifference {
  /** Values both sides state differently: each side's, unconfirmed by the other, with a comparable counterpart there. */
  mismatch: [StatedValue[], StatedValue[]];
  /** Values one side states that the other does not state at all (or not comparably): each side's. */
  missing: [StatedValue[], StatedValue[]];
}

/**
 * Compares side a's field with side b's. `aRow` and `bRow` are every field of each side's row
 * (the field itself included): a value stated anywhere in the other row is not missing from it.
 * Linear in the values: each text's values are looked up by key, never value against value.
 */
export function compareStated(a: StatedText, b: StatedText, aRow: StatedText[], bRow: StatedText[]): ValueDifference {
  // Left by the other side's same field, and of those, left by its whole row.
  const fieldLeftA = a.values.filter((v) => !v.soft && !confirms(b, v));
  const fieldLeftB = b.values.filter((v) => !v.soft && !confirms(a, v));
  const rowLeftA = new Set(fieldLeftA.filter((v) => !bRow.some((side) => confirms(side, v))));
  const rowLeftB = new Set(fieldLeftB.filter((v) => !aRow.some((side) => confirms(side, v))));
  // A pair states one thing two ways when at least one of the two is stated nowhere in the other row
  // (`8196` in the zh measure against `8,192` in the en one, though the zh description says 8192):
  // a value left by the other row is compared with all the other field leaves, any other value
  // only with what the other row leaves.
  const poolA = [candidates(fieldLeftA), candidates([...rowLeftA])] as const;
  const poolB = [candidates(fieldLeftB), candidates([...rowLeftB])] as const;
  let mismatchA = fieldLeftA.filter((x) => comparableIn(x, rowLeftA.has(x) ? poolB[0] : poolB[1]));
  let mismatchB = fieldLeftB.filter((y) => comparableIn(y, rowLeftB.has(y) ? poolA[0] : poolA[1]));
  // Numbers (URLs, literals) differ when one side replaces the other's, one for one (`1-20` /
  // `1-200`); a side with more of them says something more (`大于0` / `from 1 to 1000`): in doubt.
  for (const kind of ONE_FOR_ONE) {
    if (countOf(mismatchA, kind) === countOf(mismatchB, kind)) continue;
    mismatchA = mismatchA.filter((v) => v.kind !== kind);
    mismatchB = mismatchB.filter((v) => v.kind !== kind);
  }
  const missing = (left: Set<StatedValue>, mismatch: StatedValue[]) => {
    const reported = new Set(mismatch);
    return distinct([...left].filter((v) => !v.product && !reported.has(v)));
  };
  return { mismatch: [distinct(mismatchA), distinct(mismatchB)], missing: [missing(rowLeftA, mismatchA), missing(rowLeftB, mismatchB)] };
}

/** Kinds compared one for one; identifiers are compared by spelling instead. */
const ONE_FOR_ONE: readonly StatedValue['kind'][] = ['number', 'url', 'literal'];

/** Distinct values of a kind (a number with its unit). */
function countOf(values: StatedValue[], kind: StatedValue['kind']): number {
  return new Set(values.filter((v) => v.kind === kind).map((v) => `${v.key} ${v.unit ?? ''}`)).size;
}

/** A text's values by key, and its plain-word phrases, made once per text. */
interface Index {
  keys: Set<string>;
  /** Number → the units it is written with ('' for none). */
  numbers: Map<string, Set<string>>;
  slot: boolean;
  phrases?: Set<string>;
}

const indexes = new WeakMap<StatedText, Index>();

function indexOf(side: StatedText): Index {
  let index = indexes.get(side);
  if (!index) {
    index = { keys: new Set(), numbers: new Map(), slot: false };
    for (const v of side.values) {
      if (v.kind === 'slot') index.slot = true;
      else if (v.kind === 'number') {
        let units = index.numbers.get(v.key);
        if (!units) index.numbers.set(v.key, (units = new Set()));
        units.add(v.unit ?? '');
      } else index.keys.add(`${v.kind} ${v.key}`);
    }
    indexes.set(side, index);
  }
  return index;
}

/** Whether `side` states `value`: the same value however written, or an identifier as plain words. */
function confirms(side: StatedText, value: StatedValue): boolean {
  const index = indexOf(side);
  switch (value.kind) {
    case 'slot':
      return index.slot;
    case 'number': {
      // A number with no unit written agrees with any unit: `4-64` and `4 to 64 characters`.
      const units = index.numbers.get(value.key);
      return units !== undefined && (value.unit === undefined || units.has('') || units.has(value.unit));
    }
    case 'identifier':
      if (index.keys.has(`identifier ${value.key}`)) return true;
      index.phrases ??= phrases(side.text);
      return (value.words!.length <= MAX_PHRASE_WORDS && index.phrases.has(value.words!.join(' '))) || index.phrases.has(value.key);
    default:
      return index.keys.has(`${value.kind} ${value.key}`);
  }
}

/** An identifier of more words than this is looked for only as itself or run together. */
const MAX_PHRASE_WORDS = 4;

/**
 * The text's runs of one to {@link MAX_PHRASE_WORDS} Latin words or numbers, lower case
 * (`请输入port ID` → "port", "id", "port id"): an identifier written as plain words (`port_id` /
 * "port ID") or in another case (`MySQL` / "mysql") is one of them.
 */
function phrases(text: string): Set<string> {
  const words = text.normalize('NFKC').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let phrase = words[i]!;
    found.add(phrase);
    for (let k = 1; k < MAX_PHRASE_WORDS && i + k < words.length; k++) found.add((phrase = `${phrase} ${words[i + k]}`));
  }
  return found;
}

/** What unconfirmed values of one side a value of the other may be compared with. */
interface Candidates {
  numbers: { any: boolean; unitless: boolean; units: Set<string>; keys: Set<string> };
  /** Null when there are too many to compare each with each (then none is a mismatch: in doubt). */
  identifiers: StatedValue[] | null;
  hosts: Set<string>;
  shapes: Set<string>;
}

/** More unconfirmed identifiers than this in one field, and they are not compared letter by letter. */
const MAX_COMPARED_IDENTIFIERS = 16;

function candidates(values: StatedValue[]): Candidates {
  const found: Candidates = { numbers: { any: false, unitless: false, units: new Set(), keys: new Set() }, identifiers: [], hosts: new Set(), shapes: new Set() };
  for (const v of values) {
    if (v.kind === 'number') {
      found.numbers.any = true;
      if (v.unit === undefined) found.numbers.unitless = true;
      else found.numbers.units.add(v.unit);
      found.numbers.keys.add(v.key);
    } else if (v.kind === 'identifier') found.identifiers?.push(v);
    else if (v.kind === 'url') found.hosts.add(host(v));
    else if (v.kind === 'literal') found.shapes.add(shape(v));
  }
  if (found.identifiers!.length > MAX_COMPARED_IDENTIFIERS) found.identifiers = null;
  return found;
}

/**
 * Whether an unconfirmed value and one of the other side's state the same thing differently.
 * Numbers: any two whose units do not conflict, or one number in two units (`2 MB` / `2 GB`;
 * `1 day` / `24 hours` is in doubt). Identifiers: near spellings of one name (`platform_principal`
 * / `platform_principle`), not two different names (a text naming `saveDays`, the other `beginAt`,
 * is in doubt). URLs: the same host. Literals: the same shape (two times, two addresses).
 * Placeholders never differ.
 */
function comparableIn(x: StatedValue, pool: Candidates): boolean {
  switch (x.kind) {
    case 'number': {
      const n = pool.numbers;
      return n.any && (x.unit === undefined || n.unitless || n.units.has(x.unit) || n.keys.has(x.key));
    }
    case 'identifier':
      return pool.identifiers !== null && pool.identifiers.length <= MAX_COMPARED_IDENTIFIERS && pool.identifiers.some((y) => nearSpelling(x.key, y.key));
    case 'url':
      return pool.hosts.has(host(x));
    case 'literal':
      return pool.shapes.has(shape(x));
    default:
      return false;
  }
}

const host = (url: StatedValue) => url.key.split('/')[0]!;
const shape = (literal: StatedValue) => literal.key.replace(/\d+/g, '0');

/** Longest identifier compared letter by letter: the edit distance costs its length squared. */
const MAX_COMPARED_IDENTIFIER = 64;

/** At most one edit in five letters (two neighbours swapped are one), and the same first letter. */
function nearSpelling(x: string, y: string): boolean {
  if (x.length > MAX_COMPARED_IDENTIFIER || y.length > MAX_COMPARED_IDENTIFIER || x[0] !== y[0]) return false;
  const allowed = Math.floor(Math.min(x.length, y.length) / 5);
  if (allowed === 0 || Math.abs(x.length - y.length) > allowed) return false;
  return editDistance(x, y) <= allowed;
}

/** One value per text as written (a range's two bounds are one `1-20`). */
function distinct(values: StatedValue[]): StatedValue[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.text) && seen.add(v.text));
}
