/**
 * Whether a user's regular expression (the `codePattern` setting) can backtrack catastrophically,
 * checked before it is ever run: `(a+)+$` took forever on a 34-character cell.
 *
 * A backtracking matcher that fails tries every way the pattern can match a prefix, so its time is
 * the number of those ways. The pattern is turned into a position automaton (one state per
 * character class it contains, `{n,m}` written out) whose edges count the ways between two states,
 * and two shapes are refused (Weber & Seidl's criteria for exponential and polynomial ambiguity):
 * - a state with two different cycles reading the same text (`(a+)+`, `(a|a)*`, `(a?b?)*`): the
 *   ways double with each cycle, exponential time;
 * - two states p ≠ q with a text that loops at p, leads from p to q and loops at q (`\d+\d+`,
 *   `\w*\.?\w*`): the ways grow as a power of the length. This is checked as a slight
 *   overestimate (the three paths may read different texts of one length), so it may refuse a
 *   rare safe pattern, never pass an unsafe one.
 * Lookaround bodies are checked as patterns of their own. The checks are exact for the language
 * they see; unknown classes (`\p{…}`) count as any character, and a back reference as any text,
 * which only errs towards refusing.
 */

// ---- character sets: sorted, disjoint, inclusive code point ranges ----

type CharSet = ReadonlyArray<readonly [number, number]>;

const MAX_CODE_POINT = 0x10ffff;
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

function intersects(a: CharSet, b: CharSet): boolean {
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

type Node =
  | { kind: 'chars'; set: CharSet; start: number; end: number }
  | { kind: 'empty' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; branches: Node[] }
  | { kind: 'repeat'; body: Node; min: number; max: number; start: number; end: number };

class PatternParser {
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

// ---- the position automaton, each edge with the number of ways it is taken ----

/** `{n,m}` is written out as copies while m is at most this; a larger bound counts as unbounded. */
const MAX_WRITTEN_COUNT = 16;
/** More positions than this and the pattern is refused as too large to check. */
export const MAX_PATTERN_POSITIONS = 150;
/** The most ways a pattern may match one text: a failing match tries each for every prefix. */
export const MAX_WAYS = 1000;
/** Ways are counted up to this (above MAX_WAYS, small enough that products stay exact). */
const WAYS_CAP = 1_000_000;

type Ways = Map<number, number>;
interface Fragment {
  first: Ways;
  last: Ways;
  /** Ways to match the empty text. */
  empty: number;
}

const cap = (n: number) => (n > WAYS_CAP ? WAYS_CAP : n);

class TooLarge extends Error {}

interface Repeat {
  start: number;
  end: number;
  node: Node;
}

class Automaton {
  readonly labels: CharSet[] = [];
  /** The repeats around each position, innermost last. */
  readonly repeatsAround: Repeat[][] = [];
  /** follow[x]: position → ways from x to it in one step (reading that position's character). */
  readonly follow: Ways[] = [];
  /** Ways from the start to each position, reading its character. */
  readonly start: Ways;
  private readonly open: Repeat[] = [];

  constructor(root: Node) {
    this.start = this.fragment(root).first;
  }

  get size(): number {
    return this.labels.length;
  }

  private addFollow(from: Ways, to: Ways): void {
    for (const [x, a] of from) {
      const row = this.follow[x]!;
      for (const [y, b] of to) row.set(y, cap((row.get(y) ?? 0) + a * b));
    }
  }

  private fragment(node: Node): Fragment {
    switch (node.kind) {
      case 'empty':
        return { first: new Map(), last: new Map(), empty: 1 };
      case 'chars': {
        if (this.labels.length >= MAX_PATTERN_POSITIONS) throw new TooLarge();
        const x = this.labels.length;
        this.labels.push(node.set);
        this.repeatsAround.push([...this.open]);
        this.follow.push(new Map());
        return { first: new Map([[x, 1]]), last: new Map([[x, 1]]), empty: 0 };
      }
      case 'alt': {
        const all = node.branches.map((b) => this.fragment(b));
        return { first: sum(all.map((f) => f.first)), last: sum(all.map((f) => f.last)), empty: cap(all.reduce((n, f) => n + f.empty, 0)) };
      }
      case 'seq': {
        let acc: Fragment = { first: new Map(), last: new Map(), empty: 1 };
        for (const item of node.items) acc = this.then(acc, this.fragment(item));
        return acc;
      }
      case 'repeat':
        return this.repeat(node);
    }
  }

  private then(a: Fragment, b: Fragment): Fragment {
    this.addFollow(a.last, b.first);
    return { first: sum([a.first, scale(b.first, a.empty)]), last: sum([b.last, scale(a.last, b.empty)]), empty: cap(a.empty * b.empty) };
  }

  /**
   * As a backtracking matcher runs it: `min` iterations, then up to `max` more, an iteration past
   * `min` that matches nothing ending the loop. Small counts are written out (x{2,3} = x x (x)?),
   * larger or unbounded ones end in a loop (x{20,} = x … x x+).
   */
  private repeat(node: Extract<Node, { kind: 'repeat' }>): Fragment {
    this.open.push({ start: node.start, end: node.end, node });
    try {
      const copy = () => this.fragment(node.body);
      let acc: Fragment = { first: new Map(), last: new Map(), empty: 1 };
      if (node.max <= MAX_WRITTEN_COUNT) {
        for (let i = 0; i < node.min; i++) acc = this.then(acc, copy());
        if (node.max > node.min) acc = this.then(acc, this.optionalChain(copy, node.max - node.min));
      } else {
        const fixed = Math.min(node.min, MAX_WRITTEN_COUNT);
        for (let i = 0; i < fixed - 1; i++) acc = this.then(acc, copy());
        acc = this.then(acc, this.loop(copy(), fixed > 0));
      }
      return acc;
    } finally {
      this.open.pop();
    }
  }

  /** `(x(x(x)?)?)?`: up to `count` more iterations, each number of them one path. */
  private optionalChain(copy: () => Fragment, count: number): Fragment {
    const body = copy();
    const inner = count > 1 ? this.then(body, this.optionalChain(copy, count - 1)) : body;
    // An optional iteration that would match nothing is not taken: one way to match nothing.
    return { first: inner.first, last: inner.last, empty: 1 };
  }

  /** x* (x+ when `once`): the body's ends lead back to its starts. */
  private loop(body: Fragment, once: boolean): Fragment {
    this.addFollow(body.last, body.first);
    return { first: body.first, last: body.last, empty: once ? body.empty : 1 };
  }
}

function sum(all: Ways[]): Ways {
  const out: Ways = new Map();
  for (const ways of all) for (const [x, n] of ways) out.set(x, cap((out.get(x) ?? 0) + n));
  return out;
}

function scale(ways: Ways, by: number): Ways {
  if (by === 0) return new Map();
  if (by === 1) return ways;
  const out: Ways = new Map();
  for (const [x, n] of ways) out.set(x, cap(n * by));
  return out;
}

/** Strongly connected components (iterative Tarjan) of a graph of `count` nodes: a component id per node. */
function components(count: number, successors: (v: number) => Iterable<number>): Int32Array {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const component = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  let counter = 0;
  let made = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: Array<{ v: number; next: Iterator<number> }> = [];
    const open = (v: number) => {
      index[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = 1;
      work.push({ v, next: successors(v)[Symbol.iterator]() });
    };
    open(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const step = top.next.next();
      if (!step.done) {
        const w = step.value;
        if (index[w] === -1) open(w);
        else if (onStack[w]) low[top.v] = Math.min(low[top.v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.v;
        low[parent] = Math.min(low[parent]!, low[top.v]!);
      }
      if (low[top.v] === index[top.v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = made;
        } while (w !== top.v);
        made++;
      }
    }
  }
  return component;
}

// ---- the checks ----

/** Two runs of the automaton side by side, reading the same text: a node per pair of positions. */
class Pairs {
  readonly n: number;
  readonly succ: number[][];
  /** Whether two positions can read one same character. */
  readonly overlap: boolean[][];
  /** Positions on a cycle of the automaton: only they can repeat a way. */
  readonly cyclic: boolean[];

  constructor(readonly automaton: Automaton) {
    this.n = automaton.size;
    this.succ = automaton.follow.map((row) => [...row.keys()]);
    this.overlap = automaton.labels.map((x) => automaton.labels.map((y) => intersects(x, y)));
    const single = components(this.n, (x) => this.succ[x]!);
    const sizes = new Map<number, number>();
    for (const c of single) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    this.cyclic = this.succ.map((next, x) => sizes.get(single[x]!)! > 1 || next.includes(x));
  }

  *steps(v: number): Generator<number> {
    const { n } = this;
    const x = Math.floor(v / n);
    const y = v % n;
    for (const x2 of this.succ[x]!) for (const y2 of this.succ[y]!) if (this.overlap[x2]![y2]) yield x2 * n + y2;
  }

  /**
   * A position with two different cycles reading the same text (exponentially many ways), if any.
   * Turned to start where they part, the cycles leave r together and part at once — to two
   * positions, or to one by an edge taken more than one way — and run as a pair back to (r, r):
   * the pair they part to is in the component of (r, r).
   */
  exponentialAt(): number | null {
    const { n } = this;
    if (!this.cyclic.includes(true)) return null;
    const component = components(n * n, (v) => this.steps(v));
    for (let r = 0; r < n; r++) {
      if (!this.cyclic[r]) continue;
      const home = component[r * n + r]!;
      for (const x of this.succ[r]!) {
        if (this.automaton.follow[r]!.get(x)! > 1 && component[x * n + x] === home) return r;
        for (const y of this.succ[r]!) if (x !== y && this.overlap[x]![y] && component[x * n + y] === home) return r;
      }
    }
    return null;
  }

  /**
   * Positions p ≠ q, both on cycles, where (p, p) leads to (p, q) and (p, q) to (q, q): a text
   * looping at p, leading to q and looping there is then possible (polynomially many ways). The
   * pair paths may read different texts, so this overestimates, never misses.
   */
  polynomialAt(): [number, number] | null {
    const { n } = this;
    const loops = [...this.cyclic.keys()].filter((x) => this.cyclic[x]);
    if (loops.length < 2) return null;
    const pred: number[][] = Array.from({ length: n }, () => []);
    this.succ.forEach((next, x) => next.forEach((y) => pred[y]!.push(x)));
    const back = function* (this: Pairs, v: number): Generator<number> {
      const x2 = Math.floor(v / n);
      const y2 = v % n;
      if (!this.overlap[x2]![y2]) return;
      for (const x of pred[x2]!) for (const y of pred[y2]!) yield x * n + y;
    }.bind(this);
    const reached = (from: number, next: (v: number) => Iterable<number>): Uint8Array => {
      const seen = new Uint8Array(n * n);
      const queue = [from];
      seen[from] = 1;
      while (queue.length > 0) {
        for (const w of next(queue.pop()!)) {
          if (seen[w]) continue;
          seen[w] = 1;
          queue.push(w);
        }
      }
      return seen;
    };
    const into = new Map(loops.map((q) => [q, reached(q * n + q, back)]));
    for (const p of loops) {
      const from = reached(p * n + p, (v) => this.steps(v));
      for (const q of loops) if (q !== p && from[p * n + q] && into.get(q)![p * n + q]) return [p, q];
    }
    return null;
  }
}

/**
 * The most ways one text (any prefix of a cell) is matched, or null when over MAX_WAYS: each
 * reachable vector of ways per position is followed over each class of characters the positions
 * tell apart. Catches what no cycle shows, such as `(a|a){20}` (2^20 ways, no loop at all).
 */
function mostWays(a: Automaton): number | null {
  // Characters no position tells apart form one class; a class no position reads is a dead end.
  const bounds = new Set<number>([0]);
  for (const label of a.labels) for (const [lo, hi] of label) bounds.add(lo).add(hi + 1);
  const points = [...bounds].filter((b) => b <= MAX_CODE_POINT).sort((x, y) => x - y);
  const readers = points
    .map((c) => a.labels.map((label, x) => (label.some(([lo, hi]) => lo <= c && c <= hi) ? x : -1)).filter((x) => x >= 0))
    .filter((xs) => xs.length > 0);
  const classes = [...new Map(readers.map((xs) => [xs.join(','), new Set(xs)])).values()];
  const startVector: Ways = a.start;
  const seen = new Set<string>();
  const queue: Ways[] = [];
  let most = 1;
  const visit = (vector: Ways): boolean => {
    let total = 0;
    for (const n of vector.values()) total += n;
    if (total > MAX_WAYS) return false;
    most = Math.max(most, total);
    const key = [...vector].sort((p, q) => p[0] - q[0]).join(';');
    if (!seen.has(key)) {
      seen.add(key);
      queue.push(vector);
      if (seen.size > MAX_EXPLORED) throw new TooLarge();
    }
    return true;
  };
  for (const reads of classes) {
    const first: Ways = new Map();
    for (const [x, n] of startVector) if (reads.has(x)) first.set(x, n);
    if (first.size > 0 && !visit(first)) return null;
  }
  while (queue.length > 0) {
    const vector = queue.pop()!;
    for (const reads of classes) {
      const next: Ways = new Map();
      for (const [x, n] of vector) for (const [y, w] of a.follow[x]!) if (reads.has(y)) next.set(y, cap((next.get(y) ?? 0) + n * w));
      if (next.size > 0 && !visit(next)) return null;
    }
  }
  return most;
}

/** The most vectors of ways followed before a pattern counts as too large to check. */
const MAX_EXPLORED = 2000;

// ---- the verdict ----

type Verdict =
  | { kind: 'exponential'; at: number }
  | { kind: 'polynomial'; start: number; end: number }
  | { kind: 'ways' }
  | null;

function verdictOf(node: Node): { verdict: Verdict; automaton: Automaton } {
  const automaton = new Automaton(node);
  const pairs = new Pairs(automaton);
  const r = pairs.exponentialAt();
  if (r !== null) return { verdict: { kind: 'exponential', at: r }, automaton };
  const pq = pairs.polynomialAt();
  if (pq) {
    // From the repeat around p to the repeat around q, whichever comes first in the source; when
    // they are two copies of one repeat (`(.*a){12}`), the innermost repeat around both.
    const [around, aroundQ] = pq.map((x) => automaton.repeatsAround[x]!);
    let [a, b] = [around!.at(-1)!, aroundQ!.at(-1)!];
    if (a !== b && a.start === b.start) a = b = around!.findLast((r) => aroundQ!.includes(r)) ?? { start: 0, end: Infinity, node };
    return { verdict: { kind: 'polynomial', start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }, automaton };
  }
  return { verdict: mostWays(automaton) === null ? { kind: 'ways' } : null, automaton };
}

/** Every repeat in the tree, smallest first: where to look for the part that alone is at fault. */
function repeatsOf(node: Node, out: Repeat[] = []): Repeat[] {
  if (node.kind === 'repeat') out.push({ start: node.start, end: node.end, node });
  if (node.kind === 'repeat') repeatsOf(node.body, out);
  if (node.kind === 'seq') for (const item of node.items) repeatsOf(item, out);
  if (node.kind === 'alt') for (const branch of node.branches) repeatsOf(branch, out);
  return out;
}

/**
 * Why `source` (a valid Unicode-mode pattern) may backtrack catastrophically, naming the part
 * that does; null when it cannot.
 */
export function backtrackingHazard(source: string): string | null {
  let parser: PatternParser;
  let root: Node;
  try {
    parser = new PatternParser(source);
    root = parser.parse();
  } catch (error) {
    return `could not be checked for catastrophic backtracking (${(error as Error).message})`;
  }
  const quote = (start: number, end: number) => JSON.stringify(source.slice(start, end));
  try {
    for (const node of [root, ...parser.lookarounds]) {
      const { verdict, automaton } = verdictOf(node);
      if (verdict === null) continue;
      if (verdict.kind === 'polynomial') {
        return `can backtrack catastrophically: in ${quote(verdict.start, verdict.end)} two repetitions can take the same characters one after the ` +
          "other, so a cell it does not match costs a power of the cell's length; make what they repeat exclude each other";
      }
      // The smallest repeat that alone is at fault: around the position for a cycle, anywhere for too many ways.
      const candidates = verdict.kind === 'exponential' ? [...automaton.repeatsAround[verdict.at]!].reverse() : repeatsOf(node).sort((x, y) => x.end - x.start - (y.end - y.start));
      const part = candidates.find((c) => verdictOf(c.node).verdict?.kind === verdict.kind);
      const text = part ? quote(part.start, part.end) : JSON.stringify(source);
      return verdict.kind === 'exponential'
        ? `can backtrack catastrophically: ${text} can match one text in ever more ways as it grows (a repetition of something that itself ` +
            'repeats, or of alternatives that match the same characters), so a cell it does not match takes exponential time; ' +
            'write it so each character can be matched one way only'
        : `can backtrack catastrophically: ${text} can match one text in more than ${MAX_WAYS} ways (repeated alternatives or optional ` +
            'parts that match the same characters), and a cell it does not match tries them all; write it so each character can be matched one way only';
    }
  } catch (error) {
    if (error instanceof TooLarge) {
      return `is too large to check for catastrophic backtracking (more than ${MAX_PATTERN_POSITIONS} character positions once counts up to ` +
        `{${MAX_WRITTEN_COUNT}} are written out, or too many combinations of them); simplify it`;
    }
    throw error;
  }
  return null;
}
