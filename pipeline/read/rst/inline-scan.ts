/**
 * Twin of docutils' Inliner patterns (as regular expressions in test/helpers/docutils-inline-
 * patterns.ts), kept: those patterns are quadratic on one name of many runs (`a-a-…-a_x`: 121 s
 * against 1.4 s at 80,000 characters, the benchmark's pathological table). Held equal to them by
 * test/read/inline-scan.test.ts.
 *
 * Where reStructuredText inline markup starts and ends, by docutils' Inliner rules: the start-string
 * prefix and end-string suffix contexts, simple names, roles and reference ends. These are the
 * regular expressions of docutils.parsers.rst.states.Inliner, matched by hand: as JavaScript
 * regular expressions they need Unicode property classes (\p{L}, \p{Ps}, …), and V8 took ~4 ms to
 * compile them at every start. Characters are classified by table for ASCII and by small property
 * patterns, compiled on first need (see ../../code-points), for anything else. A test holds every function here
 * equal to the regular-expression transcription of docutils' patterns on generated text.
 */

import { codePointAt, codePointBefore, codeUnits, propertyTest } from '../../code-points';

/** The first inline construct in a string, as docutils' `initial` pattern finds it. */
export type StartMatch =
  /** `**`, `*`, ``` `` ```, `` _` `` or `|`, followed by no whitespace. */
  | { kind: 'start'; index: number; start: string }
  /** `name_`, `name__` or `[label]_`, followed by an end-string suffix. */
  | { kind: 'whole'; index: number; length: number; refname?: string; refend?: string }
  /** An optional `:role:` and a backquote opening interpreted text. */
  | { kind: 'interpreted'; index: number; role: string };

/** An end-string: `index` relative to where the search began; `length` of the end-string itself. */
export interface EndMatch {
  index: number;
  length: number;
  role?: string;
  refend?: string;
}

export type EndKind = 'emphasis' | 'strong' | 'literal' | 'target' | 'substitution' | 'interpreted';

// ---- character classes ----

const WORD = 1; // \p{L} \p{N} \p{M}
const SPACE = 2; // JavaScript's \s
const OPENER = 4; // " ' ( < [ { and \p{Ps} \p{Pi} \p{Pf}
const CLOSER = 8; // " ' ) > ] } and \p{Pe} \p{Pi} \p{Pf}
const DELIMITER = 16; // - / : and non-ASCII \p{Pd} \p{Po} other than § ¶
const CLOSING_DELIMITER = 32; // \ . , ; ! ?

const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) ASCII[c]! |= WORD;
  if (/[\t\n\v\f\r ]/.test(ch)) ASCII[c]! |= SPACE;
  if (`"'(<[{`.includes(ch)) ASCII[c]! |= OPENER;
  if (`"')>]}`.includes(ch)) ASCII[c]! |= CLOSER;
  if ('-/:'.includes(ch)) ASCII[c]! |= DELIMITER;
  if ('\\.,;!?'.includes(ch)) ASCII[c]! |= CLOSING_DELIMITER;
}

const UNICODE_SPACES = new Set([0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);

const isWordCharacter = propertyTest('\\p{L}\\p{N}\\p{M}');
const isOpener = propertyTest('\\p{Ps}\\p{Pi}\\p{Pf}');
const isCloser = propertyTest('\\p{Pe}\\p{Pi}\\p{Pf}');
const isDelimiter = propertyTest('\\p{Pd}\\p{Po}');
const nonAsciiClasses = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 0) return 0;
  if (cp < 128) return ASCII[cp]!;
  let flags = nonAsciiClasses.get(cp);
  if (flags === undefined) {
    flags = 0;
    if (UNICODE_SPACES.has(cp) || (cp >= 0x2000 && cp <= 0x200a)) flags |= SPACE;
    if (isWordCharacter(cp)) flags |= WORD;
    if (isOpener(cp)) flags |= OPENER;
    if (isCloser(cp)) flags |= CLOSER;
    if (cp !== 0xa7 && cp !== 0xb6 && isDelimiter(cp)) flags |= DELIMITER;
    nonAsciiClasses.set(cp, flags);
  }
  return flags;
}

const isWordAt = (s: string, i: number) => i < s.length && (classOf(codePointAt(s, i)) & WORD) !== 0;
/** `(?!\s)`: the end of the string passes. */
const noSpaceAt = (s: string, i: number) => i >= s.length || (classOf(codePointAt(s, i)) & SPACE) === 0;

/** docutils' start-string prefix: the start of the string, whitespace, an opener or a delimiter. */
function startPrefixAt(s: string, i: number): boolean {
  if (i === 0) return true;
  return (classOf(codePointBefore(s, i)) & (SPACE | OPENER | DELIMITER)) !== 0;
}

/** docutils' end-string suffix: the end of the string, whitespace, NUL, a closer or a delimiter. */
function endSuffixAt(s: string, i: number): boolean {
  if (i >= s.length) return true;
  const cp = codePointAt(s, i);
  return cp === 0 || (classOf(cp) & (SPACE | CLOSING_DELIMITER | CLOSER | DELIMITER)) !== 0;
}

const isSeparator = (c: string | undefined) => c === '-' || c === '.' || c === '_' || c === '+' || c === ':';

/**
 * Where a simple name starting at `i` may end, longest first: `(?:[\p{L}\p{N}\p{M}])+` runs joined
 * by single `-._+:`. Only run ends are returned; a name ending inside a run is followed by a word
 * character, which no caller accepts next.
 */
function simpleNameEnds(s: string, i: number): number[] {
  const ends: number[] = [];
  let k = i;
  for (;;) {
    if (!isWordAt(s, k)) return ends.reverse();
    while (isWordAt(s, k)) k += codeUnits(codePointAt(s, k));
    ends.push(k);
    if (!isSeparator(s[k]) || !isWordAt(s, k + 1)) return ends.reverse();
    k += 1;
  }
}

/** Whether all of `text` is one simple name. */
function isSimpleName(text: string): boolean {
  return simpleNameEnds(text, 0)[0] === text.length && text.length > 0;
}

// ---- the initial pattern ----

const SPECIAL = /[*`|[:_]/g;

/** docutils' `initial` pattern: the leftmost construct in `s`, or null. */
export function findStart(s: string): StartMatch | null {
  SPECIAL.lastIndex = 0;
  let namesTriedUntil = 0; // reference names ending before this were all tried (see referenceInChain)
  let nextClose = -2; // the first `]` after the last `[` looked at: -1 none, -2 not looked for yet
  for (let m = SPECIAL.exec(s); m !== null; m = SPECIAL.exec(s)) {
    const p = m.index;
    const c = s[p];
    if (c === '_' && p > namesTriedUntil && (classOf(codePointBefore(s, p)) & WORD) !== 0) {
      // A reference name ends here at the earliest; it starts before this underscore.
      const chain = nameChainBefore(s, p);
      const reference = referenceInChain(s, chain);
      if (reference) return reference;
      namesTriedUntil = chain.ends[chain.ends.length - 1]!;
    }
    if (!startPrefixAt(s, p)) continue;
    const next = s[p + 1];
    switch (c) {
      case '*':
        if (next === '*') {
          if (noSpaceAt(s, p + 2)) return { kind: 'start', index: p, start: '**' };
        } else if (noSpaceAt(s, p + 1)) return { kind: 'start', index: p, start: '*' };
        break;
      case '`':
        if (next === '`') {
          if (noSpaceAt(s, p + 2)) return { kind: 'start', index: p, start: '``' };
        } else if (noSpaceAt(s, p + 1)) return { kind: 'interpreted', index: p, role: '' };
        break;
      case '_':
        if (next === '`' && noSpaceAt(s, p + 2)) return { kind: 'start', index: p, start: '_`' };
        break;
      case '|':
        if (next !== '|' && noSpaceAt(s, p + 1)) return { kind: 'start', index: p, start: '|' };
        break;
      case '[': {
        // The `]` closing a label is the first after `[`; found once for a run of `[` before it.
        if (nextClose !== -1 && nextClose <= p) nextClose = s.indexOf(']', p + 1);
        const footnote = nextClose === -1 ? null : footnoteAt(s, p, nextClose);
        if (footnote) return footnote;
        break;
      }
      case ':':
        for (const end of simpleNameEnds(s, p + 1)) {
          if (s[end] === ':' && s[end + 1] === '`' && s[end + 2] !== '`' && noSpaceAt(s, end + 2)) {
            return { kind: 'interpreted', index: p, role: s.slice(p, end + 1) };
          }
        }
        break;
    }
  }
  return null;
}

/**
 * A maximal simple name: runs of word characters joined by single separators. `starts[k]` and
 * `ends[k]` bound its k-th run. Every name that docutils' pattern can match inside it starts at a
 * run start and ends at a run end (a name ending inside a run is followed by a word character).
 */
interface NameChain {
  starts: number[];
  ends: number[];
}

/** The chain holding the word character just before `p`, found from its start. */
function nameChainBefore(s: string, p: number): NameChain {
  let k = p;
  for (;;) {
    // k ends a run: walk back to where it starts, then past a separator joining it to a run before.
    for (let cp = codePointBefore(s, k); k > 0 && (classOf(cp) & WORD) !== 0; cp = codePointBefore(s, k)) k -= codeUnits(cp);
    if (k >= 2 && isSeparator(s[k - 1]) && (classOf(codePointBefore(s, k - 1)) & WORD) !== 0) k -= 1;
    else break;
  }
  const chain: NameChain = { starts: [], ends: [] };
  for (;;) {
    chain.starts.push(k);
    while (isWordAt(s, k)) k += codeUnits(codePointAt(s, k));
    chain.ends.push(k);
    if (!isSeparator(s[k]) || !isWordAt(s, k + 1)) return chain;
    k += 1;
  }
}

/**
 * The `name_` / `name__` reference the regular expression finds in a chain: from its leftmost
 * possible start, the longest name followed by `__` or `_` and an end-string suffix. Whether a run
 * end can end a reference does not depend on where the name starts, so the chain's last such end
 * serves every start: one pass over the chain, where trying each start with each end cost the
 * square of its length (`_a_a_a…`: 30 s for 80 KB).
 */
function referenceInChain(s: string, chain: NameChain): StartMatch | null {
  let last = -1;
  let refend = '';
  chain.ends.forEach((end, k) => {
    if (s[end] !== '_') return;
    if (s[end + 1] === '_' && endSuffixAt(s, end + 2)) [last, refend] = [k, '__'];
    else if (endSuffixAt(s, end + 1)) [last, refend] = [k, '_'];
  });
  if (last < 0) return null;
  for (let k = 0; k <= last; k++) {
    const i = chain.starts[k]!;
    if (!startPrefixAt(s, i)) continue;
    const end = chain.ends[last]!;
    return { kind: 'whole', index: i, length: end + refend.length - i, refname: s.slice(i, end), refend };
  }
  return null;
}

/** `[label]_`: a footnote or citation reference (label: digits, `#`, `#name`, `*` or a name); `close` is the first `]` after `p`. */
function footnoteAt(s: string, p: number, close: number): StartMatch | null {
  if (s[close + 1] !== '_' || !endSuffixAt(s, close + 2)) return null;
  const label = s.slice(p + 1, close);
  const ok = label === '#' || label === '*' || isSimpleName(label) || (label[0] === '#' && isSimpleName(label.slice(1)));
  return ok ? { kind: 'whole', index: p, length: close + 2 - p } : null;
}

// ---- end-strings ----

/**
 * The first end-string of `kind` in `s` at or after `from`, with the regular expression's view of
 * a string that begins at `from` (nothing before it counts as preceding text).
 */
export function findEnd(kind: EndKind, s: string, from: number): EndMatch | null {
  const mark = kind === 'emphasis' || kind === 'strong' ? '*' : kind === 'substitution' ? '|' : '`';
  for (let j = s.indexOf(mark, from); j !== -1; j = s.indexOf(mark, j + 1)) {
    const found = endAt(kind, s, from, j);
    if (found) return found;
  }
  return null;
}

/** Whether the character before `j` (within the searched part) is whitespace or NUL. */
function spaceOrNulBefore(s: string, from: number, j: number, nul: boolean): boolean {
  if (j <= from) return false;
  const cp = codePointBefore(s, j, from);
  return (nul && cp === 0) || (classOf(cp) & SPACE) !== 0;
}

function endAt(kind: EndKind, s: string, from: number, j: number): EndMatch | null {
  const index = j - from;
  switch (kind) {
    case 'emphasis':
      return !spaceOrNulBefore(s, from, j, true) && endSuffixAt(s, j + 1) ? { index, length: 1 } : null;
    case 'strong':
      return s[j + 1] === '*' && !spaceOrNulBefore(s, from, j, true) && endSuffixAt(s, j + 2) ? { index, length: 2 } : null;
    case 'literal':
      return s[j + 1] === '`' && !spaceOrNulBefore(s, from, j, false) && endSuffixAt(s, j + 2) ? { index, length: 2 } : null;
    case 'target':
      return !spaceOrNulBefore(s, from, j, true) && endSuffixAt(s, j + 1) ? { index, length: 1 } : null;
    case 'substitution': {
      if (spaceOrNulBefore(s, from, j, true)) return null;
      const underscores = s[j + 1] === '_' ? (s[j + 2] === '_' ? 2 : 1) : 0;
      for (let u = underscores; u >= 0; u--) if (endSuffixAt(s, j + 1 + u)) return { index, length: 1 + u };
      return null;
    }
    case 'interpreted': {
      // (?<!(?<!\0)[\s\0]): an escaped space (NUL, space) may precede the backquote.
      if (spaceOrNulBefore(s, from, j, true) && !(j - 2 >= from && s[j - 2] === '\0')) return null;
      const after = j + 1;
      const roles = s[after] === ':' ? simpleNameEnds(s, after + 1).filter((end) => s[end] === ':').map((end) => end + 1) : [];
      for (const roleEnd of [...roles, after]) {
        const role = roleEnd === after ? undefined : s.slice(after, roleEnd);
        const underscores = s[roleEnd] === '_' ? (s[roleEnd + 1] === '_' ? 2 : 1) : 0;
        for (let u = underscores; u >= 0; u--) {
          if (endSuffixAt(s, roleEnd + u)) return { index, length: roleEnd + u - j, role, refend: u > 0 ? '_'.repeat(u) : undefined };
        }
      }
      return null;
    }
  }
}
