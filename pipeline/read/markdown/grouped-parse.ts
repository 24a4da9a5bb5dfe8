/**
 * The mdast tree of a Markdown text, parsed in pieces so that micromark's cost stays in proportion to
 * the text. micromark copies or searches its document's events on every costly line (one that ends
 * block quotes or lists, underlines a setext heading, or continues a paragraph lazily; see
 * container-scan): 4,000 block quotes of one line each took a minute. So the text is cut where
 * micromark starts afresh anyway (see candidateCuts) into groups of a few hundred lines or a few
 * dozen costly lines, each parsed alone; their trees, with positions moved to the text's, are one.
 *
 * Only a fenced code block or an HTML block can run on past such a cut. Where a group's last block
 * is one of those left open, the group is parsed again to the first cut after what closes it (and
 * a cut under a setext heading stands only if the group indeed ends with that heading). Link
 * reference definitions apply to the whole text, so a text that may define links is parsed in one
 * piece. Where no cut can be made, a group whose costly lines would cost more than
 * {@link GROUP_COST_PER_LINE} per line is refused.
 *
 * Before any of it, the text is checked against the nesting and inline-markup limits
 * (container-scan, inline-budget), which bound what each group costs.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { ErrcatError } from '../../errors';
import { mayDefineLinks } from './batched-tables';
import { closesFence, fenceAt, htmlBlockEnd, isAtxHeading, isBlankLine, isThematicBreak, listMarkerWidth, skipIndent } from './block-lines';
import { scanContainers, type ContainerLines } from './container-scan';
import { fencedLines } from './cut-page';
import { checkInlineMarkers } from './inline-budget';

/** A group is closed at the first cut after this many lines… */
const GROUP_LINES = 256;
/** …or after this many costly lines (see container-scan). */
const GROUP_COSTLY = 64;
/**
 * What a group may cost micromark in costly lines (see container-scan), each weighed by the events
 * read before it in the group: this many per line of the group, plus a little for short groups. A
 * group of a few hundred lines ending a list or quote on every other line stays well inside; a
 * stretch of thousands of such lines with no place to cut is refused.
 */
export const GROUP_COST_PER_LINE = 512;
const GROUP_COST_BASE = 1 << 16;

export interface BoundedParseOptions {
  file: string;
  /** A 0-based line index of the text → the page's 1-based line (for errors). */
  pageLine?: (index: number) => number;
  /** Lines a group reaches before it is cut (tests cut at every place there is, with 1). */
  groupLines?: number;
}

/** `parse` applied to `text` in groups (see above), after the limits are checked. */
export function parseInGroups(text: string, parse: (text: string) => Root, options: BoundedParseOptions): Root {
  const pageLine = options.pageLine ?? ((index: number) => index + 1);
  const groupLines = options.groupLines ?? GROUP_LINES;
  const lines = text.split('\n');
  checkInlineMarkers(lines, options.file, pageLine);
  const containers = scanContainers(lines, options.file, pageLine);
  const costly = containers.costly;
  const { cuts, afterHeading } = mayDefineLinks(text) ? { cuts: [], afterHeading: new Set<number>() } : candidateCuts(lines);
  const starts = lineStarts(lines);
  const children: RootContent[] = [];
  let from = 0;
  let next = 0; // index into cuts of the first cut after `from`
  /** The cut at or after line `at` (the text's end if none), `next` moved to it. */
  const cutFrom = (at: number) => {
    while (next < cuts.length && cuts[next]! < at) next++;
    return next < cuts.length ? cuts[next]! : lines.length;
  };
  while (from < lines.length) {
    // The group runs to the first cut past its size, in lines or costly lines.
    let to = from + 1;
    let groupCostly = 0;
    for (; to < lines.length; to++) {
      if (to === cutFrom(to) && (to - from >= groupLines || groupCostly >= GROUP_COSTLY)) break;
      groupCostly += costly[to]!;
    }
    checkGroupCost(containers, from, to, options.file, pageLine);
    let tree = parse(sliceLines(text, starts, from, to));
    // A fence or HTML block left open by the group's end runs on past the cut: the group is parsed
    // again to the first cut after whatever closes it, and at least twice as long (so that a chain
    // of such blocks is parsed again a few times, not once per block).
    const openAt = (tree: Root): Open | 'unsure' | null => (afterHeading.has(to) && !endsWithHeading(tree, to - from) ? 'unsure' : openAtEnd(tree, lines, from, to));
    for (let open = openAt(tree); open !== null && to < lines.length; open = openAt(tree)) {
      const closing = open === 'unsure' ? to : closingLine(lines, to, open);
      to = cutFrom(Math.max(closing + 1, from + 2 * (to - from)));
      checkGroupCost(containers, from, to, options.file, pageLine);
      tree = parse(sliceLines(text, starts, from, to));
    }
    if (from === 0 && to === lines.length) return tree; // one group: the tree as parsed
    shiftPositions(tree, from, starts[from]!);
    for (const child of tree.children) children.push(child);
    from = to;
  }
  const last = lines.length - 1;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: last + 1, column: lines[last]!.length + 1, offset: text.length } },
  };
}

/**
 * Refuses a group whose costly lines would cost micromark too much (see container-scan): each
 * costs the events read before it in the group, one per line and one per container open on it.
 */
function checkGroupCost(containers: ContainerLines, from: number, to: number, file: string, pageLine: (index: number) => number): void {
  const allowed = GROUP_COST_PER_LINE * (to - from) + GROUP_COST_BASE;
  let events = 0;
  let cost = 0;
  let count = 0;
  let first = -1;
  for (let i = from; i < to; i++) {
    events += 1 + containers.depths[i]!;
    // The group's first line costs nothing (what it ends was parsed before).
    if (i > from && containers.costly[i]) {
      cost += events;
      count++;
      if (first < 0) first = i;
    }
  }
  if (cost <= allowed) return;
  throw new ErrcatError(
    file,
    pageLine(first),
    `Markdown too costly to read: ${count} of the ${to - first} lines from here end block quotes or lists, underline headings or continue a quote or list without its markers, with no place to read them apart (a blank line followed by an unindented line, a heading or a list item at the start of a line); the parser's time grows with their number times the lines before each. Expected blank lines between them, or fewer`,
  );
}

/** Offsets of each line's start. */
function lineStarts(lines: string[]): number[] {
  const starts: number[] = [];
  for (let i = 0, offset = 0; i < lines.length; offset += lines[i]!.length + 1, i++) starts.push(offset);
  return starts;
}

/** Lines [from, to) of `text`, without the line break after the last. */
function sliceLines(text: string, starts: number[], from: number, to: number): string {
  return text.slice(starts[from], to < starts.length ? starts[to]! - 1 : text.length);
}

/**
 * Lines where a group may start, after which micromark reads as if the text began there: an
 * unindented line after a blank line; a bullet list item with text or an ATX heading at the start
 * of a line (both end whatever is open, except code and HTML); and an unindented line under a
 * setext heading's underline (`afterHeading`: safe only if the group indeed ends with a heading,
 * checked after parsing). Everything open before such a line ends there, except a fenced code
 * block or an HTML block that runs on (checked after parsing, see openAtEnd) and a list that goes
 * on with this item (which, parsed apart, reads as a list of its own: the same items, cells and
 * headings).
 */
function candidateCuts(lines: string[]): { cuts: number[]; afterHeading: Set<number> } {
  // Cuts inside what looks like fenced code are left out: they would only be parsed again.
  const fenced = fencedLines(lines);
  const cuts: number[] = [];
  const afterHeading = new Set<number>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length === 0 || line[0] === ' ' || line[0] === '\t' || fenced[i]) continue;
    const before = lines[i - 1]!;
    if ((isBlankLine(before) && !dependsOnWhatIsOpen(line)) || startsBullet(line) || isAtxHeading(line, 0)) cuts.push(i);
    else if (i >= 2 && !isBlankLine(lines[i - 2]!) && /^(?:=+|-+)[ \t]*$/.test(before)) {
      cuts.push(i);
      afterHeading.add(i);
    }
  }
  return { cuts, afterHeading };
}

/** Whether the group's tree ends with a heading on its last line (`lines` long). */
function endsWithHeading(tree: Root, lines: number): boolean {
  const last = tree.children[tree.children.length - 1];
  return last?.type === 'heading' && last.position?.end.line === lines;
}

/**
 * Whether the line starts a block only where nothing is open: an HTML block of the last kind (a
 * tag of any name), an empty list item or one numbered other than 1. micromark keeps an indented
 * code block open over blank lines, and after one reads such a line as a paragraph.
 */
function dependsOnWhatIsOpen(line: string): boolean {
  if (line[0] === '<') return true;
  const marker = listMarkerWidth(line, 0);
  if (marker === 0) return false;
  return isBlankLine(line.slice(marker)) || (marker > 1 && !/^0*1[.)]$/.test(line.slice(0, marker)));
}

/** `-`, `+` or `*` and a space or tab, then text, and not a thematic break: a list item, which ends any paragraph. */
function startsBullet(line: string): boolean {
  const c = line[0];
  return (c === '-' || c === '+' || c === '*') && listMarkerWidth(line, 0) === 1 && !isBlankLine(line.slice(1)) && !isThematicBreak(line, 0);
}

/** What a group's last block leaves open at its end: a fence to close, or the marker ending an HTML block; null if nothing. */
type Open = { fence: { char: string; length: number } } | { htmlEnd: RegExp | 'blank' };

function openAtEnd(tree: Root, lines: string[], from: number, to: number): Open | null {
  const last = tree.children[tree.children.length - 1] as Nodes | undefined;
  if (!last?.position || (last.type !== 'code' && last.type !== 'html')) return null;
  const first = from + last.position.start.line - 1;
  const end = from + last.position.end.line - 1;
  // Only a block that reaches the group's last non-blank line can be cut short by the group's end.
  let lastText = to - 1;
  while (lastText > first && isBlankLine(lines[lastText]!)) lastText--;
  if (end < lastText) return null;
  return last.type === 'code' ? openFence(lines, first, end) : openHtml(lines, first, end, to);
}

function openFence(lines: string[], first: number, end: number): Open | null {
  const opener = lines[first]!;
  const [p, col] = skipIndent(opener, 0, 0);
  const fence = col <= 3 ? fenceAt(opener, p) : null;
  if (!fence) return null; // indented code ends at any unindented line
  return end > first && closesFence(lines[end]!, fence.char, fence.length) ? null : { fence };
}

function openHtml(lines: string[], first: number, end: number, to: number): Open | null {
  const kind = htmlBlockEnd(lines[first]!);
  if (kind === null) return null;
  // Ended by a blank line: open only if the group ends without one (it ended at a list item).
  if (kind === 'blank') return isBlankLine(lines[to - 1]!) ? null : { htmlEnd: 'blank' };
  // Closed if the marker follows the start tag on its line, or is on a later line of the block.
  if (kind.end.test(lines[first]!.slice(kind.from))) return null;
  for (let i = first + 1; i <= end; i++) if (kind.end.test(lines[i]!)) return null;
  return { htmlEnd: kind.end };
}

/** The first line at or after `from` that closes `open` (the last line if none does). */
function closingLine(lines: string[], from: number, open: Open): number {
  for (let i = from; i < lines.length; i++) {
    if ('fence' in open) {
      if (closesFence(lines[i]!, open.fence.char, open.fence.length)) return i;
    } else if (open.htmlEnd === 'blank' ? isBlankLine(lines[i]!) : open.htmlEnd.test(lines[i]!)) return i;
  }
  return lines.length - 1;
}

/** Moves every position of a group's tree by the lines and characters before the group. */
function shiftPositions(node: Nodes, lines: number, offset: number): void {
  const position = node.position;
  if (position) {
    position.start.line += lines;
    position.end.line += lines;
    if (position.start.offset !== undefined) position.start.offset += offset;
    if (position.end.offset !== undefined) position.end.offset += offset;
  }
  if ('children' in node) for (const child of node.children) shiftPositions(child, lines, offset);
}
