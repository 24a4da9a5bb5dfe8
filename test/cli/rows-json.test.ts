import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeRowsJson } from '../../pipeline/cli/rows-json';
import type { RowsDocument } from '../../pipeline/generated/rows';
import { readPage } from '../../pipeline/read';
import { corpusDir, hasCorpus } from '../helpers/reference';

// writeRowsJson must write the UTF-8 of JSON.stringify(doc, null, indent), byte for byte.
const written = (doc: RowsDocument, indent: 0 | 2, bufferBytes?: number) => {
  const out: Buffer[] = [];
  writeRowsJson(doc, indent, (bytes) => out.push(Buffer.from(bytes)), bufferBytes);
  return Buffer.concat(out);
};
const expected = (doc: RowsDocument, indent: 0 | 2) => Buffer.from(indent === 2 ? JSON.stringify(doc, null, 2) : JSON.stringify(doc));

const root = join(__dirname, '..', '..');

describe('rows as JSON bytes', () => {
  // Any UTF-16 unit, lone surrogates and controls included, and text long enough to outgrow a small buffer.
  const anyText = fc.oneof(
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.constantFrom('', '中文 错误码', 'a"b\\c', 'line\nline', '😀', '\ud800', 'CCI.02.409101'),
  );
  const span = fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 12 }));
  const cell = fc.record({ text: anyText, rowSpan: span, colSpan: span });
  const row = fc.record({ line: fc.integer({ min: 1, max: 1e6 }), cells: fc.array(cell, { maxLength: 6 }), missingCells: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }) });
  const table = fc.record({
    line: fc.integer({ min: 1, max: 1e6 }),
    section: fc.option(anyText, { nil: null }),
    caption: fc.option(anyText, { nil: null }),
    headerRows: fc.integer({ min: 0, max: 3 }),
    rows: fc.array(row, { maxLength: 8 }),
  });
  const note = fc.record({ line: fc.integer({ min: 1, max: 1e6 }), message: anyText });
  const doc: fc.Arbitrary<RowsDocument> = fc.record({
    file: anyText,
    lang: fc.constantFrom('zh', 'en', 'zh-CN'),
    tables: fc.array(table, { maxLength: 4 }),
    notes: fc.option(fc.array(note, { maxLength: 3 }), { nil: undefined }),
  });

  it.each([2, 0] as const)('equal JSON.stringify with indent %i on any document, whatever the buffer size', (indent) => {
    fc.assert(
      fc.property(doc, fc.integer({ min: 64, max: 4096 }), (d, bufferBytes) => {
        expect(written(d, indent, bufferBytes).equals(expected(d, indent))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('leave out the members that are undefined, as JSON.stringify does', () => {
    const d: RowsDocument = { file: 'a.md', lang: 'zh', tables: [{ line: 1, section: null, caption: null, headerRows: 1, rows: [{ line: 2, cells: [], missingCells: undefined }] }], notes: undefined };
    expect(written(d, 2).toString()).toBe(JSON.stringify(d, null, 2));
    expect(written(d, 2).toString()).not.toContain('missingCells');
    expect(written(d, 2).toString()).not.toContain('notes');
  });

  it('write every table of the seed pages as JSON.stringify does', () => {
    for (const page of ['zh.md', 'en.rst']) {
      const d = readPage(join(root, 'test', 'fixtures', 'cci', page));
      expect(d.tables.length).toBeGreaterThan(0);
      for (const indent of [2, 0] as const) expect(written(d, indent).equals(expected(d, indent))).toBe(true);
    }
  });

  // The writer puts members in the schema's order; this holds only while every reader builds its
  // objects in that order, which every real page checks here.
  it.skipIf(!hasCorpus)('write every page of the shared corpus as JSON.stringify does', () => {
    const [, ...lines] = readFileSync(join(corpusDir, 'manifest.tsv'), 'utf8').trim().split('\n');
    const failures: string[] = [];
    for (const page of lines.map((line) => line.split('\t')[2]!)) {
      const d = readPage(join(corpusDir, page));
      if (!written(d, 2).equals(expected(d, 2))) failures.push(page);
    }
    expect(lines.length).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });
});
