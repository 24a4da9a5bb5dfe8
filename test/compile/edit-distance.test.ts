/**
 * The one edit distance behind every "did you mean" and every near spelling: optimal string
 * alignment, so two swapped neighbours are one edit. Expected values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../pipeline/edit-distance';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    // Two neighbours swapped: one edit, not two substitutions.
    ['paht', 'path', 1],
    ['flavorid', 'falvorid', 1],
    // Substitutions, insertions, deletions: kitten → sitten → sittin → sitting.
    ['kitten', 'sitting', 3],
    ['Modul', 'Module', 1],
    // A swapped pair is not edited again: "ca" → "abc" takes three (Damerau's unrestricted distance says two).
    ['ca', 'abc', 3],
  ])('%j to %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
