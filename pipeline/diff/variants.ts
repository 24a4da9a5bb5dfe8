/**
 * Pairs the variants of one code between two versions by what they say, never by position: equal
 * variants first (a reordered page diffs empty), then the most alike (module, status, messages),
 * so an edited variant is a change of that variant. When one variant is left on each side they
 * pair whatever they say, as a single-row code always has.
 */
import type { CatalogEntry } from '../generated/catalog';
import { variantsOf } from '../merge';
import { collapseSpace, sameText } from '../text';

type Side = CatalogEntry | undefined;

function asEntries(entry: CatalogEntry): CatalogEntry[] {
  return variantsOf(entry).map((v) => ({ errorCode: entry.errorCode, ...v }));
}

function contentKey(v: CatalogEntry): string {
  const texts = Object.keys(v.texts)
    .sort()
    .map((lang) => {
      const t = v.texts[lang]!;
      return [lang, collapseSpace(t.message), collapseSpace(t.description), collapseSpace(t.measure), JSON.stringify(t.extra ?? null)];
    });
  return JSON.stringify([v.httpStatus, v.httpStatuses ?? null, collapseSpace(v.module), texts]);
}

function likeness(a: CatalogEntry, b: CatalogEntry): number {
  let score = 0;
  if (a.module !== undefined && sameText(a.module, b.module)) score += 4;
  if (a.httpStatus !== null && a.httpStatus === b.httpStatus) score += 2;
  for (const lang of Object.keys(a.texts)) {
    const x = a.texts[lang];
    const y = b.texts[lang];
    if (!x || !y) continue;
    if (x.message !== null && sameText(x.message, y.message)) score += 3;
    if (x.description !== null && sameText(x.description, y.description)) score += 1;
  }
  return score;
}

export function pairVariants(old: CatalogEntry, next: CatalogEntry): Array<[Side, Side]> {
  const before = asEntries(old);
  const after = asEntries(next);
  const pairs: Array<[Side, Side]> = [];
  const usedNew = new Set<number>();
  const leftOld: number[] = [];
  // Equal variants, in order.
  before.forEach((v, i) => {
    const key = contentKey(v);
    const j = after.findIndex((w, k) => !usedNew.has(k) && contentKey(w) === key);
    if (j >= 0) {
      usedNew.add(j);
      pairs.push([v, after[j]]);
    } else leftOld.push(i);
  });
  let leftNew = after.map((_, j) => j).filter((j) => !usedNew.has(j));
  if (leftOld.length === 1 && leftNew.length === 1) {
    pairs.push([before[leftOld[0]!], after[leftNew[0]!]]);
    return pairs;
  }
  // The most alike first; a pair must share something (module, status or a text).
  const candidates: Array<[number, number, number]> = [];
  for (const i of leftOld) for (const j of leftNew) candidates.push([likeness(before[i]!, after[j]!), i, j]);
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const pairedOld = new Set<number>();
  const pairedNew = new Set<number>();
  for (const [score, i, j] of candidates) {
    if (score === 0 || pairedOld.has(i) || pairedNew.has(j)) continue;
    pairedOld.add(i);
    pairedNew.add(j);
    pairs.push([before[i], after[j]]);
  }
  for (const i of leftOld) if (!pairedOld.has(i)) pairs.push([before[i], undefined]);
  leftNew = leftNew.filter((j) => !pairedNew.has(j));
  for (const j of leftNew) pairs.push([undefined, after[j]]);
  return pairs;
}
