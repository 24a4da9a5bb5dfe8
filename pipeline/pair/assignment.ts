/**
 * The optimal assignment (Hungarian method): the pairs of highest total value between the rows of
 * one code in two lists, each row in one pair at most, a pair only where it is allowed. Not greedy
 * (a good pair never blocks two better ones) and not by position. O(n²·m) for n ≤ m rows, so only
 * groups of bounded size come here (see merge's and diff's bounds).
 */

/** A pair's value is counted in these steps, so equal values compare equal and the tie-break stays exact. */
const STEPS_PER_POINT = 16;

/**
 * Pairs of [index in the first list, index in the second], in the first list's order. `value(i, j)`
 * is the worth of pairing them: a pair is allowed when it is > 0, and null or ≤ 0 means never.
 * Among assignments of equal total value, the one whose pairs lie nearest the diagonal (Σ|i − j|
 * least) wins: rows nothing tells apart pair as the pages list them, and the result is deterministic.
 */
export function optimalPairs(n: number, m: number, value: (i: number, j: number) => number | null): Array<[number, number]> {
  if (n === 0 || m === 0) return [];
  const transpose = n > m;
  const rows = transpose ? m : n;
  const cols = transpose ? n : m;
  // Σ|i − j| over any assignment is below rows × cols + 1: one step of value outweighs every tie-break.
  const stepWorth = rows * cols + 1;
  const cost = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = transpose ? value(c, r) : value(r, c);
      const steps = v === null ? 0 : Math.round(v * STEPS_PER_POINT);
      // A cost below 0 is a pair worth taking; 0 is the same as leaving both unpaired.
      cost[r * cols + c] = steps > 0 ? -(steps * stepWorth - Math.abs(r - c)) : 0;
    }
  }
  const assigned = minCostAssignment(rows, cols, cost);
  const pairs: Array<[number, number]> = [];
  for (let r = 0; r < rows; r++) {
    const c = assigned[r]!;
    if (c < 0 || cost[r * cols + c]! >= 0) continue;
    pairs.push(transpose ? [c, r] : [r, c]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/**
 * For each of `rows` (≤ `cols`) rows, its column in the assignment of least total cost, or -1 when
 * the row is better left alone (each row may take a column of its own at cost 0: the columns past
 * `cols`). The classic potentials-and-augmenting-paths formulation, 1-based inside.
 */
function minCostAssignment(rows: number, cols: number, cost: Float64Array): Int32Array {
  const width = cols + rows;
  const at = (i: number, j: number) => (j <= cols ? cost[(i - 1) * cols + (j - 1)]! : 0);
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(width + 1);
  const rowOf = new Int32Array(width + 1);
  const way = new Int32Array(width + 1);
  const minv = new Float64Array(width + 1);
  const used = new Uint8Array(width + 1);
  for (let i = 1; i <= rows; i++) {
    rowOf[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= width; j++) {
        if (used[j]) continue;
        const cur = at(i0, j) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= width; j++) {
        if (used[j]) {
          u[rowOf[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0]!;
      rowOf[j0] = rowOf[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const assigned = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (rowOf[j]! > 0) assigned[rowOf[j]! - 1] = j - 1;
  return assigned;
}
