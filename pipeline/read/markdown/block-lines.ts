/**
 * What one Markdown line can start, by the CommonMark rules for block starts: indentation, list
 * markers, thematic breaks, fences and HTML blocks. Used by the scans that bound what micromark is
 * given (container-scan, inline-budget, grouped-parse); each says whether it over- or
 * under-approximates and why that direction is the safe one for it.
 */

/** Whether a line is empty or only spaces and tabs (a blank line, for CommonMark). */
export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** From `pos` at column `col`: past spaces and tabs (a tab to the next multiple of 4). [position, column]. */
export function skipIndent(line: string, pos: number, col: number): [number, number] {
  for (; pos < line.length; pos++) {
    const c = line.charCodeAt(pos);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return [pos, col];
}

/** Length of a list marker at `p` (`-`, `+`, `*`, or 1–9 digits and `.` or `)`) followed by a space, a tab or the line's end; 0 if none. */
export function listMarkerWidth(line: string, p: number): number {
  const c = line.charCodeAt(p);
  let width = 0;
  if (c === 45 || c === 43 || c === 42) width = 1;
  else {
    let k = p;
    while (k < line.length && k - p < 9 && line.charCodeAt(k) >= 48 && line.charCodeAt(k) <= 57) k++;
    const after = line.charCodeAt(k);
    if (k > p && (after === 46 || after === 41)) width = k + 1 - p;
  }
  if (width === 0) return 0;
  const next = line.charCodeAt(p + width);
  return Number.isNaN(next) || next === 32 || next === 9 ? width : 0;
}

/** Whether the rest of the line from `p` is a thematic break: three or more of one of `-*_`, spaces and tabs between. */
export function isThematicBreak(line: string, p: number): boolean {
  const mark = line.charCodeAt(p);
  if (mark !== 45 && mark !== 42 && mark !== 95) return false;
  let count = 0;
  for (let i = p; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === mark) count++;
    else if (c !== 32 && c !== 9) return false;
  }
  return count >= 3;
}

/** Whether an ATX heading starts at `p`: `#` to `######`, then a space, a tab or the line's end. */
export function isAtxHeading(line: string, p: number): boolean {
  let k = p;
  while (line[k] === '#') k++;
  const level = k - p;
  return level >= 1 && level <= 6 && (k === line.length || line[k] === ' ' || line[k] === '\t');
}

/** A fence at `p`: its character and length, if three or more backticks or tildes start there (info string not checked). */
export function fenceAt(line: string, p: number): { char: string; length: number } | null {
  const c = line[p];
  if (c !== '`' && c !== '~') return null;
  let k = p;
  while (line[k] === c) k++;
  return k - p >= 3 ? { char: c, length: k - p } : null;
}

/** Whether a fence (three or more backticks or tildes) opens `line`, after at most three spaces. */
export function opensFence(line: string): boolean {
  const [p, col] = skipIndent(line, 0, 0);
  return col <= 3 && fenceAt(line, p) !== null;
}

/** Whether `line` closes a fence of `char` × `length`: at most three spaces, at least as many, then only spaces and tabs. */
export function closesFence(line: string, char: string, length: number): boolean {
  const [p, col] = skipIndent(line, 0, 0);
  if (col > 3) return false;
  const fence = fenceAt(line, p);
  return fence !== null && fence.char === char && fence.length >= length && isBlankLine(line.slice(p + fence.length));
}

/** HTML block kinds 1–5 end at a marker, possibly lines later (blank lines included); the others end at a blank line. */
const HTML_ENDS: Array<[RegExp, RegExp]> = [
  [/^<(?:pre|script|style|textarea)(?:[\t\n\f\r >]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

/**
 * For a line whose first character after at most three spaces is `<`: the pattern that ends the
 * HTML block it may start, if that is a kind that runs until a marker (found from where the marker may
 * be, the start tag itself excluded); `blank` for the kinds a blank line ends. null if no `<` there.
 */
export function htmlBlockEnd(line: string): { end: RegExp; from: number } | 'blank' | null {
  const [p, col] = skipIndent(line, 0, 0);
  if (col > 3 || line[p] !== '<') return null;
  const rest = line.slice(p);
  for (const [start, end] of HTML_ENDS) {
    const m = start.exec(rest);
    if (m) return { end, from: p + m[0].length };
  }
  return 'blank';
}
