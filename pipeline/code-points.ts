/**
 * Code points around a position in a string (a surrogate pair is one), and tests of one code point
 * against Unicode property classes. V8 takes about a millisecond to compile a pattern with classes
 * such as `\p{L}` for text that is not Latin-1 (each class in the pattern, again when the pattern
 * is next compiled to machine code), so ASCII is classified here and these patterns are compiled
 * only when a page puts another character where it matters. Also: how a line break between two
 * code points renders (both readers join a paragraph's lines as a browser does).
 */
import { eastAsianWidth } from 'get-east-asian-width';

/** The code point starting at `i`, or -1 past the end. */
export function codePointAt(s: string, i: number): number {
  return i < s.length ? s.codePointAt(i)! : -1;
}

/** How many UTF-16 units a code point takes: 2 for one above U+FFFF (a surrogate pair), else 1. */
export const codeUnits = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** The code point ending just before `i`, or -1 at `floor` (nothing before `floor` counts). */
export function codePointBefore(s: string, i: number, floor = 0): number {
  if (i <= floor) return -1;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i - 2 >= floor) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** Whether a code point is in `classes` (as inside `[…]`: `\p{L}\p{N}`), the pattern compiled on first use. */
export function propertyTest(classes: string): (cp: number) => boolean {
  let pattern: RegExp | undefined;
  return (cp) => (pattern ??= new RegExp(`^[${classes}]$`, 'u')).test(String.fromCodePoint(cp));
}

const isUnicodeLetterOrDigit = propertyTest('\\p{L}\\p{N}');
const isUnicodeLetter = propertyTest('\\p{L}');
const isUnicodeDigit = propertyTest('\\p{N}');
const isUnicodeUpper = propertyTest('\\p{Lu}');
const isUnicodeLower = propertyTest('\\p{Ll}');
const isUnicodeLatin = propertyTest('\\p{Script=Latin}');

const isAsciiUpper = (cp: number) => cp >= 65 && cp <= 90;
const isAsciiLower = (cp: number) => cp >= 97 && cp <= 122;
const isAsciiDigit = (cp: number) => cp >= 48 && cp <= 57;

/** `\p{L}` or `\p{N}` (false for -1, as past the end). */
export function isLetterOrDigit(cp: number): boolean {
  if (cp < 0) return false;
  if (cp < 128) return isAsciiDigit(cp) || isAsciiUpper(cp) || isAsciiLower(cp);
  return isUnicodeLetterOrDigit(cp);
}

/** `\p{L}`. */
export const isLetter = (cp: number): boolean => (cp < 128 ? isAsciiUpper(cp) || isAsciiLower(cp) : isUnicodeLetter(cp));
/** `\p{N}`. */
export const isDigit = (cp: number): boolean => (cp < 128 ? isAsciiDigit(cp) : isUnicodeDigit(cp));
/** `\p{Lu}`. */
export const isUpperCase = (cp: number): boolean => (cp < 128 ? isAsciiUpper(cp) : isUnicodeUpper(cp));
/** `\p{Ll}`. */
export const isLowerCase = (cp: number): boolean => (cp < 128 ? isAsciiLower(cp) : isUnicodeLower(cp));
/** `\p{Script=Latin}`. */
export const isLatinScript = (cp: number): boolean => (cp < 128 ? isAsciiUpper(cp) || isAsciiLower(cp) : isUnicodeLatin(cp));

/** Whether a line break between these two code points shows as nothing (both wide East Asian, not Hangul) rather than a space. */
export function joinsWithoutSpace(before: number, after: number): boolean {
  return wideForBreak(before) && wideForBreak(after);
}

/** Wide or fullwidth (East Asian Width W or F), and not Hangul, whose words are spaced. */
function wideForBreak(cp: number): boolean {
  if (cp < 0x1100) return false;
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7af)) return false;
  return eastAsianWidth(cp, { ambiguousAsWide: false }) === 2;
}
