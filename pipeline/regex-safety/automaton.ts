/**
 * The position automaton of a pattern tree: one state per character set it holds (`{n,m}` written
 * out), each edge with the number of ways a backtracking matcher can take it (capped), so that two
 * ways into one state stay two. Built the way the matcher runs: an iteration past a repeat's
 * minimum that matches nothing ends the repeat.
 */
import type { CharSet, Node } from './pattern';

// ---- the position automaton, each edge with the number of ways it is taken ----

/** `{n,m}` is written out as copies while m is at most this; a larger bound counts as unbounded. */
export const MAX_WRITTEN_COUNT = 16;
/** More positions than this and the pattern is refused as too large to check. */
export const MAX_PATTERN_POSITIONS = 150;
/** Ways are counted up to this: far above what the check allows, small enough that products stay exact. */
const WAYS_CAP = 1_000_000;

export type Ways = Map<number, number>;
interface Fragment {
  first: Ways;
  last: Ways;
  /** Ways to match the empty text. */
  empty: number;
}

export const cap = (n: number) => (n > WAYS_CAP ? WAYS_CAP : n);

/** Thrown when a pattern has more positions, or combinations of them, than are checked. */
export class TooLarge extends Error {}

export interface Repeat {
  start: number;
  end: number;
  node: Node;
}

export class Automaton {
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
export function components(count: number, successors: (v: number) => Iterable<number>): Int32Array {
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
