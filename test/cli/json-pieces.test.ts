import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJsonPieces } from '../../pipeline/cli/json-pieces';

// writeJsonPieces must write exactly JSON.stringify's text, only in pieces.
const pieces = (value: unknown, indent: 0 | 2) => {
  const out: string[] = [];
  writeJsonPieces(value, indent, (p) => out.push(p));
  return out.join('');
};

describe('JSON in pieces', () => {
  // Values of any shape, with what JSON.stringify drops or turns into null (undefined, functions,
  // symbols), empty containers and long arrays at the levels that are walked.
  const leaf = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(undefined, () => 1, Symbol('s'), new Date(0), [], {}, 'a\nb', '中文', -0));
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 70 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 5 })),
  })).node;

  it.each([2, 0] as const)('equal JSON.stringify with indent %i on any value', (indent) => {
    fc.assert(
      fc.property(value, (v) => {
        expect(pieces(v, indent)).toBe(indent === 2 ? JSON.stringify(v, null, 2) ?? '' : JSON.stringify(v) ?? '');
      }),
      { numRuns: 500 },
    );
  });

  it("equal JSON.stringify on a rows document, its rows written in batches", () => {
    const doc = { file: 'a.md', lang: 'zh', tables: [{ line: 1, section: null, caption: null, headerRows: 1, rows: Array.from({ length: 300 }, (_, i) => ({ line: i, cells: [{ text: `x${i}`, rowSpan: 1, colSpan: 1 }] })) }] };
    const out: string[] = [];
    writeJsonPieces(doc, 2, (p) => out.push(p));
    expect(out.join('')).toBe(JSON.stringify(doc, null, 2));
    expect(out.length).toBeGreaterThan(300 / 64);
  });

  it('with release, write the same text and drop the long arrays\' elements once written', () => {
    fc.assert(
      fc.property(value, (v) => {
        const expected = JSON.stringify(v, null, 2) ?? '';
        const out: string[] = [];
        writeJsonPieces(v, 2, (p) => out.push(p), { release: true });
        expect(out.join('')).toBe(expected);
      }),
      { numRuns: 300 },
    );
    const rows = Array.from({ length: 100 }, (_, i) => ({ line: i }));
    writeJsonPieces({ rows }, 2, () => {}, { release: true });
    expect(rows.every((r) => r === undefined)).toBe(true);
  });
});
