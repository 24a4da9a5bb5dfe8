/**
 * Code points around a position in a string (a surrogate pair is one), and tests of one code point
 * against Unicode property classes. V8 takes about a millisecond to compile a pattern with classes
 * such as `\p{L}`, so the readers classify ASCII themselves and compile these only when a page
 * puts another character where it matters.
 */

/** The code point starting at `i`, or -1 past the end. */
export function codePointAt(s: string, i: number): number {
  return i < s.length ? s.codePointAt(i)! : -1;
}

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
