/**
 * Pairs the variants of one code between two versions by what they say, never by position: equal
 * variants first (a reordered page diffs empty), then the optimal assignment of the pairing's score
 * (pair/: status, message, module, description, each language with itself), so an edited variant is
 * a change of that variant. When one variant is left on each side they
 * pair whatever they say, as a single-row code always has.
 */
import type { CatalogEntry } from '../generated/catalog';
import { variantsOf } from '../merge';
import { optimalPairs } from '../pair/assignment';
import { Likeness, PAIR_THRESHOLD, type Said } from '../pair/likeness';
import { collapseSpace } from '../text';

type Side = CatalogEntry | undefined;

function asEntries(entry: CatalogEntry): CatalogEntry[] {
  return variantsOf(entry).map((v) => ({ errorCode: entry.errorCode, ...v }));
}

function contentKey(v: CatalogEntry): string {
  const texts = Object.keys(v.texts)
    .sort()
    .map((lang) => {
      const t = v.texts[lang]!;
      return [lang, collapseSpace(t.module), collapseSpace(t.message), collapseSpace(t.description), collapseSpace(t.measure), JSON.stringify(t.extra ?? null)];
    });
  return JSON.stringify([v.httpStatus, v.httpStatuses ?? null, texts]);
}

/** Each language's module, as [lang, module] (languages without one left out). */
function modules(v: CatalogEntry): Array<[string, string]> {
  return Object.keys(v.texts)
    .sort()
    .flatMap((lang) => (v.texts[lang]!.module == null ? [] : [[lang, collapseSpace(v.texts[lang]!.module!)] as [string, string]]));
}

/** What a variant says in one language, for the pairing. */
function saidIn(v: CatalogEntry, lang: string | null): Said {
  const t = lang === null ? undefined : v.texts[lang];
  return { statuses: v.httpStatuses ?? (v.httpStatus === null ? null : [v.httpStatus]), message: t?.message, module: moduleIn(v, lang), description: t?.description };
}

function moduleIn(v: CatalogEntry, lang: string | null): string | undefined {
  return (lang === null ? undefined : v.texts[lang]?.module) ?? undefined;
}

/** The pairing's score (pair/likeness.ts) compared language by language, averaged over the languages both versions have. */
function likeness(scorer: Likeness, a: CatalogEntry, b: CatalogEntry): number {
  const langs = Object.keys(a.texts).filter((lang) => Object.hasOwn(b.texts, lang));
  if (langs.length === 0) return scorer.score(saidIn(a, null), saidIn(b, null));
  return langs.reduce((sum, lang) => sum + scorer.score(saidIn(a, lang), saidIn(b, lang)), 0) / langs.length;
}

/**
 * The most candidate pairs (variants left on one side × the other) assigned exactly; a code
 * with thousands of variants on both sides pairs by {@link pairByShared} instead, in linear time.
 */
export const MAX_SCORED_PAIRS = 40_000;

export function pairVariants(old: CatalogEntry, next: CatalogEntry): Array<[Side, Side]> {
  const before = asEntries(old);
  const after = asEntries(next);
  const pairs: Array<[Side, Side]> = [];
  const leftOld: number[] = [];
  // Equal variants, in order: each old variant takes the first new one with its content not yet taken.
  const takeNew = firstFree(after.map((_, j) => j), (j) => contentKey(after[j]!));
  const usedNew = new Set<number>();
  before.forEach((v, i) => {
    const j = takeNew(contentKey(v));
    if (j !== undefined) {
      usedNew.add(j);
      pairs.push([v, after[j]]);
    } else leftOld.push(i);
  });
  let leftNew = after.map((_, j) => j).filter((j) => !usedNew.has(j));
  if (leftOld.length === 1 && leftNew.length === 1) {
    pairs.push([before[leftOld[0]!], after[leftNew[0]!]]);
    return pairs;
  }
  const matched = leftOld.length * leftNew.length <= MAX_SCORED_PAIRS ? pairByLikeness(before, after, leftOld, leftNew) : pairByShared(before, after, leftOld, leftNew);
  const pairedOld = new Set<number>();
  const pairedNew = new Set<number>();
  for (const [i, j] of matched) {
    pairedOld.add(i);
    pairedNew.add(j);
    pairs.push([before[i], after[j]]);
  }
  for (const i of leftOld) if (!pairedOld.has(i)) pairs.push([before[i], undefined]);
  leftNew = leftNew.filter((j) => !pairedNew.has(j));
  for (const j of leftNew) pairs.push([undefined, after[j]]);
  return pairs;
}

/** The optimal assignment of likeness over the variants left (page order breaking ties); pairs below the threshold stay apart. */
function pairByLikeness(before: CatalogEntry[], after: CatalogEntry[], leftOld: number[], leftNew: number[]): Array<[number, number]> {
  const scorer = new Likeness();
  const pairs = optimalPairs(leftOld.length, leftNew.length, (i, j) => {
    const score = likeness(scorer, before[leftOld[i]!]!, after[leftNew[j]!]!);
    return score < PAIR_THRESHOLD ? null : score - PAIR_THRESHOLD + 0.5;
  });
  return pairs.map(([i, j]) => [leftOld[i]!, leftNew[j]!]);
}

/**
 * For groups too large to score every pair: variants pair, in order, when they share module,
 * status and messages; then, of those left, when they share their messages; then module and
 * status. Each pass is a lookup by key, so the whole is linear in the variants.
 */
function pairByShared(before: CatalogEntry[], after: CatalogEntry[], leftOld: number[], leftNew: number[]): Array<[number, number]> {
  const messages = (v: CatalogEntry) =>
    Object.keys(v.texts)
      .sort()
      .flatMap((lang) => (v.texts[lang]!.message === null ? [] : [[lang, collapseSpace(v.texts[lang]!.message)]]));
  // Null: the variant has nothing of that kind to share, so it pairs by no such key.
  const keys: Array<(v: CatalogEntry) => string | null> = [
    (v) => (modules(v).length === 0 || v.httpStatus === null || messages(v).length === 0 ? null : JSON.stringify([modules(v), v.httpStatus, messages(v)])),
    (v) => (messages(v).length === 0 ? null : JSON.stringify(messages(v))),
    (v) => (modules(v).length === 0 && v.httpStatus === null ? null : JSON.stringify([modules(v), v.httpStatus])),
  ];
  const matched: Array<[number, number]> = [];
  let olds = leftOld;
  let news = leftNew;
  for (const keyOf of keys) {
    const take = firstFree(news, (j) => keyOf(after[j]!));
    const taken = new Set<number>();
    const rest: number[] = [];
    for (const i of olds) {
      const key = keyOf(before[i]!);
      const j = key === null ? undefined : take(key);
      if (j === undefined) rest.push(i);
      else {
        taken.add(j);
        matched.push([i, j]);
      }
    }
    olds = rest;
    news = news.filter((j) => !taken.has(j));
  }
  return matched;
}

/** Takes, for a key, the first of `items` with that key not taken yet (in the order given), in constant time. */
function firstFree(items: number[], keyOf: (item: number) => string | null): (key: string) => number | undefined {
  const byKey = new Map<string, number[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  const next = new Map<string, number>();
  return (key) => {
    const list = byKey.get(key);
    const at = next.get(key) ?? 0;
    if (!list || at >= list.length) return undefined;
    next.set(key, at + 1);
    return list[at];
  };
}
