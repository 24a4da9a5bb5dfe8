/**
 * A Unicode-mode regular expression as a tree whose leaves are sets of characters, each node with
 * its place in the source; what the backtracking check (./index.ts) reads. Lookaround bodies are
 * set apart to be checked on their own; a back reference reads as any text.
 */

// ---- character sets: sorted, disjoint, inclusive code point ranges ----

export type CharSet = ReadonlyArray<readonly [number, number]>;

export const MAX_CODE_POINT = 0x10ffff;
const ANY: CharSet = [[0, MAX_CODE_POINT]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const SPACE: CharSet = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f],
  [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
const LINE_TERMINATORS: CharSet = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];

function normalizeSet(ranges: Array<readonly [number, number]>): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function negate(set: CharSet): CharSet {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [alo, ahi] = a[i]!;
    const [blo, bhi] = b[j]!;
    if (ahi < blo) i++;
    else if (bhi < alo) j++;
    else return true;
  }
  return false;
}

// ---- parsing: the pattern as a tree, each node with its place in the source ----

export type Node =
  | { kind: 'chars'; set: CharSet; start: number; end: number }
  | { kind: 'empty' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; branches: Node[] }
  | { kind: 'repeat'; body: Node; min: number; max: number; start: number; end: number };

export class PatternParser {
  private at = 0;
  /** Lookaround bodies, checked on their own. */
  readonly lookarounds: Node[] = [];

  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.at < this.source.length) throw new Error(`unexpected "${this.source[this.at]}" at ${this.at}`);
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.at];
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { kind: 'alt', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const start = this.at;
      const atom = this.atom();
      items.push(this.quantified(atom, start));
    }
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  }

  private quantified(atom: Node, start: number): Node {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.at += m[0].length - 1;
    } else return atom;
    this.at++;
    if (this.peek() === '?') this.at++; // lazy: the same ways, tried in another order
    return { kind: 'repeat', body: atom, min, max, start, end: this.at };
  }

  private atom(): Node {
    const start = this.at;
    const c = this.source[this.at++]!;
    if (c === '(') return this.group();
    if (c === '^' || c === '$') return { kind: 'empty' };
    if (c === '.') return { kind: 'chars', set: negate(LINE_TERMINATORS), start, end: this.at };
    if (c === '[') return { kind: 'chars', set: this.charClass(), start, end: this.at };
    if (c === '\\') {
      const escaped = this.escape(false);
      if (escaped === 'assertion') return { kind: 'empty' };
      // Any text, as often as it likes: what a back reference may repeat is not known here.
      if (escaped === 'backreference') return { kind: 'repeat', body: { kind: 'chars', set: ANY, start, end: this.at }, min: 0, max: Infinity, start, end: this.at };
      return { kind: 'chars', set: escaped, start, end: this.at };
    }
    const cp = this.source.codePointAt(start)!;
    this.at = start + (cp > 0xffff ? 2 : 1);
    return { kind: 'chars', set: [[cp, cp]], start, end: this.at };
  }

  private group(): Node {
    let look = false;
    if (this.source.startsWith('?:', this.at)) this.at += 2;
    else if (/^\?<?[=!]/.test(this.source.slice(this.at, this.at + 3))) {
      look = true;
      this.at += this.source[this.at + 1] === '<' ? 3 : 2;
    } else if (this.source.startsWith('?<', this.at)) this.at = this.source.indexOf('>', this.at) + 1;
    const body = this.alternation();
    if (this.peek() !== ')') throw new Error(`unclosed group at ${this.at}`);
    this.at++;
    if (!look) return body;
    this.lookarounds.push(body);
    return { kind: 'empty' };
  }

  /** After `\`: a set of characters, or an assertion (`\b`), or a back reference. */
  private escape(inClass: boolean): CharSet | 'assertion' | 'backreference' {
    const c = this.source[this.at++]!;
    switch (c) {
      case 'd': return DIGIT;
      case 'D': return negate(DIGIT);
      case 'w': return WORD;
      case 'W': return negate(WORD);
      case 's': return SPACE;
      case 'S': return negate(SPACE);
      case 'p':
      case 'P':
        this.at = this.source.indexOf('}', this.at) + 1;
        return ANY; // a Unicode property: any character, to err towards refusing
      case 'b':
        return inClass ? [[8, 8]] : 'assertion';
      case 'B':
        return 'assertion';
      case 'k':
        this.at = this.source.indexOf('>', this.at) + 1;
        return 'backreference';
      case 't': return [[9, 9]];
      case 'n': return [[10, 10]];
      case 'v': return [[11, 11]];
      case 'f': return [[12, 12]];
      case 'r': return [[13, 13]];
      case 'c': {
        const letter = this.source.charCodeAt(this.at++);
        return [[letter % 32, letter % 32]];
      }
      case 'x': {
        const cp = parseInt(this.source.slice(this.at, this.at + 2), 16);
        this.at += 2;
        return [[cp, cp]];
      }
      case 'u': {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(this.source.slice(this.at));
        if (braced) {
          this.at += braced[0].length;
          const cp = parseInt(braced[1]!, 16);
          return [[cp, cp]];
        }
        let cp = parseInt(this.source.slice(this.at, this.at + 4), 16);
        this.at += 4;
        // A surrogate pair written as two escapes is one code point in a Unicode pattern.
        const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(this.source.slice(this.at));
        if (cp >= 0xd800 && cp <= 0xdbff && low) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00);
          this.at += 6;
        }
        return [[cp, cp]];
      }
      default: {
        if (c >= '1' && c <= '9' && !inClass) {
          while (/[0-9]/.test(this.peek() ?? '')) this.at++;
          return 'backreference';
        }
        if (c === '0') return [[0, 0]];
        if (c === '-') return [[0x2d, 0x2d]];
        const cp = this.source.codePointAt(this.at - 1)!;
        if (cp > 0xffff) this.at++;
        return [[cp, cp]];
      }
    }
  }

  /** After `[`: the class as a set, up to and past its `]`. */
  private charClass(): CharSet {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.at++;
    }
    const ranges: Array<readonly [number, number]> = [];
    const single = (): CharSet => {
      if (this.peek() === '\\') {
        this.at++;
        const escaped = this.escape(true);
        return typeof escaped === 'string' ? ANY : escaped;
      }
      const cp = this.source.codePointAt(this.at)!;
      this.at += cp > 0xffff ? 2 : 1;
      return [[cp, cp]];
    };
    while (this.at < this.source.length && this.peek() !== ']') {
      const from = single();
      if (this.peek() === '-' && this.source[this.at + 1] !== ']' && from.length === 1 && from[0]![0] === from[0]![1]) {
        this.at++;
        const to = single();
        if (to.length === 1 && to[0]![0] === to[0]![1]) {
          ranges.push([from[0]![0], to[0]![0]]);
          continue;
        }
        ranges.push(...from, [0x2d, 0x2d], ...to);
        continue;
      }
      ranges.push(...from);
    }
    this.at++; // ]
    const set = normalizeSet(ranges);
    return negated ? negate(set) : set;
  }
}
