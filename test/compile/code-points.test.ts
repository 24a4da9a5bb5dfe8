import { describe, expect, it } from 'vitest';
import { isDigit, isLatinScript, isLetter, isLetterOrDigit, isLowerCase, isUpperCase } from '../../pipeline/code-points';

// The code-point tests classify ASCII by hand and the rest by pattern: each must say what the
// Unicode property class it is named after says, for every code point of the BMP and a slice of
// the planes above (letters, digits and marks of other scripts, surrogates, unassigned points).
describe('code-point classes agree with the Unicode property classes they are named after', () => {
  const cases: Array<[string, (cp: number) => boolean, RegExp]> = [
    ['isLetterOrDigit', isLetterOrDigit, /^[\p{L}\p{N}]$/u],
    ['isLetter', isLetter, /^\p{L}$/u],
    ['isDigit', isDigit, /^\p{N}$/u],
    ['isUpperCase', isUpperCase, /^\p{Lu}$/u],
    ['isLowerCase', isLowerCase, /^\p{Ll}$/u],
    ['isLatinScript', isLatinScript, /^\p{Script=Latin}$/u],
  ];
  const points = [...Array.from({ length: 0x10000 }, (_, cp) => cp), ...Array.from({ length: 0x3000 }, (_, i) => 0x10000 + i * 7), 0x1d400, 0x1f600, 0x10ffff];
  for (const [name, test, pattern] of cases) {
    it(name, () => {
      const wrong = points.filter((cp) => test(cp) !== pattern.test(String.fromCodePoint(cp)));
      expect(wrong.map((cp) => cp.toString(16))).toEqual([]);
    });
  }

  it('spot checks, by hand', () => {
    expect([0x41, 0x7a, 0xc9, 0x416, 0x1c5].map(isLetter)).toEqual([true, true, true, true, true]); // A z É Ж ǅ
    expect([0x31, 0x663, 0x2167].map(isDigit)).toEqual([true, true, true]); // 1 ٣ Ⅷ
    expect([0x5f, 0x2e, 0x3002, 0x201c].map(isLetterOrDigit)).toEqual([false, false, false, false]); // _ . 。 “
    expect([isUpperCase(0xc9), isLowerCase(0xe9), isUpperCase(0x1c5), isLowerCase(0x1c5)]).toEqual([true, true, false, false]); // É é, ǅ is title case
    expect([isLatinScript(0xe9), isLatinScript(0x416), isLatinScript(0x3b1)]).toEqual([true, false, false]); // é Ж α
  });
});
