/**
 * How much two rows of one code look like the same documented situation — the score the pairing of
 * languages (merge) and of versions (diff) assign by. Evidence for and against adds up: the same
 * status or status set, the same message (same script: its words; across scripts, where the words
 * cannot be compared, the numbers, identifiers, placeholders and URLs both carry), the same module,
 * a like description. A different status or a same-script message with nothing in common counts
 * against. Two rows whose score is below {@link PAIR_THRESHOLD} are never paired.
 */
import { foldTypography, sameScript } from '../check/rules/message';
import { foldedWords, messageScript, type Script } from '../check/rules/message-text';

/** What one side (a row, or one language of a variant) says of a code. */
export interface Said {
  statuses: readonly number[] | null;
  message: string | null | undefined;
  module: string | null | undefined;
  description: string | null | undefined;
}

/** Weights: an identical message outweighs an equal status, which outweighs an equal module. */
const STATUS_SAME = 2;
const STATUS_OVERLAP = 1;
const STATUS_DISJOINT = -1;
const MESSAGE_SAME = 4;
const SIGNALS_SHARED = 2;
const SIGNALS_DISJOINT = -0.5;
const MODULE_SAME = 1.5;
const DESCRIPTION_SAME = 1;

/**
 * Below this, two rows are different situations and stay unpaired: a different status and a
 * same-script message with no word in common (or numbers that all differ). A different status
 * alone is still a pair (the pages disagree on it: status-mismatch), as is a pair nothing tells apart.
 */
export const PAIR_THRESHOLD = -1;

/** A row that covers others holds at least this share of each one's words. */
const COVERED_SHARE = 0.8;

interface TextFeatures {
  script: Script;
  folded: string;
  words: string[];
  counts: Map<string, number>;
  /** The words, and each two neighbours joined (`project ID` also reads `projectid`). */
  wordsAndJoins: Set<string>;
  signals: Set<string>;
}

/**
 * What carries over translation unchanged: URLs, placeholders ({0}, %s, {name}, ${x}), text in
 * backticks, identifiers (snake_case, dotted, camelCase, all capitals) and numbers.
 */
const SIGNAL =
  /https?:\/\/[^\s<>"'`\uff0c\u3002\uff1b\uff09)]+|\$?\{[^{}\s]{0,40}\}|%[sdfi]|`([^`]{1,80})`|[A-Za-z0-9]+(?:[_.][A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*|(?<![A-Za-z])[A-Z]{2,}(?![A-Za-z])|[0-9]+(?:\.[0-9]+)*/g;

function signalsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.normalize('NFKC').matchAll(SIGNAL)) found.add((m[1] ?? m[0]).toLowerCase());
  return found;
}

/** Scores rows of one group; each text is read once however often it is compared. */
export class Likeness {
  private readonly read = new Map<string, TextFeatures>();

  private features(text: string): TextFeatures {
    let f = this.read.get(text);
    if (!f) {
      const words = foldedWords(text, foldTypography);
      const counts = new Map<string, number>();
      for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
      const wordsAndJoins = new Set(words);
      for (let k = 1; k < words.length; k++) wordsAndJoins.add(words[k - 1]! + words[k]!);
      f = { script: messageScript(text), folded: foldTypography(text), words, counts, wordsAndJoins, signals: signalsOf(text) };
      this.read.set(text, f);
    }
    return f;
  }

  /** How much `a` and `b` look like the same situation (see the weights above). */
  score(a: Said, b: Said): number {
    return statusScore(a.statuses, b.statuses) + this.textScore(a.message, b.message, MESSAGE_SAME, true) + this.moduleScore(a.module, b.module) + this.textScore(a.description, b.description, DESCRIPTION_SAME, false);
  }

  private moduleScore(a: string | null | undefined, b: string | null | undefined): number {
    if (!a || !b) return 0;
    const x = this.features(a);
    const y = this.features(b);
    return sameScript(x.script, y.script) && x.folded === y.folded ? MODULE_SAME : 0;
  }

  /**
   * Same script: `weight` when equal but for typography, else the words' likeness (Dice) scaled to
   * `weight` − 1, and for a message one point less, so a message with no word in common counts
   * against. Across scripts: the share of signals both carry.
   */
  private textScore(a: string | null | undefined, b: string | null | undefined, weight: number, isMessage: boolean): number {
    if (!a || !b) return 0;
    const x = this.features(a);
    const y = this.features(b);
    if (sameScript(x.script, y.script)) {
      if (x.folded === y.folded) return weight;
      const dice = diceOf(x, y);
      return isMessage ? weight * dice - 1 : (weight - 1) * dice;
    }
    if (x.signals.size === 0 || y.signals.size === 0) return 0;
    let shared = 0;
    for (const s of x.signals) if (y.signals.has(s)) shared++;
    if (shared === 0) return isMessage ? SIGNALS_DISJOINT : 0;
    const share = shared / (x.signals.size + y.signals.size - shared);
    return (isMessage ? SIGNALS_SHARED : weight) * share;
  }

  /**
   * Whether `wide` says all that `narrow` says and more: one row standing for several rows of the
   * other language (AOM's "The namespace or alarm name is invalid, or the project ID is left
   * blank." for "Invalid namespace.", "Projectid is left blank.", "Invalid alarm name."). Statuses
   * may not differ; in the same script `wide` holds at least {@link COVERED_SHARE} of `narrow`'s
   * words (of two at least; a plural holds its singular) and has more words; across scripts `narrow` carries signals and `wide`
   * carries them all and more. Conservative: a row with nothing to compare covers nothing.
   */
  covers(wide: Said, narrow: Said): boolean {
    if (wide.statuses && narrow.statuses && !wide.statuses.some((s) => narrow.statuses!.includes(s))) return false;
    if (!wide.message || !narrow.message) return false;
    const w = this.features(wide.message);
    const n = this.features(narrow.message);
    if (sameScript(w.script, n.script)) {
      const words = new Set(n.words);
      if (words.size < 2 || new Set(w.words).size <= words.size) return false;
      let held = 0;
      for (const word of words) if (holds(w.wordsAndJoins, word)) held++;
      return held / words.size >= COVERED_SHARE;
    }
    if (n.signals.size === 0 || w.signals.size <= n.signals.size) return false;
    for (const s of n.signals) if (!w.signals.has(s)) return false;
    return true;
  }
}

/** Whether `words` hold `word`, an English plural and its singular being one word ("metrics", "metric"). */
function holds(words: ReadonlySet<string>, word: string): boolean {
  if (words.has(word)) return true;
  if (!/^[a-z]{3,}$/.test(word)) return false;
  return word.endsWith('s') ? words.has(word.slice(0, -1)) : words.has(`${word}s`);
}

function statusScore(a: readonly number[] | null, b: readonly number[] | null): number {
  if (!a || !b) return 0;
  const shared = a.filter((s) => b.includes(s)).length;
  if (shared === 0) return STATUS_DISJOINT;
  return shared === a.length && shared === b.length ? STATUS_SAME : STATUS_OVERLAP;
}

/** Dice's coefficient of two texts' word multisets: 1 for the same words, 0 for none shared. */
function diceOf(x: TextFeatures, y: TextFeatures): number {
  const total = x.words.length + y.words.length;
  if (total === 0) return 0;
  let shared = 0;
  for (const [word, count] of x.counts) shared += Math.min(count, y.counts.get(word) ?? 0);
  return (2 * shared) / total;
}
