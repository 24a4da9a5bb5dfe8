/**
 * A limit on the inline markup micromark resolves together. micromark matches each closing `*`,
 * `_` or `~` run by walking back over the events of its paragraph (or heading, or table cell), and
 * each `]` against the `[` before it, rewriting the event list at every match, and splices each
 * run of plain text back into one piece: time grows with those places times the events of one
 * such piece of inline text (80 KB of `*a*a*a…` took 36 s). errcat needs the text of headings and
 * cells, so it cannot skip inline parsing; it refuses a piece with more of them than any real page
 * has (see {@link countMarkers}).
 *
 * A piece's markers are counted by lines, over-counting where unsure: a run of non-blank lines is
 * one piece, except that an ATX heading, the first line of a list item that surely starts one and
 * each row of a table at the top level are pieces of their own (micromark never joins those to
 * the lines around them). Lines of fenced code
 * and HTML blocks count nothing, but only while every fence on the page is one micromark surely
 * reads the same way (see RootBlocks); otherwise they count too.
 */
import { ErrcatError } from '../../errors';
import { splitPipeRow, DELIMITER_ROW } from './batched-tables';
import { closesFence, fenceAt, htmlBlockEnd, isAtxHeading, isBlankLine, isThematicBreak, listMarkerWidth, skipIndent } from './block-lines';

/** Places of inline work (see {@link countMarkers}) allowed in one piece of inline text. */
export const MAX_INLINE_MARKERS = 1000;

/** Refuses `lines` if a piece of inline text holds more than {@link MAX_INLINE_MARKERS} markers; `pageLine` maps a 0-based index to the page's line. */
export function checkInlineMarkers(lines: string[], file: string, pageLine: (index: number) => number): void {
  let piece = 0;
  let pieceStart = 0;
  let plain = true; // every line of this block so far starts at column 0 without a container marker
  let tableRows = false; // the lines after a table's delimiter row, each a row, until one may start another block
  const blocks = new RootBlocks();
  const add = (index: number, markers: number) => {
    if (piece === 0) pieceStart = index;
    piece += markers;
    if (piece > MAX_INLINE_MARKERS) {
      throw new ErrcatError(
        file,
        pageLine(pieceStart),
        `Too much inline markup: more than ${MAX_INLINE_MARKERS} places where it may end or stand (* _ ~ after a non-space; ] \\ & < \`; and each line holding markup) in one paragraph, heading or table cell from here; expected at most ${MAX_INLINE_MARKERS}, as the Markdown parser's time grows with their number times the paragraph's length`,
      );
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Code and HTML blocks hold no inline markup; a blank line ends a paragraph. After either, a
    // line at column 0 without a marker is outside every container (those blocks are taken for
    // such only at the top level).
    if (blocks.classify(line) !== 'text' || isBlankLine(line)) {
      piece = 0;
      plain = true;
      tableRows = false;
      continue;
    }
    const markers = countMarkers(line);
    const [p, col] = skipIndent(line, 0, 0);
    const first = line[p];
    if (tableRows && col <= 3 && !mayStartBlock(line, p)) {
      piece = 0;
      add(i, markers); // a row: each cell is a piece, the row counts for all of them
      piece = 0;
      continue;
    }
    tableRows = false;
    if (col > 0 || first === '>' || listMarkerWidth(line, p) > 0) plain = false;
    if (plain && line.includes('|') && isDelimiterFor(line, lines[i + 1])) {
      // A header row at column 0 in a block without containers: GFM starts a table here, even
      // after paragraph lines (micromark lets a table interrupt a paragraph).
      piece = 0;
      add(i, markers);
      piece = 0;
      i++; // the delimiter row holds no markers
      tableRows = true;
      continue;
    }
    if (startsPiece(line)) {
      piece = 0;
      add(i, markers);
      // A heading is a piece of one line; a list item's text goes on.
      if (/^[ \t>]*#/.test(line)) piece = 0;
      continue;
    }
    add(i, markers);
  }
}

/**
 * What a line adds to micromark's inline work, in places where a run of events may be rewritten:
 * markers that may close (`*`, `_` and `~` after a character other than a space, except `_`
 * between two ASCII letters or digits, which can neither open nor close; and `]`: a run after a
 * space can only open, and openers cost nothing until a closer looks back over them); escapes,
 * character references, HTML or autolinks and code spans (`\`, `&`, `<`, backtick), which stand
 * between runs of text; and one for a line holding any markup character, whose text micromark
 * splices into one piece when the markup comes to nothing (`!!!` lines: 40,000 of them took 11 s).
 */
export function countMarkers(line: string): number {
  let n = 0;
  let markup = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 93 || c === 92 || c === 38 || c === 60 || c === 96) {
      n++;
      markup = true;
    } else if (c === 42 || c === 126 || c === 95) {
      markup = true;
      const before = line.charCodeAt(i - 1); // NaN at the line's start
      if (before !== before || before === 32 || before === 9) continue;
      if (c === 95 && isAsciiWord(before) && isAsciiWord(line.charCodeAt(i + 1))) continue;
      n++;
    } else if (c === 33 || c === 91) markup = true;
  }
  return markup ? n + 1 : n;
}

const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether `next` is a delimiter row of as many cells as the header row `line` (then the two start a table). */
function isDelimiterFor(line: string, next: string | undefined): boolean {
  if (next === undefined || !next.includes('|') || !next.includes('-') || skipIndent(next, 0, 0)[1] > 3 || !DELIMITER_ROW.test(next)) return false;
  return splitPipeRow(next).length === splitPipeRow(line).length;
}

/** Whether a line could begin a block other than a table row at `p` (its first character): then the table may have ended. */
function mayStartBlock(line: string, p: number): boolean {
  const c = line[p];
  return c === '>' || c === '#' || c === '<' || fenceAt(line, p) !== null || listMarkerWidth(line, p) > 0 || isThematicBreak(line, p);
}

/**
 * Whether a line starts a piece of inline text of its own whatever comes before it: a heading, a
 * bullet list item with text, or an ordered one numbered 1 (another number cannot interrupt a
 * paragraph, so that line may continue one), after block quote markers and no more indentation
 * than keeps it from being a paragraph's continuation (at most three spaces, four after a `>`).
 */
function startsPiece(line: string): boolean {
  let p = 0;
  let allowed = 3;
  for (;;) {
    const [q, col] = skipIndent(line, p, 0);
    if (col > allowed) return false;
    if (line[q] !== '>') {
      p = q;
      break;
    }
    p = q + 1;
    allowed = 4;
  }
  if (isAtxHeading(line, p)) return true;
  const marker = listMarkerWidth(line, p);
  if (marker === 0 || isBlankLine(line.slice(p + marker)) || isThematicBreak(line, p)) return false;
  const c = line[p]!;
  return c === '-' || c === '+' || c === '*' || /^0*1[.)]$/.test(line.slice(p, p + marker));
}

/**
 * Root-level fenced code and HTML blocks as micromark reads them, or "unsure". A fence is trusted
 * only where micromark cannot read it differently: at column 0, outside anything that may be an
 * HTML block, with a backtick fence's info string free of backticks. Any other line that looks
 * like a fence (indented, inside a list or quote, in HTML) could pair with the trusted ones
 * differently than in micromark, so from there on no line is taken for code or HTML.
 *
 * HTML is followed twice. `maybeHtml` runs as long as micromark might be in an HTML block (a line
 * starting with `<` of any kind, to the latest end): fences in it are not trusted. `html` runs only
 * while micromark surely is in one (started at column 0 by a tag or marker that starts a block
 * wherever it stands, CommonMark's kinds 1 to 6, to the earliest end): its lines hold no inline
 * markup.
 */
class RootBlocks {
  private fence: { char: string; length: number } | null = null;
  private maybeHtml: RegExp | 'blank' | null = null;
  private html: { marker: RegExp | null; blank: boolean } | null = null;
  private trusted = true;

  /** What `line` is: fenced code (or a fence), HTML, or text that may hold inline markup. */
  classify(line: string): 'code' | 'html' | 'text' {
    if (!this.trusted) return 'text';
    if (this.fence) {
      if (closesFence(line, this.fence.char, this.fence.length)) this.fence = null;
      return 'code';
    }
    if (fenceAfterContainers(line)) {
      const [p, col] = skipIndent(line, 0, 0);
      const opener = col === 0 && this.maybeHtml === null && this.html === null ? fenceAt(line, p) : null;
      if (!opener || (opener.char === '`' && line.includes('`', opener.length))) {
        this.trusted = false;
        return 'text';
      }
      this.fence = opener;
      return 'code';
    }
    const blank = isBlankLine(line);
    const start = htmlBlockEnd(line);
    // At column 0 only: an HTML block in a list item ends with the item, before its blank line.
    const sure = start !== null && line[0] === '<' && (start !== 'blank' || startsBlockTag(line));
    // Where micromark may be in HTML: a start inside a block that a blank line ends may be a kind
    // that runs on to its marker instead (if what came before was a paragraph).
    const inMaybe = this.maybeHtml !== null;
    if (this.maybeHtml === 'blank') {
      if (blank) this.maybeHtml = null;
      else if (start && start !== 'blank' && !start.end.test(line.slice(start.from))) this.maybeHtml = start.end;
    } else if (this.maybeHtml) {
      if (this.maybeHtml.test(line)) this.maybeHtml = null;
    } else if (start) {
      this.maybeHtml = start === 'blank' ? 'blank' : start.end.test(line.slice(start.from)) ? null : start.end;
    }
    // Where micromark surely is in HTML, to its earliest end.
    if (this.html) {
      const { marker, blank: endsAtBlank } = this.html;
      if ((endsAtBlank && blank) || marker?.test(line)) this.html = null;
      return 'html';
    }
    if (!sure) return 'text';
    if (start === 'blank') this.html = { marker: null, blank: true };
    else if (!start!.end.test(line.slice(start!.from))) this.html = { marker: start!.end, blank: inMaybe };
    return 'html';
  }
}

/** The tag names that start an HTML block anywhere (CommonMark's kind 6). */
const BLOCK_TAG =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;

function startsBlockTag(line: string): boolean {
  return BLOCK_TAG.test(line);
}

/** Whether a fence (three backticks or tildes) starts the line after any indentation, quote and list markers. */
function fenceAfterContainers(line: string): boolean {
  let p = 0;
  for (;;) {
    const [q] = skipIndent(line, p, 0);
    if (line[q] === '>') p = q + 1;
    else if (listMarkerWidth(line, q) > 0) p = q + listMarkerWidth(line, q);
    else return fenceAt(line, q) !== null;
  }
}
