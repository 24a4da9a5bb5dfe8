/**
 * Whether a user's regular expression (the `codePattern` setting) can backtrack catastrophically,
 * checked before it is ever run: `(a+)+$` took forever on a 34-character cell.
 *
 * A backtracking matcher that fails tries every way the pattern can match each prefix, so its time
 * is the number of those ways. The pattern becomes a position automaton whose edges count ways
 * (./automaton.ts), and three shapes are refused:
 * - a state with two different cycles reading the same text (`(a+)+`, `(a|a)*`, `(a?b?)*`): the
 *   ways double with each turn, exponential time (Weber & Seidl's criterion, exact);
 * - two states p ≠ q with a text that loops at p, leads from p to q and loops at q (`\d+\d+`,
 *   `\s*\w*\s*`): the ways grow as a power of the length. Checked as a slight overestimate (the
 *   three paths may read different texts of one length), so it may refuse a rare safe pattern,
 *   never pass an unsafe one;
 * - more than {@link MAX_WAYS} ways for one text without either (`(a|a){20}`: 2^20, no loop at all).
 * Lookaround bodies are checked as patterns of their own. Unknown classes (`\p{…}`) count as any
 * character and a back reference as any text, which only errs towards refusing. Code cells are
 * short (merge.ts MAX_CODE_LENGTH), so what passes stays fast.
 */
import { Automaton, cap, components, MAX_PATTERN_POSITIONS, MAX_WRITTEN_COUNT, type Repeat, TooLarge, type Ways } from './automaton';
import { intersects, MAX_CODE_POINT, type Node, PatternParser } from './pattern';

/** The most ways a pattern may match one text: a failing match tries each for every prefix. */
export const MAX_WAYS = 1000;

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
