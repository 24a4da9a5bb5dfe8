/**
 * docutils' Inliner patterns (docutils.parsers.rst.states.Inliner) transcribed as JavaScript
 * regular expressions: the reference that errcat's hand-written matcher (pipeline/read/rst/
 * inline-scan.ts) is held equal to. errcat itself no longer compiles these at start-up.
 */
import type { EndKind, EndMatch, StartMatch } from '../../pipeline/read/rst/inline-scan';

// docutils.utils.punctuation_chars, as Unicode categories: Pi/Pf quotes may open and close.
const OPENERS = `"'(<\\[{\\p{Ps}\\p{Pi}\\p{Pf}`;
const CLOSERS = `"')>\\]}\\p{Pe}\\p{Pi}\\p{Pf}`;
// docutils' delimiters are - / : and the non-ASCII dashes and "other" punctuation (not § ¶).
const DELIMITER = `(?:[\\-/:]|(?![\\0-\\x7f\u00a7\u00b6])[\\p{Pd}\\p{Po}])`;
const CLOSING_DELIMITERS = `\\\\.,;!?`;
const SIMPLENAME = `(?:[\\p{L}\\p{N}\\p{M}])+(?:[-._+:](?:[\\p{L}\\p{N}\\p{M}])+)*`;
const START_PREFIX = `(?:^|(?<=[\\s${OPENERS}]|${DELIMITER}))`;
const END_SUFFIX = `(?:$|(?=[\\s\\0${CLOSING_DELIMITERS}${CLOSERS}]|${DELIMITER}))`;

const INITIAL = new RegExp(
  START_PREFIX +
    '(?:' +
    '(?<start>\\*\\*|\\*(?!\\*)|``|_`|\\|(?!\\|))(?!\\s)' +
    '|' +
    `(?<whole>(?<refname>${SIMPLENAME})(?<refend>__?)|\\[(?<fnlabel>[0-9]+|#(?:${SIMPLENAME})?|\\*|${SIMPLENAME})(?<fnend>\\]_))${END_SUFFIX}` +
    '|' +
    `(?<role>(?::${SIMPLENAME}:)?)(?<backquote>\`(?!\`))(?!\\s)` +
    ')',
  'u',
);

const END: Record<EndKind, RegExp> = {
  emphasis: new RegExp(`(?<![\\s\\0])(\\*)${END_SUFFIX}`, 'u'),
  strong: new RegExp(`(?<![\\s\\0])(\\*\\*)${END_SUFFIX}`, 'u'),
  literal: new RegExp(`(?<!\\s)(\`\`)${END_SUFFIX}`, 'u'),
  target: new RegExp(`(?<![\\s\\0])(\`)${END_SUFFIX}`, 'u'),
  substitution: new RegExp(`(?<![\\s\\0])(\\|_{0,2})${END_SUFFIX}`, 'u'),
  interpreted: new RegExp(`(?<!(?<!\\0)[\\s\\0])(\`(?<suffix>(?<role>:${SIMPLENAME}:)?(?<refend>__?)?))${END_SUFFIX}`, 'u'),
};

export function referenceStart(s: string): StartMatch | null {
  const m = INITIAL.exec(s);
  if (!m) return null;
  const g = m.groups!;
  if (g.start !== undefined) return { kind: 'start', index: m.index, start: g.start };
  if (g.whole !== undefined) return { kind: 'whole', index: m.index, length: m[0].length, refname: g.refname, refend: g.refend };
  return { kind: 'interpreted', index: m.index, role: g.role! };
}

/** As the reader used them: the pattern run on the text from `from` on. */
export function referenceEnd(kind: EndKind, s: string, from: number): EndMatch | null {
  const m = END[kind].exec(s.slice(from));
  if (!m) return null;
  return { index: m.index, length: m[1]!.length, role: m.groups?.role, refend: m.groups?.refend };
}
