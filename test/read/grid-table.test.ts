import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRID_TOP, parseGridTable, regularGrid } from '../../pipeline/read/rst/grid-table';
import { padWide } from '../../pipeline/read/rst/lines';
import { corpusDir, hasCorpus } from '../helpers/reference';
import { seedsDir } from '../helpers/seeds';

// Grid tables without spans are read as the grid they are (regularGrid); every other table is
// traced as docutils traces it. The tracing is the reference: both must give the same layout, or
// the same error, for any table.
/** As parseGridTable hands a table to regularGrid: the head separator's = as -. */
const isRegular = (lines: string[]) =>
  regularGrid(lines.map((l) => (l.startsWith('+=') ? l.replace(/=/g, '-') : l)), lines.map((_, i) => i + 1), null) !== null;

const layout = (lines: string[], trace: boolean) => {
  try {
    return parseGridTable(lines, lines.map((_, i) => i + 1), { trace });
  } catch (error) {
    return { error: String(error), offset: (error as { offset?: number }).offset };
  }
};

/** The grid tables of a page: a border line and the `+`/`|` lines under it, padded as the reader pads them. */
function gridBlocks(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const indent = /^ */.exec(lines[i]!)![0].length;
    if (!GRID_TOP.test(lines[i]!.slice(indent))) continue;
    const block: string[] = [];
    while (i < lines.length && /^[+|]/.test(lines[i]!.slice(indent)) && /^ *$/.test(lines[i]!.slice(0, indent))) block.push(padWide(lines[i++]!.slice(indent).trimEnd()));
    blocks.push(block);
  }
  return blocks;
}

function rstPages(): string[] {
  const pages = [join(seedsDir, 'en.rst')];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.rst')) pages.push(path);
    }
  };
  if (hasCorpus) walk(corpusDir);
  return pages;
}

describe('grid tables read as grids', () => {
  it('read every grid table of the real pages as tracing does', () => {
    let regular = 0;
    let blocks = 0;
    for (const file of rstPages()) {
      for (const block of gridBlocks(readFileSync(file, 'utf8'))) {
        if (new Set(block.map((l) => l.length)).size !== 1) continue; // ragged: the reader refuses it first
        blocks++;
        if (isRegular(block)) regular++;
        expect(layout(block, false), `${file}, table of ${block.length} lines`).toEqual(layout(block, true));
      }
    }
    expect(regular).toBeGreaterThan(0); // the seeds' en page at least
    if (hasCorpus) expect(blocks).toBeGreaterThan(50);
  });

  // Random grids: column and row boundaries, some borders left out (spans), some characters at
  // boundaries changed, so regular, spanned and broken tables all come up.
  const grid = fc
    .record({
      widths: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
      heights: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
      head: fc.option(fc.nat(), { nil: undefined }),
      gaps: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
      edits: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('+', '|', '-', ' ', 'x', '=')), { maxLength: 2 }),
      text: fc.constantFrom('a', 'b c', '|', '+', '-'),
    })
    .map(({ widths, heights, head, gaps, edits, text }) => {
      const border = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
      const textLine = `|${widths.map((w) => text.repeat(w).slice(0, w)).join('|')}|`;
      const lines = [border];
      heights.forEach((h, r) => {
        for (let k = 0; k < h; k++) lines.push(textLine);
        lines.push(head !== undefined && head % heights.length === r && r + 1 < heights.length ? border.replace(/-/g, '=') : border);
      });
      // A gap: a stretch of an inner border written as text, which makes a span (or breaks the table).
      for (const [line, col] of gaps) {
        const i = 1 + (line % Math.max(lines.length - 2, 1));
        if (i >= lines.length - 1 || lines[i]![0] !== '+') continue;
        const at = 1 + (col % (border.length - 2));
        lines[i] = `${lines[i]!.slice(0, at)}${' '.repeat(Math.min(3, border.length - 1 - at))}${lines[i]!.slice(at + 3)}`.slice(0, border.length);
      }
      for (const [line, col, c] of edits) {
        const i = line % lines.length;
        const at = col % border.length;
        lines[i] = lines[i]!.slice(0, at) + c + lines[i]!.slice(at + 1);
      }
      return lines;
    });

  it('read any table, regular, spanned or broken, as tracing does', () => {
    let regular = 0;
    fc.assert(
      fc.property(grid, (lines) => {
        if (isRegular(lines)) regular++;
        expect(layout(lines, false)).toEqual(layout(lines, true));
      }),
      { numRuns: Number(process.env.ERRCAT_FUZZ_RUNS ?? 2000) },
    );
    expect(regular).toBeGreaterThan(100);
  });
});
