/**
 * Edit distance where swapping two neighbours is one edit, as typing mistakes are ("paht" → "path",
 * `PortIdentifeir` → `PortIdentifier`): the optimal string alignment distance. One definition for
 * every "did you mean" and every near spelling errcat reports. Quadratic in the lengths: callers
 * bound them.
 */
export function editDistance(a: string, b: string): number {
  // Three rows: the one being filled, the one above, and the one above that (for a swap).
  let above2: number[] = [];
  let above = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, above2[j - 2]! + 1);
      row[j] = d;
    }
    above2 = above;
    above = row;
  }
  return above[b.length]!;
}
