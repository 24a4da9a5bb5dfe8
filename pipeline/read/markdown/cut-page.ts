/**
 * Twin of remark parsing the whole page, kept (with batched-tables): without the cut-out, a seeds
 * build took ~1.5× and every corpus service's build ~1.6–2× the CPU (paired runs,
 * test/bench/compare.js). Held equal to the whole-page parse by test/read/batched.test.ts.
 *
 * The page remark is given, with the lines it need not tokenise cut out: the body rows of pipe
 * tables (read line by line, see batched-tables) and the inside of HTML tables (read from the page
 * by parse5, see html-table). remark's cost is per character, and these are most of a page's
 * characters. The lines that open and close each table stay, so remark still sees every table
 * where it is; maps give each line and offset of the cut page back as the page's. The caller
 * verifies that every table was read where it was expected, else parses the page whole.
 */

/** A `<table>` opening a line: its offsets (`start` at `<table`, `end` after its `</table>`) and 0-based lines. */
export interface HtmlTableRegion {
  start: number;
  end: number;
  openLine: number;
  closeLine: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** `<table` first on its line, after at most three spaces and any empty anchors (`<a name="x"></a>`). */
const OPENS_LINE = /^ {0,3}(?:<a\b[^>]*>\s*<\/a>\s*)*<table\b/i;
const TABLE_TAG_START = /<(\/?)table\b/gi;

/**
 * The offset just after the `</table>` that closes the table opening at `start` (nesting counted),
 * or -1. A tag runs from `<table` or `</table` to the next `>`. Every `<table` of a page is matched
 * with its `</table>` in one pass, kept for the page: searching from each opening again would cost
 * the square of the page's size on a page of thousands of unclosed tables.
 */
export function tableEnd(text: string, start: number): number {
  if (tableEnds?.text !== text) tableEnds = { text, ends: matchTableTags(text) };
  return tableEnds.ends.get(start) ?? -1;
}

let tableEnds: { text: string; ends: Map<number, number> } | undefined;

/** Where each `<table` tag starts → the end of the `</table>` tag that balances it. */
function matchTableTags(text: string): Map<number, number> {
  const ends = new Map<number, number>();
  const open: number[] = [];
  TABLE_TAG_START.lastIndex = 0;
  for (let m = TABLE_TAG_START.exec(text); m; m = TABLE_TAG_START.exec(text)) {
    const close = text.indexOf('>', m.index + m[0].length);
    if (close === -1) break; // no tag can end: neither this one nor any after it
    if (!m[1]) open.push(m.index);
    else if (open.length > 0) ends.set(open.pop()!, close + 1);
    TABLE_TAG_START.lastIndex = close + 1;
  }
  return ends;
}

/**
 * Which lines are fenced code (the fences included), for the table finders to pass over. Only a
 * guide: a table wrongly taken for code is simply read with the rest of the page, and one wrongly
 * taken for a table is not confirmed by remark, so the page is parsed whole.
 */
export function fencedLines(lines: string[], text?: string): boolean[] {
  const fenced = new Array<boolean>(lines.length).fill(false);
  if (text !== undefined && !text.includes('```') && !text.includes('~~~')) return fenced; // no fence anywhere
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    // A fence line starts with a space, ` or ~: most lines (table rows) need no pattern.
    const first = lines[i]!.charCodeAt(0);
    if (first !== 32 && first !== 96 && first !== 126) {
      if (fence) fenced[i] = true;
      continue;
    }
    const f = FENCE.exec(lines[i]!);
    if (fence) {
      fenced[i] = true;
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
    } else if (f) {
      fenced[i] = true;
      fence = f[1]!;
    }
  }
  return fenced;
}

/** HTML tables that open a line outside fenced code, in page order. */
export function findHtmlTables(text: string, lines: string[], fenced: boolean[]): HtmlTableRegion[] {
  const found: HtmlTableRegion[] = [];
  if (!/<table\b/i.test(text)) return found; // one scan instead of a pattern per line
  let offset = 0;
  for (let i = 0; i < lines.length; offset += lines[i]!.length + 1, i++) {
    const line = lines[i]!;
    if (fenced[i]) continue;
    const open = OPENS_LINE.exec(line);
    if (!open) continue;
    const start = offset + open[0].length - '<table'.length;
    const end = tableEnd(text, start);
    if (end < 0) continue; // the reader reports the unclosed table where remark finds it
    // The line holding the table's last character; the scan goes on after it.
    const openLine = i;
    while (i + 1 < lines.length && offset + lines[i]!.length + 1 <= end - 1) {
      offset += lines[i]!.length + 1;
      i++;
    }
    found.push({ start, end, openLine, closeLine: i });
  }
  return found;
}

export interface CutPage {
  text: string;
  /** A 1-based line of the cut page → the page's. */
  pageLine: (line: number) => number;
  /** An offset into the cut page → the page's. */
  pageOffset: (offset: number) => number;
  /** An offset into the page (outside the cuts) → the cut page's. */
  cutOffset: (offset: number) => number;
}

/** The page without the lines [from, to) of each cut (sorted, not overlapping). */
export function cutLines(lines: string[], cuts: Array<[number, number]>): CutPage {
  const kept: string[] = [];
  const lineShifts: Array<[number, number]> = []; // [first cut-page line after a cut, lines cut so far]
  const offsetShifts: Array<[number, number]> = []; // [cut-page offset of a cut, characters cut so far]
  let from = 0;
  let linesCut = 0;
  let charsCut = 0;
  let length = 0;
  for (const [a, b] of cuts) {
    for (let k = from; k < a; k++) {
      kept.push(lines[k]!);
      length += lines[k]!.length + 1;
    }
    for (let k = a; k < b; k++) charsCut += lines[k]!.length + 1;
    linesCut += b - a;
    lineShifts.push([kept.length + 1, linesCut]);
    offsetShifts.push([length, charsCut]);
    from = b;
  }
  for (let k = from; k < lines.length; k++) kept.push(lines[k]!);
  const shiftAt = (shifts: Array<[number, number]>, at: number) => {
    let shift = 0;
    for (const [where, by] of shifts) if (at >= where) shift = by;
    return shift;
  };
  return {
    text: kept.join('\n'),
    pageLine: (line) => line + shiftAt(lineShifts, line),
    pageOffset: (offset) => offset + shiftAt(offsetShifts, offset),
    cutOffset: (offset) => {
      let shift = 0;
      for (const [where, by] of offsetShifts) if (offset >= where + by) shift = by;
      return offset - shift;
    },
  };
}

/**
 * `parsed` (the page, or the page cut, see cutLines) with the inside of each HTML table that opens
 * after an anchor in a line of text (`<a name="x"></a><table>…`) blanked with spaces, on that line.
 * Such a line is a paragraph, so micromark parses the table's markup as inline HTML, splicing the
 * text between every two tags (a one-line table of 2,000 rows: 3 s, and the square of that for
 * more). The table is read from the page itself (see readHtmlTablesFrom), so only its opening tag
 * must stay. Lines that are or may be read for text are left as they are: a line with a pipe (a
 * table row) and the lines of a paragraph that a setext underline makes a heading. `toParsed` maps
 * an offset of the page to `parsed` (the lines blanked are never cut).
 */
export function blankInlineTables(parsed: string, page: string, lines: string[], regions: HtmlTableRegion[], toParsed: (offset: number) => number): string {
  if (regions.length === 0) return parsed;
  const underlined = underlinedParagraphLines(lines);
  const lineStarts: number[] = [];
  for (let i = 0, offset = 0; i < lines.length; offset += lines[i]!.length + 1, i++) lineStarts.push(offset);
  let out = '';
  let from = 0;
  for (const r of regions) {
    const line = lines[r.openLine]!;
    if (/^ {0,3}<table\b/i.test(line) || line.includes('|') || underlined[r.openLine]) continue; // an HTML block, or text that is read
    const inside = page.indexOf('>', r.start) + 1;
    const lineEnd = lineStarts[r.openLine]! + line.length;
    const closing = r.closeLine === r.openLine ? page.lastIndexOf('<', r.end - 1) : lineEnd;
    if (closing <= inside) continue;
    const [a, b] = [toParsed(inside), toParsed(closing)];
    out += parsed.slice(from, a) + ' '.repeat(b - a);
    from = b;
  }
  return out + parsed.slice(from);
}

/** For each line: whether a setext underline (`===` or `---` alone) follows it before a blank line. */
function underlinedParagraphLines(lines: string[]): boolean[] {
  const underlined = new Array<boolean>(lines.length).fill(false);
  let below = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.trim() === '') below = false;
    else {
      underlined[i] = below;
      if (/^ {0,3}(?:=+|-+)[ \t]*$/.test(line)) below = true;
    }
  }
  return underlined;
}
