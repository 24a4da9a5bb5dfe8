/**
 * Block quotes and list items as CommonMark opens, continues and closes them line by line, enough
 * to bound what they cost micromark. Two costs grow faster than the page:
 *
 * - Nesting: each line walks every open container, and a line that opens many (`- - - - … a`)
 *   costs far more (4,000 levels on one line: 36 s). Past {@link MAX_NESTING} levels a page is
 *   refused; the readers' tree walks are recursive too.
 * - Costly lines: a line that ends containers (the blank line after a block quote, a paragraph
 *   after a list, the next item of a list after a nested one), a setext heading's underline, and a
 *   lazy continuation line (a paragraph in a container going on without the container's markers)
 *   make micromark copy or search the events of the document (or paragraph) read so far, a few
 *   per line and one more per container open on it. The scan marks
 *   those lines and gives each line's depth, so the caller can parse a page in pieces that each
 *   cost little (see grouped-parse).
 *
 * The scan errs towards more nesting and more costly lines: list items are opened by any marker
 * (an empty item or an ordered one may in fact not interrupt a paragraph), and a line is taken for
 * a lazy continuation only after paragraph text (otherwise it ends the containers: costly too).
 */
import { ErrcatError } from '../../errors';
import { isBlankLine, isThematicBreak, listMarkerWidth, opensFence, skipIndent } from './block-lines';

/** Block quotes and list items open at once, at most. Real pages nest a few; the limit leaves ten times room. */
export const MAX_NESTING = 64;

/** A block quote, or a list item whose content starts at column `indent`. */
interface Container {
  quote: boolean;
  indent: number;
}

/**
 * What the innermost container holds on the line before: a paragraph takes lazy continuation lines
 * (a line that leaves containers unmatched yet goes on with the paragraph, costing nothing); `other`
 * (HTML, code, a table, a heading) does not, so such a line ends the containers. Unsure means `other`:
 * counting an end too many is safe, one too few is not.
 */
type Leaf = 'none' | 'paragraph' | 'fence' | 'html' | 'other';

/** Per line: whether it is costly (1) or not (0), and the containers open after it. */
export interface ContainerLines {
  costly: Uint8Array;
  depths: Uint8Array;
}

/**
 * Scans `lines` for containers (see {@link ContainerLines}). Throws when more than
 * {@link MAX_NESTING} are open on a line; `pageLine` maps an index to the page's line.
 */
export function scanContainers(lines: string[], file: string, pageLine: (index: number) => number): ContainerLines {
  const costly = new Uint8Array(lines.length);
  const depths = new Uint8Array(lines.length);
  const stack: Container[] = [];
  let leaf: Leaf = 'none';
  let afterText = false; // the line before is not blank (an underline under it makes a setext heading)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const blank = isBlankLine(line);
    // Most lines open nothing and there is nothing to continue.
    if (stack.length === 0 && !mayOpen(line.charCodeAt(0))) {
      if (afterText && isSetextUnderline(line)) costly[i] = 1;
      afterText = !blank;
      continue;
    }
    let pos = 0;
    let col = 0;
    let matched = 0;
    for (; matched < stack.length; matched++) {
      const container = stack[matched]!;
      if (blank) {
        if (container.quote) break;
        continue;
      }
      const [p, k] = skipIndent(line, pos, col);
      if (container.quote) {
        if (k - col > 3 || line[p] !== '>') break;
        [pos, col] = afterQuoteMarker(line, p, k);
      } else {
        if (k < container.indent) break;
        [pos, col] = advanceToColumn(line, pos, col, container.indent);
      }
    }
    const opened: Container[] = [];
    while (!blank) {
      const [p, k] = skipIndent(line, pos, col);
      if (k - col >= 4 || p >= line.length) break; // indented code, or nothing more
      if (line[p] === '>') {
        opened.push({ quote: true, indent: 0 });
        [pos, col] = afterQuoteMarker(line, p, k);
      } else {
        const marker = listMarkerWidth(line, p);
        if (marker === 0 || isThematicBreak(line, p)) break;
        const [q, kq] = skipIndent(line, p + marker, k + marker);
        const empty = q >= line.length;
        // Content starts after the marker and 1–4 spaces; with 5 or more, after one (the rest is code).
        const indent = empty || kq - (k + marker) > 4 ? k + marker + 1 : kq;
        opened.push({ quote: false, indent });
        [pos, col] = empty || kq - (k + marker) > 4 ? [p + marker, k + marker] : [q, kq];
      }
      if (matched + opened.length > MAX_NESTING) {
        throw new ErrcatError(
          file,
          pageLine(i),
          `Markdown nested too deeply: more than ${MAX_NESTING} block quotes and list items open on this line; expected at most ${MAX_NESTING}`,
        );
      }
    }
    const rest = line.slice(pos);
    const underline = afterText && isSetextUnderline(rest);
    afterText = !blank;
    if (!blank && opened.length === 0 && matched < stack.length && leaf === 'paragraph' && !interrupts(rest)) {
      // A lazy continuation line: the paragraph, and the containers around it, go on. micromark
      // looks back over the paragraph's events to find that it is still open.
      costly[i] = 1;
      depths[i] = stack.length;
      continue;
    }
    let ended = stack.length - matched;
    // A list item followed by its sibling (the next item of a list) is not a costly end.
    if (ended > 0 && opened.length > 0 && !stack[matched]!.quote && !opened[0]!.quote) ended--;
    if (ended > 0 || underline) costly[i] = 1;
    const continues = ended === 0 && opened.length === 0;
    stack.length = matched;
    for (const container of opened) stack.push(container);
    depths[i] = stack.length;
    leaf = nextLeaf(continues ? leaf : 'none', rest);
  }
  return { costly, depths };
}

/** The innermost container's content after a line whose text (after its container markers) is `text`. */
function nextLeaf(before: Leaf, text: string): Leaf {
  // Open code and HTML run on, over blank lines too (some HTML does), until a closing fence; HTML
  // is taken to run to the container's end (never too early).
  if (isBlankLine(text)) return before === 'fence' || before === 'html' ? before : 'none';
  if (before === 'fence') return opensFence(text) ? 'none' : 'fence';
  if (before === 'html') return 'html';
  const [p, col] = skipIndent(text, 0, 0);
  if (col >= 4) return before === 'paragraph' ? 'paragraph' : 'other';
  const c = text[p];
  if (c === '`' || c === '~') return opensFence(text) ? 'fence' : 'paragraph';
  if (c === '<') return 'html';
  // A `|` may make the line and the next a table; a heading or break holds no paragraph.
  if (text.includes('|') || interrupts(text)) return 'other';
  return 'paragraph';
}

/** `=` or `-` alone (after at most three spaces), spaces after: under a paragraph, a setext heading's underline. */
function isSetextUnderline(text: string): boolean {
  const [p, col] = skipIndent(text, 0, 0);
  const mark = text[p];
  if (col > 3 || (mark !== '=' && mark !== '-')) return false;
  let k = p;
  while (text[k] === mark) k++;
  return isBlankLine(text.slice(k));
}

/** Characters that may start a line in a container: indentation, `>`, and list markers. */
function mayOpen(c: number): boolean {
  return c === 32 || c === 9 || c === 62 || c === 45 || c === 43 || c === 42 || (c >= 48 && c <= 57);
}

/** Past a `>` at `p` (column `col`) and the one space (or tab column) that may follow it. */
function afterQuoteMarker(line: string, p: number, col: number): [number, number] {
  const next = line.charCodeAt(p + 1);
  if (next === 32) return [p + 2, col + 2];
  if (next === 9) return [p + 2, col + 1 + (4 - ((col + 1) % 4))];
  return [p + 1, col + 1];
}

/** Past indentation up to column `target` (or the first character that is not a space or tab). */
function advanceToColumn(line: string, pos: number, col: number, target: number): [number, number] {
  while (pos < line.length && col < target) {
    const c = line.charCodeAt(pos);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
    pos++;
  }
  return [pos, col];
}

/**
 * Whether text (after container markers) may start a block that ends a paragraph rather than
 * continue it lazily: a heading, fence, thematic break or HTML.
 */
function interrupts(text: string): boolean {
  const [p, col] = skipIndent(text, 0, 0);
  if (col > 3) return false;
  const c = text[p];
  if (c === '#') return /^#{1,6}(?:[ \t]|$)/.test(text.slice(p, p + 8));
  if (c === '<') return true;
  return opensFence(text) || isThematicBreak(text, p);
}
