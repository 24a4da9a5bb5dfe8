/**
 * Text as a reader sees it: a rewrap, a paragraph split or an HTML table rewritten as a pipe table
 * changes line breaks and spacing only, and that is no change.
 */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return collapseSpace(a) === collapseSpace(b);
}

export function collapseSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * `core` with the whitespace on both sides: what `\s*(?:core)\s*` matches, match for match, in
 * time linear in the text. `\s*(?:core)\s*` retries from every position of a whitespace run that no
 * `core` follows and rescans the run each time (100k spaces in a cell took a minute). Here a match
 * may start inside a run only right at `core`, which happens only after a match whose trailing `\s*`
 * took the run; so each run is scanned from its start alone. `core` must not match whitespace.
 */
export function spacedAround(core: string, flags = ''): RegExp {
  return new RegExp(`(?:(?<!\\s)\\s*|(?<=\\s))(?:${core})\\s*`, flags);
}

/**
 * A punctuation character (\p{P}) with the whitespace around it, captured. One pattern object for
 * the message rules and the review page: V8 compiles a Unicode-class pattern once, at ~1 ms.
 * Global: use it with `replace`, which starts from the beginning whatever `lastIndex` says.
 */
export const PUNCTUATION_WITH_SPACE = spacedAround('(\\p{P})', 'gu');

/**
 * Punctuation and the backtick (a symbol, \p{Sk}, used as a code quote) with the whitespace around
 * them, captured: for the message rules, where `characters \`~!` and `characters\`~!` are the same text.
 */
export const QUOTING_WITH_SPACE = spacedAround('([\\p{P}`])', 'gu');

/**
 * Where a piece of `text` from `start`, at most `units` UTF-16 units long, ends without splitting
 * a surrogate pair (each half alone would encode as U+FFFD): for encoding a long text a piece at
 * a time.
 */
export function pieceEnd(text: string, start: number, units: number): number {
  const end = Math.min(text.length, start + units);
  if (end < text.length) {
    const unit = text.charCodeAt(end - 1);
    if (unit >= 0xd800 && unit <= 0xdbff && end - 1 > start) return end - 1;
  }
  return end;
}
