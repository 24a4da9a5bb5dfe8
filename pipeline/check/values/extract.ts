/**
 * The values a text states, the way a consumer of an error table reads them: numbers (ranges,
 * limits, sizes, durations, statuses) with their unit, identifiers, placeholders, URLs and other
 * literals (IP addresses, versions, times). Each value carries a key that is the same for the same
 * value however it is written: full-width forms (NFKC), thousands separators, number words in
 * English and Chinese, unit spellings, a placeholder's name. One pass of one regular expression
 * over the text; every part of it is linear in the text (see test/compile/values.test.ts).
 */
import { CHINESE_COUNTERS, chineseNumber, ENGLISH_NUMBERS, ENGLISH_TIMES, unitAfter, unitOf, unitWordAfter } from './vocabulary';

export type ValueKind = 'number' | 'identifier' | 'slot' | 'url' | 'literal';

export interface StatedValue {
  kind: ValueKind;
  /** What is compared: the number, an identifier's lower-case words run together, a URL without its scheme. */
  key: string;
  /** The value as written (after NFKC), a whole range or interval for each of its bounds. */
  text: string;
  /** A number's canonical unit (`MB`, `day`), when one is written. */
  unit?: string;
  /** An identifier's words, lower case (`port_id` → port, id): for finding it written as plain words. */
  words?: string[];
  /**
   * A number word that is as often no number at all (`one of the`, `一个` for "a"): it confirms the
   * other language's value but never reports one of its own.
   */
  soft?: boolean;
  /**
   * A PascalCase word, as often a product name (`OpenStack`, `IaaS`) as an identifier: a near
   * spelling of it is a mismatch (`PlatformPrincipal` / `PlatformPrinciple`), its absence is not news.
   */
  product?: boolean;
}

/** Not inside a Latin word or a code (`UTF-8`, `DCS.4072`, `v1`), nor a later item of a comma list taken whole. */
const NUMBER_START = '(?<![A-Za-z0-9_.]|[A-Za-z_]-|\\d,)';
const NUMBER_END = '(?![A-Za-z0-9_])';
const DIGITS = '\\d+(?:\\.\\d+)?';
/** Digits with commas: thousands separators (`8,192`) or a list (`0,1`), told apart afterwards. */
const GROUPED = `${DIGITS}(?:,${DIGITS})*`;
const RANGE_SEPARATOR = '[-~\\u2010-\\u2015\\u2212\\u301c\\uff5e至到]';

/**
 * Each part of the scanner by name, so a test can check each for backtracking on its own (with a
 * short list of number words: the full alternation has more positions than the check takes).
 */
export function scannerParts(numberWords: readonly string[]): Record<string, string> {
  return {
    // The characters of RFC 3986 but the quote: a URL ends where Chinese text or a quote begins.
    url: 'https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&()*+,;=%]+',
    slot: '\\{(?:\\d{1,2}|[A-Za-z_\\u4e00-\\u9fff][A-Za-z0-9_ \\u4e00-\\u9fff]{0,40})\\}|%(?:\\d\\$)?[sdif](?![A-Za-z])|#[A-Za-z_][A-Za-z0-9_]{0,40}#|\\[[Ii]nput[^\\]\\n]{0,60}\\]',
    code: '`[A-Za-z0-9_][A-Za-z0-9_.:/-]{0,63}`',
    literal: `${NUMBER_START}(?:\\d{1,9}(?:\\.\\d{1,9}){2,5}(?:/\\d{1,2})?|\\d{1,2}:\\d{2}(?::\\d{2})?)${NUMBER_END}`,
    interval: `[\\[(] ?${DIGITS} ?, ?${DIGITS} ?[\\])]`,
    // Its unit is read after the scan (see unitAfter).
    number: `${NUMBER_START}${GROUPED}(?: ?${RANGE_SEPARATOR} ?${GROUPED})?(?![0-9_])`,
    englishNumber: `\\b(?:${numberWords.map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|')})\\b(?!-)`,
    chineseNumber: `(?<!第)(?:[一二三四五六七八九十]{1,3}|两)(?:${CHINESE_COUNTERS})`,
    identifier: '(?<![A-Za-z0-9_])(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)(?![A-Za-z0-9_])',
  };
}

const SCANNER = new RegExp(Object.entries(scannerParts([...ENGLISH_NUMBERS, ...Object.keys(ENGLISH_TIMES)])).map(([name, source]) => `(?<${name}>${source})`).join('|'), 'g');

/** A string, not a literal: the bundle must stay ASCII (see vocabulary.ts). */
const CHINESE_NUMERAL_PREFIX = new RegExp('^[一二三四五六七八九十两]+');
const DIGITS_IN_INTERVAL = /\d+(?:\.\d+)?/g;
const NUMBER_IN_MATCH = /\d+(?:\.\d+)?(?:,\d+(?:\.\d+)?)*/g;
const IDENTIFIER_WORDS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;
/** Trailing punctuation is the sentence's, not the URL's. */
const URL_TAIL = /[.,;:!?)\]}'"]+$/;

/** Every value `text` states, in order. */
export function extractValues(text: string): StatedValue[] {
  const values: StatedValue[] = [];
  if (text === '') return values;
  const normalized = text.normalize('NFKC');
  // exec, not matchAll: matchAll copies the scanner (a new RegExp) at every call, which cost a
  // seeds build's thousand calls twice what scanning their text did.
  SCANNER.lastIndex = 0;
  for (let match = SCANNER.exec(normalized); match !== null; match = SCANNER.exec(normalized)) {
    // No part of the scanner matches nothing; were one to, step past it rather than loop for ever.
    if (match[0] === '') {
      SCANNER.lastIndex++;
      continue;
    }
    const groups = match.groups!;
    const written = match[0];
    if (groups.url !== undefined) {
      const url = written.replace(URL_TAIL, '');
      values.push({ kind: 'url', key: urlKey(url), text: url });
    } else if (groups.slot !== undefined) {
      values.push({ kind: 'slot', key: 'slot', text: written });
    } else if (groups.code !== undefined) {
      values.push(identifier(written.slice(1, -1), written));
    } else if (groups.literal !== undefined) {
      values.push({ kind: 'literal', key: written, text: written });
    } else if (groups.interval !== undefined) {
      const bounds = [...written.matchAll(DIGITS_IN_INTERVAL)].map(([bound]) => number(Number(bound), written, undefined, false));
      lowerBoundZero(bounds);
      values.push(...bounds);
    } else if (groups.number !== undefined) {
      values.push(...numbers(normalized, match.index, written));
    } else if (groups.englishNumber !== undefined) {
      const lower = written.toLowerCase();
      const times = Object.hasOwn(ENGLISH_TIMES, lower);
      const n = times ? ENGLISH_TIMES[lower]! : ENGLISH_NUMBERS.indexOf(lower);
      const after = unitWordAfter(normalized, match.index + written.length);
      const text = normalized.slice(match.index, match.index + written.length + after.length);
      values.push(number(n, text, times ? 'times' : after.unit, n === 1));
    } else if (groups.chineseNumber !== undefined) {
      const numeral = CHINESE_NUMERAL_PREFIX.exec(written)![0];
      const n = chineseNumber(numeral);
      if (n !== undefined) values.push(number(n, written, unitOf(written.slice(numeral.length), false), n === 1));
    } else if (groups.identifier !== undefined) {
      values.push(identifier(written, written));
    }
  }
  return values;
}

/**
 * The numbers of a number match (`digits`, at `at` in `text`): one, or both bounds of a range, each
 * with the unit written after the last; none when letters that are no unit follow (`3DES`).
 */
function numbers(text: string, at: number, digits: string): StatedValue[] {
  if (listNumber(text, at, digits)) return [];
  const after = unitAfter(text, at + digits.length);
  if (after.partOfWord) return [];
  const written = text.slice(at, at + digits.length + after.length);
  const groups = [...digits.matchAll(NUMBER_IN_MATCH)].map(([group]) => {
    const parts = group.split(',');
    // 8,192 is one number; 0,1 is a list.
    const thousands = parts.length > 1 && parts[0]!.length <= 3 && !parts[0]!.includes('.') && parts.slice(1).every((p, i) => /^\d{3}$/.test(p) || (i === parts.length - 2 && /^\d{3}\.\d+$/.test(p)));
    return (thousands ? [parts.join('')] : parts).map((part) => number(Number(part) * after.scale, written, after.unit, false));
  });
  // Two groups are a range's bounds (`0-1024`), one group a number or a list.
  if (groups.length === 2 && groups[0]!.length === 1) lowerBoundZero([groups[0]![0]!, groups[1]![0]!]);
  return groups.flat();
}

/**
 * Whether the digits open a list item: `1.`, `1)`, `(1)` or `1、` at the start of the text, of a
 * line or of a sentence (`。`, `.`, `;`, `:`, `!`, `?` before it, spaces between); `1、` after a
 * space too (a list of values reads `1、2、3`). A position in a list, not a value.
 */
function listNumber(text: string, at: number, digits: string): boolean {
  if (digits.length > 2 || !/^\d+$/.test(digits)) return false;
  const mark = text[at + digits.length];
  if (mark !== '.' && mark !== ')' && mark !== '\u3001') return false;
  let start = text[at - 1] === '(' ? at - 1 : at;
  const spaces = start;
  while (start > 0 && spaces - start < 3 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start === 0 || LIST_OPENERS.includes(text[start - 1]!)) return true;
  return mark === '\u3001' && start < spaces;
}

const LIST_OPENERS = '\n.\u3002;:!?';

/** `0-1024` says what "at most 1024" says: a range's lower bound 0 confirms, it is not stated. */
function lowerBoundZero(bounds: StatedValue[]): void {
  if (bounds.length === 2 && bounds[0]!.key === '0') bounds[0]!.soft = true;
}

function number(n: number, text: string, unit: string | undefined, soft: boolean): StatedValue {
  return { kind: 'number', key: String(n), text, ...(unit !== undefined ? { unit } : {}), ...(soft ? { soft } : {}) };
}

function identifier(name: string, text: string): StatedValue {
  const words = (name.match(IDENTIFIER_WORDS) ?? []).map((w) => w.toLowerCase());
  const product = /^[A-Z][a-z]/.test(name) && !name.includes('_');
  return { kind: 'identifier', key: words.length > 0 ? words.join('') : name.toLowerCase(), text, words, ...(product ? { product } : {}) };
}

function urlKey(url: string): string {
  return url.toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
}
