/**
 * What the message rules need to read a message like a translator: which script it is written in,
 * and which words two messages differ in.
 */
import { codePointBefore, codeUnits, isDigit, isLatinScript, isLetter, isLetterOrDigit, isLowerCase, isUpperCase } from '../../code-points';

export type Script = 'Han' | 'Latin' | 'other' | 'none' | 'mixed';

/** Two thirds of a message's words in one script make it a message in that script. */
const PREDOMINANT = 2 / 3;

/**
 * The script of a message, decided by its words. Chinese has no spaces between words: each Han
 * character counts as half a word (a Chinese word is one to three characters, most often two); a run
 * of other letters counts as one word in the script of its first letter. Digits, punctuation, text in
 * backticks and identifiers (a token with a digit, `_` or an inner `.`, camelCase, or all capitals like
 * `VPC`) are not words of any language, so `CCI.02.409101` or `project_id` in a Chinese sentence does
 * not make it English; a plain word such as `namespace` counts, but a Chinese sentence outweighs it.
 * A message with no words is `none`; one where no script has two thirds of the words is `mixed`,
 * and the message rules compare it with nothing (conservative: it is neither side's wording alone).
 */
export function messageScript(text: string): Script {
  let script = scripts.get(text);
  if (script === undefined) {
    // Bounded: a large build reads each text here a few times close together (pairing, then both
    // message rules), so a recent-texts cache is enough.
    if (scripts.size >= MAX_REMEMBERED) scripts.clear();
    script = scriptOf(text);
    scripts.set(text, script);
  }
  return script;
}

/**
 * Texts whose script is known: the pairing and the two message rules each ask for every message,
 * and each reading normalises the text and reads it a word at a time.
 */
const scripts = new Map<string, Script>();
const MAX_REMEMBERED = 10_000;

function scriptOf(text: string): Script {
  let han = 0;
  let latin = 0;
  let other = 0;
  for (const match of text.normalize('NFKC').replace(/`[^`]*`/g, ' ').matchAll(/(\p{Script=Han}+)|[^\s\p{Script=Han}]+/gu)) {
    if (match[1]) {
      for (const _ of match[1]) han += 0.5;
      continue;
    }
    const first = wordStart(match[0]);
    if (first === null) continue;
    if (isLatinScript(first)) latin++;
    else other++;
  }
  const total = han + latin + other;
  if (total === 0) return 'none';
  if (han / total >= PREDOMINANT) return 'Han';
  if (latin / total >= PREDOMINANT) return 'Latin';
  if (other / total >= PREDOMINANT) return 'other';
  return 'mixed';
}

/**
 * The first code point of the word in a run of characters without spaces, or null when the run
 * holds no word. The word is the run from its first letter or digit to its last, if that holds a
 * letter and is no identifier: a digit or `_`, a `.` between letters or digits, a lower-case
 * letter before an upper-case one, or two or more capitals alone. Read a code point at a time, not
 * with patterns: every Unicode class in a pattern costs V8 about a millisecond to compile for
 * Chinese text, and those patterns took ~10 ms of a seeds build.
 */
function wordStart(run: string): number | null {
  let start = 0;
  let end = run.length;
  while (start < end && !isLetterOrDigit(run.codePointAt(start)!)) start += codeUnits(run.codePointAt(start)!);
  while (end > start && !isLetterOrDigit(codePointBefore(run, end, start))) end -= codeUnits(codePointBefore(run, end, start));
  let letters = 0;
  let capitals = 0;
  let points = 0;
  let previous = -1;
  for (let i = start; i < end; previous = run.codePointAt(i)!, i += codeUnits(previous)) {
    const cp = run.codePointAt(i)!;
    points++;
    if (cp === 0x5f || isDigit(cp)) return null;
    // Never the word's first or last character: those are letters or digits.
    if (cp === 0x2e && isLetterOrDigit(previous) && isLetterOrDigit(run.codePointAt(i + 1)!)) return null;
    if (!isLetter(cp)) continue;
    letters++;
    if (!isUpperCase(cp)) continue;
    capitals++;
    if (isLowerCase(previous)) return null;
  }
  if (letters === 0 || (capitals === points && points >= 2)) return null;
  return run.codePointAt(start)!;
}

interface Token {
  start: number;
  end: number;
  key: string;
}

/** Words: each Han character alone, or a run of other letters and digits. */
const WORD = /\p{Script=Han}|[^\s\p{P}\p{S}\p{Script=Han}]+/gu;
/** Words and each punctuation mark or symbol. */
const WORD_OR_MARK = /\p{Script=Han}|[^\s\p{P}\p{S}\p{Script=Han}]+|[\p{P}\p{S}]/gu;
/** The longest span shown of each side; a longer one ends in an ellipsis. */
const MAX_SPAN = 60;

/**
 * The shortest span of each message that holds every difference: the words of both, compared as
 * `fold` sees them, trimmed of the words they start and end with in common; when the words are all
 * the same, the same with punctuation marks. A side with nothing left (a word only the other has)
 * takes the word before it on both sides (or after it, at the start), so the report reads
 * `"cannot be deleted" vs "cannot be deleted now"` rather than `"" vs "now"`. Linear in the texts.
 */
export function differingWords(a: string, b: string, fold: (text: string) => string): [string, string] {
  for (const pattern of [WORD, WORD_OR_MARK]) {
    const x = tokens(a, pattern, fold);
    const y = tokens(b, pattern, fold);
    let head = 0;
    while (head < x.length && head < y.length && x[head]!.key === y[head]!.key) head++;
    let tail = 0;
    while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail]!.key === y[y.length - 1 - tail]!.key) tail++;
    if (head === x.length && head === y.length) continue;
    if (head === x.length - tail || head === y.length - tail) {
      if (head > 0) head--;
      else if (tail > 0) tail--;
    }
    return [span(a, x, head, x.length - tail), span(b, y, head, y.length - tail)];
  }
  return [clip(a), clip(b)];
}

/** The words of a message as `fold` sees them (each Han character a word): what the pairing compares. */
export function foldedWords(text: string, fold: (text: string) => string): string[] {
  return [...fold(text).matchAll(WORD)].map((m) => m[0]);
}

function tokens(text: string, pattern: RegExp, fold: (text: string) => string): Token[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, key: fold(m[0]) }));
}

function span(text: string, tokens: Token[], from: number, to: number): string {
  if (from >= to) return '';
  return clip(text.slice(tokens[from]!.start, tokens[to - 1]!.end));
}

/** A text on one line, cut to {@link MAX_SPAN} characters with an ellipsis: for quoting page text in a message. */
export function clip(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > MAX_SPAN ? `${chars.slice(0, MAX_SPAN - 1).join('')}\u2026` : chars.join('');
}
