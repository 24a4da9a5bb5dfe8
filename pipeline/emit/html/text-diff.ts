/**
 * Where two short texts differ, character by character: the longest common subsequence of their
 * code points, so `invaild` against `invalid` marks the swapped letters, not the whole word. When
 * less than half of the differing middle is shared (a message reworded, not corrected), letters
 * the two happen to share would only scatter the marks, so the whole middle is marked. Long texts
 * (beyond what a table cell shows) fall back to the common prefix and suffix.
 */
export interface Segment {
  text: string;
  changed: boolean;
}

const MAX_CELLS = 250_000;

export function diffChars(a: string, b: string): [Segment[], Segment[]] {
  const x = [...a];
  const y = [...b];
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const midX = x.slice(start, endX);
  const midY = y.slice(start, endY);
  let [keepX, keepY] = midX.length * midY.length <= MAX_CELLS ? commonMarks(midX, midY) : [midX.map(() => false), midY.map(() => false)];
  const shared = keepX.filter(Boolean).length;
  if (shared * 2 < Math.max(midX.length, midY.length)) [keepX, keepY] = [midX.map(() => false), midY.map(() => false)];
  return [side(x, start, endX, keepX), side(y, start, endY, keepY)];
}

/** One side as runs: the common prefix, the middle's kept and changed runs, the common suffix. */
function side(chars: string[], start: number, end: number, keep: boolean[]): Segment[] {
  const out: Segment[] = [];
  const push = (from: number, to: number, changed: boolean) => {
    if (from === to) return;
    const text = chars.slice(from, to).join('');
    const last = out[out.length - 1];
    if (last && last.changed === changed) last.text += text;
    else out.push({ text, changed });
  };
  push(0, start, false);
  for (let i = 0; i < keep.length; ) {
    let j = i + 1;
    while (j < keep.length && keep[j] === keep[i]) j++;
    push(start + i, start + j, !keep[i]);
    i = j;
  }
  push(end, chars.length, false);
  return out;
}

/** Which characters of each side belong to a longest common subsequence. */
function commonMarks(x: string[], y: string[]): [boolean[], boolean[]] {
  const n = x.length;
  const m = y.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = x[i] === y[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const keepX = new Array<boolean>(n).fill(false);
  const keepY = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      keepX[i++] = true;
      keepY[j++] = true;
    } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return [keepX, keepY];
}
