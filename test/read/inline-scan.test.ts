import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEnd, findStart, type EndKind } from '../../pipeline/read/rst/inline-scan';
import { referenceEnd, referenceStart } from '../helpers/docutils-inline-patterns';

// The hand-written matcher against docutils' patterns as regular expressions, on text made of the
// pieces that decide a match: markup characters, names and separators, openers and closers of
// several scripts, delimiters, whitespace of several kinds, NUL (an escaped character), surrogate pairs.
const PIECES = [
  '*', '**', '`', '``', '_', '__', '|', ':', '[', ']', '#', '<', '>', '\0', '\\', ' ', '\n', '\t', '\u00a0', '\u3000',
  'a', 'Zz', '1', '42', 'é', 'ǅ', '\u0301', '中文', '😀', '𝐀', '-', '.', '+', '/', ',', ';', '!', '?', '(', ')', '{', '}',
  '"', "'", '“', '”', '‘', '’', '«', '»', '「', '」', '（', '）', '—', '。', '、', '§', '¶', '‐', 'ref', 'py:func', ':role:',
];
const markupText = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(''));
const KINDS: EndKind[] = ['emphasis', 'strong', 'literal', 'target', 'substitution', 'interpreted'];

describe('inline markup recognition matches the docutils patterns', () => {
  it('finds the same first construct', () => {
    fc.assert(fc.property(markupText, (s) => {
      expect(findStart(s)).toEqual(referenceStart(s));
    }), { numRuns: 4000 });
  });

  it('finds the same end-string of every kind, from any position', () => {
    fc.assert(fc.property(markupText, fc.nat(), fc.constantFrom(...KINDS), (s, at, kind) => {
      const from = s.length === 0 ? 0 : at % (s.length + 1);
      expect(findEnd(kind, s, from)).toEqual(referenceEnd(kind, s, from));
    }), { numRuns: 4000 });
  });

  it.each([
    ['a reference name with separators', 'see foo-bar.baz_ now', { kind: 'whole', index: 4, length: 12, refname: 'foo-bar.baz', refend: '_' }],
    ['an anonymous reference', '(ref__)', { kind: 'whole', index: 1, length: 5, refname: 'ref', refend: '__' }],
    ['a name run on past an underscore', 'a_b_', { kind: 'whole', index: 0, length: 4, refname: 'a_b', refend: '_' }],
    ['a role with a colon inside its name', 'x :py:func:`f`', { kind: 'interpreted', index: 2, role: ':py:func:' }],
    ['strong after an escaped space', '4\0 **x**', { kind: 'start', index: 3, start: '**' }],
    ['a footnote reference', 'see [#note]_.', { kind: 'whole', index: 4, length: 8 }],
  ])('%s', (_, text, expected) => {
    expect(findStart(text)).toEqual(expected);
    expect(referenceStart(text)).toEqual(expected);
  });

  it('finds nothing where docutils finds nothing', () => {
    for (const text of ['2*3*4', 'a_b', 'x**', '| x', 'snake_case_name', '*\u00a0x', '\\*x*']) {
      const escaped = text.replace(/\\(.)/g, '\0$1');
      expect(findStart(escaped)).toEqual(referenceStart(escaped));
    }
    expect(findStart('2*3*4')).toBeNull();
    expect(findStart('snake_case_name')).toBeNull();
  });
});
