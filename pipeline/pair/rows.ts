/**
 * Pairs one code's rows in a language with the variants found so far (each represented by its
 * first row, an "anchor"), by what they say: the optimal assignment of {@link Likeness} scores,
 * page order only breaking ties. A row that stands for several rows of the other language (it
 * covers them, see {@link Likeness.covers}) is given to each of them. Groups too large for the
 * assignment pair in linear time by {@link pairLargeGroup}.
 */
import { parseStatuses, type SourceRow } from '../normalize';
import { collapseSpace } from '../text';
import { optimalPairs } from './assignment';
import { Likeness, PAIR_THRESHOLD, type Said } from './likeness';

/**
 * The largest group (anchors × rows of one code) paired by the optimal assignment, O(n²·m): at this
 * bound a few tens of milliseconds. Real pages list a code at most a few dozen times per language;
 * a page listing one code 20,000 times pairs by {@link pairLargeGroup} instead.
 */
export const MAX_ALIGNMENT_CELLS = 40_000;

/**
 * The most cells (anchors × rows) one merge pairs by the assignment, over all its codes: a hostile
 * page of many codes each listed just under {@link MAX_ALIGNMENT_CELLS} times would otherwise cost
 * ~1 µs a cell for every code. Real catalogs use a few thousand; past the budget, codes (in code
 * order, so the result is deterministic) pair by {@link pairLargeGroup}.
 */
export const MAX_ALIGNMENT_CELLS_PER_MERGE = 1_000_000;

/** What is left of {@link MAX_ALIGNMENT_CELLS_PER_MERGE} in one merge. */
export interface AlignmentBudget {
  cells: number;
}

export interface RowPairing {
  /** For each anchor, the row paired with it. */
  placed: Array<SourceRow | undefined>;
  /** Rows paired with no anchor, each after the anchor it follows on its page (-1: before the first), sorted so. */
  unpaired: Array<{ after: number; row: SourceRow }>;
  /** Anchors left unpaired that a row covers: anchor index → the covering row, shared with its partner. */
  coveredAnchors: Map<number, SourceRow>;
  /** Unpaired rows an anchor covers: row → that anchor's index (its variant's texts are shared). */
  coveredRows: Map<SourceRow, number>;
}

/** What a row says, for the pairing (a row is one language's, so its module is that language's). */
export function saidBy(row: SourceRow): Said {
  return { statuses: parseStatuses(row.values.httpStatus), message: row.values.message, module: row.values.module, description: row.values.description };
}


export function pairRows(anchors: SourceRow[], rows: SourceRow[], budget: AlignmentBudget): RowPairing {
  // One row each: the code itself says they are the same situation, whatever else differs.
  if (anchors.length === 1 && rows.length === 1) return { placed: [rows[0]], unpaired: [], coveredAnchors: new Map(), coveredRows: new Map() };
  const cells = anchors.length * rows.length;
  if (cells > MAX_ALIGNMENT_CELLS || cells > budget.cells) return pairLargeGroup(anchors, rows);
  budget.cells -= cells;
  const likeness = new Likeness();
  const a = anchors.map(saidBy);
  const b = rows.map(saidBy);
  const scores = a.map((x) => b.map((y) => likeness.score(x, y)));
  const pairs = optimalPairs(anchors.length, rows.length, (i, j) => worth(scores[i]![j]!));
  const placed: Array<SourceRow | undefined> = new Array(anchors.length);
  const anchorOfRow = new Map<number, number>();
  for (const [i, j] of pairs) {
    placed[i] = rows[j];
    anchorOfRow.set(j, i);
  }
  const coveredAnchors = new Map<number, SourceRow>();
  const coveredRows = new Map<SourceRow, number>();
  if (anchors.length > rows.length) {
    const partnerOfRow = (j: number) => anchorOfRow.get(j);
    for (const [j, group] of coverGroups(likeness, b, a, anchors.map((_, i) => i).filter((i) => !placed[i]), partnerOfRow, (j, i) => scores[i]![j]!)) {
      for (const i of group) coveredAnchors.set(i, rows[j]!);
    }
  } else if (rows.length > anchors.length) {
    const partnerOfAnchor = (i: number) => {
      const row = placed[i];
      return row ? rows.indexOf(row) : undefined;
    };
    const lonely = rows.map((_, j) => j).filter((j) => !anchorOfRow.has(j));
    for (const [i, group] of coverGroups(likeness, a, b, lonely, partnerOfAnchor, (i, j) => scores[i]![j]!)) {
      for (const j of group) coveredRows.set(rows[j]!, i);
    }
  }
  // An unpaired row follows the anchor of the nearest row above it that is paired.
  const unpaired: RowPairing['unpaired'] = [];
  let after = -1;
  rows.forEach((row, j) => {
    const anchor = anchorOfRow.get(j);
    if (anchor !== undefined) after = anchor;
    else unpaired.push({ after, row });
  });
  unpaired.sort((x, y) => x.after - y.after);
  return { placed, unpaired, coveredAnchors, coveredRows };
}

/** A pair's worth for the assignment: positive from the threshold up, so every allowed pair is worth taking. */
function worth(score: number): number | null {
  return score < PAIR_THRESHOLD ? null : score - PAIR_THRESHOLD + 0.5;
}

/**
 * Rows of the shorter list (`wide`) that stand for several rows of the longer (`narrow`): each
 * unpaired narrow row goes to the wide row that covers it best (ties: the first), and a wide row
 * keeps its group only when it also covers its own partner (or, unpaired, covers two rows at
 * least) — so a row that is a plain translation of its partner never takes others. Wide index →
 * the narrow rows it covers besides its partner.
 */
function coverGroups(likeness: Likeness, wide: Said[], narrow: Said[], lonely: number[], partnerOf: (w: number) => number | undefined, score: (w: number, n: number) => number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const k of lonely) {
    let best = -1;
    for (let w = 0; w < wide.length; w++) {
      if (!likeness.covers(wide[w]!, narrow[k]!)) continue;
      if (best < 0 || score(w, k) > score(best, k)) best = w;
    }
    if (best < 0) continue;
    const group = groups.get(best);
    if (group) group.push(k);
    else groups.set(best, [k]);
  }
  for (const [w, group] of groups) {
    const partner = partnerOf(w);
    const keeps = partner === undefined ? group.length >= 2 : likeness.covers(wide[w]!, narrow[partner]!);
    if (!keeps) groups.delete(w);
  }
  return groups;
}

/**
 * Pairing for groups too large to assign exactly, in time linear in the group: a row first pairs
 * with the earliest free anchor that says the same (status, message and module), then the rows left
 * pair with the anchors left in order, as many as there are. Rows beyond that are variants of their
 * own at the end. Found only on pages that list one code thousands of times.
 */
function pairLargeGroup(anchors: SourceRow[], rows: SourceRow[]): RowPairing {
  const byKey = new Map<string, number[]>();
  anchors.forEach((anchor, i) => {
    const key = sameSayingKey(anchor);
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const placed: Array<SourceRow | undefined> = new Array(anchors.length);
  const cursor = new Map<string, number>();
  const left: SourceRow[] = [];
  for (const row of rows) {
    const key = sameSayingKey(row);
    const list = byKey.get(key);
    const at = cursor.get(key) ?? 0;
    if (list && at < list.length) {
      placed[list[at]!] = row;
      cursor.set(key, at + 1);
    } else left.push(row);
  }
  const unpaired: RowPairing['unpaired'] = [];
  let k = 0;
  for (const row of left) {
    while (k < anchors.length && placed[k]) k++;
    if (k < anchors.length) placed[k++] = row;
    else unpaired.push({ after: anchors.length - 1, row });
  }
  return { placed, unpaired, coveredAnchors: new Map(), coveredRows: new Map() };
}

/** Status, message and module as one string: rows with equal keys say the same on what the pairing weighs most. */
function sameSayingKey(row: SourceRow): string {
  return JSON.stringify([row.values.httpStatus?.trim() ?? '', collapseSpace(row.values.message), collapseSpace(row.values.module)]);
}
