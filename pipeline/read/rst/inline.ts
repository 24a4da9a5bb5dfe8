/**
 * Reduces reStructuredText inline markup to the text docutils' `astext()` gives: strong, emphasis,
 * literals, interpreted text and roles, hyperlink and substitution references, inline targets and
 * backslash escapes. The recognition rules (what may precede a start-string, what may follow an
 * end-string, "quoted" start-strings) follow docutils' Inliner so that `4\ *xx*` reads `4xx` while
 * `2*3*4` stays as written.
 */

import { findEnd, findStart, type EndKind, type StartMatch } from './inline-scan';

const EMBEDDED_LINK = /(?:[ \n]+|^)<((?:[^<>]|\0[<>])+)>$/u;

/** Opening/closing pairs for docutils' "quoted start-string" rule: `"*"` or `(*)` is not markup. */
const PAIRS = new Map<string, string>([
  ['"', '"'], ["'", "'"], ['(', ')'], ['<', '>'], ['[', ']'], ['{', '}'],
  ['“', '”'], ['‘', '’'], ['«', '»'], ['‹', '›'], ['「', '」'], ['『', '』'], ['（', '）'],
  ['【', '】'], ['《', '》'], ['〈', '〉'], ['［', '］'], ['｛', '｝'], ['„', '“'], ['‚', '‘'],
]);

/** Roles whose output is simply their text (docutils' standard roles and the Sphinx roles docs use). */
const TEXT_ROLES = new Set([
  'title-reference', 'title', 't', 'emphasis', 'strong', 'literal', 'code', 'math', 'subscript', 'sub',
  'superscript', 'sup', 'abbreviation', 'ab', 'acronym', 'ac', 'ref', 'doc', 'term', 'abbr', 'command',
  'file', 'guilabel', 'kbd', 'menuselection', 'program', 'option', 'envvar', 'samp', 'dfn', 'numref',
  'download', 'class', 'func', 'meth', 'mod', 'attr', 'obj', 'data', 'const', 'exc', 'any',
]);

/** What inline references can resolve to on this page. */
export interface PageRefs {
  /** Substitution definitions: `|name|` → replacement text. */
  substitutions: ReadonlyMap<string, string>;
  /** Normalised names of hyperlink targets (explicit targets and section titles). */
  targets: ReadonlySet<string>;
  /** Whether the page defines anonymous targets (`__ url` or `.. __: url`). */
  anonymousTargets: boolean;
}

export const NO_REFS: PageRefs = { substitutions: new Map(), targets: new Set(), anonymousTargets: false };

/** docutils' fully_normalize_name: case-folded, whitespace collapsed. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Backslash escapes become NUL + the escaped character, as in docutils' `escape2null`. */
function escapeToNull(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  let start = 0;
  for (;;) {
    const found = text.indexOf('\\', start);
    if (found === -1) return out + text.slice(start);
    out += text.slice(start, found) + '\0' + text.slice(found + 1, found + 2);
    start = found + 2;
  }
}

/** Text-node unescaping: an escaped space or newline vanishes, any other escape leaves its character. */
function unescape(text: string): string {
  return text.includes('\0') ? text.replace(/\0[ \n]?/g, '') : text;
}

/** Literal text keeps its backslashes. */
function restoreBackslashes(text: string): string {
  return text.includes('\0') ? text.replace(/\0/g, '\\') : text;
}

function quotedStart(string: string, start: number, end: number): boolean {
  if (start === 0) return false;
  const poststart = string[end];
  if (poststart === undefined) return true;
  const prestart = string[start - 1]!;
  const closer = PAIRS.get(prestart);
  return closer !== undefined && closer === poststart;
}

/**
 * Per-paragraph memo of end-string searches that found nothing: if no end-string of a kind follows
 * absolute position p, none follows any later position either, so those searches are skipped.
 * (docutils repeats them, which is quadratic in a paragraph of unterminated `*`.)
 */
interface Scan {
  length: number;
  noEndFrom: Map<EndKind, number>;
}

function searchEnd(scan: Scan, kind: EndKind, string: string, from: number) {
  const absolute = scan.length - string.length + from;
  const failed = scan.noEndFrom.get(kind);
  if (failed !== undefined && absolute >= failed) return null;
  const match = findEnd(kind, string, from);
  if (!match) scan.noEndFrom.set(kind, Math.min(absolute, failed ?? Infinity));
  return match;
}

interface Step {
  /** Text before the construct, still to be scanned for nothing more (already passed over). */
  before: string;
  /** The construct's visible text, or null when nothing was recognised (the text stays as written). */
  text: string | null;
  remaining: string;
}

/**
 * The visible text of a paragraph's (or title's) inline content. Lines stay separated by newlines.
 * Unrecognised or unterminated markup stays literally, as docutils' "problematic" nodes do.
 */
export function inlineText(source: string, refs: PageRefs = NO_REFS): string {
  // Fast path: nothing that could start markup or an escape.
  if (!/[*`|_\\[]/.test(source)) return source;
  let remaining = escapeToNull(source);
  const scan: Scan = { length: remaining.length, noEndFrom: new Map() };
  let out = '';
  for (;;) {
    const match = findStart(remaining);
    if (!match) break;
    const step = dispatch(match, remaining, refs, scan);
    out += unescape(step.before);
    if (step.text !== null) out += step.text;
    remaining = step.remaining;
  }
  return out + unescape(remaining);
}

function dispatch(match: StartMatch, string: string, refs: PageRefs, scan: Scan): Step {
  const start = match.index;
  if (match.kind === 'start') {
    const end = start + match.start.length;
    switch (match.start) {
      case '**':
        return inlineObject(scan, string, start, end, 'strong', unescape);
      case '*':
        return inlineObject(scan, string, start, end, 'emphasis', unescape);
      case '``':
        return inlineObject(scan, string, start, end, 'literal', restoreBackslashes);
      case '_`':
        return inlineObject(scan, string, start, end, 'target', unescape);
      default: {
        // `|name|`: a substitution reference. Undefined ones stay as written (docutils reports them).
        const step = inlineObject(scan, string, start, end, 'substitution', (t) => t);
        if (step.text === null) return step;
        const name = unescape(step.text).replace(/\s+/g, ' ');
        const replacement = refs.substitutions.get(name) ?? refs.substitutions.get(name.toLowerCase());
        if (replacement !== undefined) return { ...step, text: replacement };
        const raw = string.slice(start, string.length - step.remaining.length);
        return { before: step.before, text: unescape(raw), remaining: step.remaining };
      }
    }
  }
  if (match.kind === 'whole') {
    const end = start + match.length;
    // `name_` reads "name" when the page defines that target; an unresolved reference (and a
    // footnote reference, whose footnote errcat does not track) stays as written, as docutils leaves it.
    const raw = string.slice(start, end);
    let text = unescape(raw);
    if (match.refname !== undefined && resolves(match.refname, match.refend === '__', refs)) text = unescape(match.refname);
    return { before: string.slice(0, start), text, remaining: string.slice(end) };
  }
  return interpreted(match, string, refs, scan);
}

function resolves(name: string, anonymous: boolean, refs: PageRefs): boolean {
  return anonymous ? refs.anonymousTargets : refs.targets.has(normalizeName(unescape(name)));
}

function inlineObject(
  scan: Scan,
  string: string,
  start: number,
  end: number,
  endKind: EndKind,
  finish: (text: string) => string,
): Step {
  if (quotedStart(string, start, end)) {
    return { before: string.slice(0, end), text: null, remaining: string.slice(end) };
  }
  const endMatch = searchEnd(scan, endKind, string, end);
  if (endMatch && endMatch.index > 0) {
    const text = string.slice(end, end + endMatch.index);
    const textEnd = end + endMatch.index + endMatch.length;
    return { before: string.slice(0, start), text: finish(text), remaining: string.slice(textEnd) };
  }
  // Start-string without end-string: docutils keeps it as (problematic) text.
  return { before: string.slice(0, end), text: null, remaining: string.slice(end) };
}

function interpreted(match: Extract<StartMatch, { kind: 'interpreted' }>, string: string, refs: PageRefs, scan: Scan): Step {
  const roleStart = match.index;
  const backquoteStart = roleStart + match.role.length;
  const backquoteEnd = backquoteStart + 1;
  let role = match.role ? match.role.slice(1, -1) : '';
  if (!role && quotedStart(string, backquoteStart, backquoteEnd)) {
    return { before: string.slice(0, backquoteEnd), text: null, remaining: string.slice(backquoteEnd) };
  }
  const endMatch = searchEnd(scan, 'interpreted', string, backquoteEnd);
  if (!endMatch || endMatch.index === 0) {
    return { before: string.slice(0, backquoteEnd), text: null, remaining: string.slice(backquoteEnd) };
  }
  const textEnd = backquoteEnd + endMatch.index + endMatch.length;
  const escaped = string.slice(backquoteEnd, backquoteEnd + endMatch.index);
  const suffixRole = endMatch.role;
  const raw = string.slice(roleStart, textEnd);
  const literal = { before: string.slice(0, roleStart), text: unescape(raw), remaining: string.slice(textEnd) };
  if (suffixRole) {
    if (role) return literal; // both prefix and suffix role: problematic in docutils
    role = suffixRole.slice(1, -1);
  }
  const isReference = endMatch.refend !== undefined;
  if (isReference) {
    if (role) return literal;
    const text = phraseReferenceText(escaped, endMatch.refend === '__', refs);
    return text === null ? literal : { before: string.slice(0, roleStart), text, remaining: string.slice(textEnd) };
  }
  const name = role.toLowerCase();
  if (name && !TEXT_ROLES.has(name)) return literal; // unknown role: docutils leaves it as written
  // Roles, :literal: included, see their text unescaped; only ``literals`` keep backslashes.
  let text = unescape(escaped);
  if (name && name !== 'literal' && name !== 'code' && text.endsWith('>') && text.includes('<')) {
    // :ref:`title <target>` reads "title"; :ref:`target` reads "target".
    const title = text.slice(0, text.lastIndexOf('<')).trimEnd();
    if (title) text = title;
  }
  return { before: string.slice(0, roleStart), text, remaining: string.slice(textEnd) };
}

/**
 * `text <uri>`_ reads "text"; `<uri>`_ reads the URI; `text`_ reads "text" when that target exists
 * (null otherwise: docutils leaves an unresolved reference as written).
 */
function phraseReferenceText(escaped: string, anonymous: boolean, refs: PageRefs): string | null {
  const link = EMBEDDED_LINK.exec(escaped);
  if (link) {
    const text = unescape(escaped.slice(0, link.index));
    if (text) return text;
    return unescape(link[1]!).replace(/\s+/g, '');
  }
  return resolves(escaped, anonymous, refs) ? unescape(escaped) : null;
}
