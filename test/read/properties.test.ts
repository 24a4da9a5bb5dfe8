/**
 * Property-based tests (fast-check). `npm test` runs a few hundred cases; `npm run fuzz` sets
 * ERRCAT_FUZZ_RUNS so the five properties run 12,500 cases together.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isErrcatError } from '../../pipeline/errors';
import type { SourceTable } from '../../pipeline/generated/rows';
import { readPageText } from '../../pipeline/read';
import { columnWidth } from '../../pipeline/read/rst/lines';
import { repoRoot } from '../helpers/reference';
import { seedsDir } from '../helpers/seeds';

const RUNS = Number(process.env.ERRCAT_FUZZ_RUNS ?? 100);
afterAll(() => console.log(`fast-check: 5 properties × ${RUNS} cases = ${5 * RUNS} cases`));

interface Cell {
  text: string;
  rowSpan: number;
  colSpan: number;
  row: number;
  col: number;
}

interface Matrix {
  rows: number;
  cols: number;
  /** Cells in row-major order of their top-left corner, as readers report them. */
  cells: Cell[];
}

// Words that mean nothing special in Markdown, HTML or RST: a letter first, no markup characters,
// nothing that could read as a list marker (`A.`, `ii)`) at the start of a cell.
const word = fc.stringMatching(/^[A-Za-z\u4e00-\u4e2f\u3042-\u3060][A-Za-z0-9\u4e00-\u4e2f,]{0,7}$/);
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));

/** A header row and body rows; random rectangles in the body are merged into spanning cells. */
const matrix = (spans: boolean): fc.Arbitrary<Matrix> =>
  fc
    .record({
      rows: fc.integer({ min: 2, max: 6 }),
      cols: fc.integer({ min: 1, max: 5 }),
      merges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), { maxLength: spans ? 4 : 0 }),
      texts: fc.array(text, { minLength: 30, maxLength: 30 }),
    })
    .map(({ rows, cols, merges, texts }) => {
      const owner: Array<Array<Cell | null>> = Array.from({ length: rows }, () => Array(cols).fill(null));
      const cells: Cell[] = [];
      for (const [r0, c0, h, w] of merges) {
        const row = 1 + (r0 % (rows - 1)); // no span in or across the header row
        const col = c0 % cols;
        const rowSpan = Math.min(h, rows - row);
        const colSpan = Math.min(w, cols - col);
        let free = true;
        for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) if (owner[r]![c]) free = false;
        if (!free) continue;
        const cell = { text: '', rowSpan, colSpan, row, col };
        for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) owner[r]![c] = cell;
        cells.push(cell);
      }
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (!owner[r]![c]) cells.push((owner[r]![c] = { text: '', rowSpan: 1, colSpan: 1, row: r, col: c }));
      cells.sort((a, b) => a.row - b.row || a.col - b.col);
      cells.forEach((cell, i) => (cell.text = texts[i % texts.length]!));
      return { rows, cols, cells };
    });

/** Draws a grid table on a character canvas: every cell's rectangle, `=` under the header row. */
function renderGrid(m: Matrix): string {
  const widths = Array<number>(m.cols).fill(3);
  for (const c of m.cells) if (c.colSpan === 1) widths[c.col] = Math.max(widths[c.col]!, columnWidth(c.text) + 2);
  for (const c of m.cells) {
    const span = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0) + c.colSpan - 1;
    if (span < columnWidth(c.text) + 2) widths[c.col + c.colSpan - 1]! += columnWidth(c.text) + 2 - span;
  }
  const x = [0];
  for (const w of widths) x.push(x[x.length - 1]! + w + 1);
  const y = Array.from({ length: m.rows + 1 }, (_, r) => r * 2);
  const canvas = Array.from({ length: y[m.rows]! + 1 }, () => Array<string>(x[m.cols]! + 1).fill(' '));
  for (const c of m.cells) {
    const [top, bottom, left, right] = [y[c.row]!, y[c.row + c.rowSpan]!, x[c.col]!, x[c.col + c.colSpan]!];
    for (let i = left; i <= right; i++) {
      for (const j of [top, bottom]) canvas[j]![i] = canvas[j]![i] === '+' || canvas[j]![i] === '|' ? '+' : '-';
    }
    for (let j = top; j <= bottom; j++) {
      canvas[j]![left] = canvas[j]![left] === '+' || canvas[j]![left] === '-' ? '+' : '|';
      canvas[j]![right] = canvas[j]![right] === '+' || canvas[j]![right] === '-' ? '+' : '|';
    }
    for (const [j, i] of [[top, left], [top, right], [bottom, left], [bottom, right]] as const) canvas[j]![i] = '+';
    // Text on the cell's first line; a wide character takes two columns, so drop its padding column.
    const chars = Array.from(c.text);
    let col = left + 2;
    for (const ch of chars) {
      canvas[top + 1]![col] = ch;
      if (columnWidth(ch) === 2) canvas[top + 1]![++col] = '';
      col++;
    }
  }
  const lines = canvas.map((row) => row.join(''));
  lines[y[1]!] = lines[y[1]!]!.replace(/-/g, '=');
  return `Errors\n======\n\n${lines.join('\n')}\n`;
}

function renderHtml(m: Matrix): string {
  const rows: string[] = [];
  for (let r = 0; r < m.rows; r++) {
    const tag = r === 0 ? 'th' : 'td';
    const cells = m.cells.filter((c) => c.row === r).map((c) => {
      const attrs = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
      return `<${tag}${attrs}><p>${c.text}</p></${tag}>`;
    });
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `# T\n\n<table><thead>${rows[0]}</thead>\n<tbody>${rows.slice(1).join('\n')}</tbody>\n</table>\n`;
}

function renderPipe(m: Matrix): string {
  const rows: string[] = [];
  for (let r = 0; r < m.rows; r++) rows.push(`|${m.cells.filter((c) => c.row === r).map((c) => c.text).join('|')}|`);
  rows.splice(1, 0, `|${Array(m.cols).fill('--').join('|')}|`);
  return `# T\n\n${rows.join('\n')}\n`;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function expectSame(read: SourceTable[], m: Matrix): void {
  expect(read).toHaveLength(1);
  const got = read[0]!.rows.map((row) => row.cells.map((c) => [collapse(c.text), c.rowSpan, c.colSpan]));
  const want = Array.from({ length: m.rows }, (_, r) => m.cells.filter((c) => c.row === r).map((c) => [c.text, c.rowSpan, c.colSpan]));
  expect(got).toEqual(want);
  expect(read[0]!.headerRows).toBe(1);
}

const page = (file: string, text: string) => readPageText({ file, text });

describe('round trips: random tables rendered, then read back', () => {
  it('grid tables with spans and wide characters', () => {
    // A grid has a row (column) boundary only where some cell's border runs: every row and every
    // column must start a cell, or docutils (rightly) reads fewer rows or columns.
    const drawable = (m: Matrix) =>
      Array.from({ length: m.rows }, (_, r) => m.cells.some((c) => c.row === r)).every(Boolean) &&
      Array.from({ length: m.cols }, (_, k) => m.cells.some((c) => c.col === k)).every(Boolean);
    fc.assert(
      fc.property(matrix(true).filter(drawable), (m) => expectSame(page('t.rst', renderGrid(m)).tables, m)),
      { numRuns: RUNS },
    );
  });

  it('HTML tables with spans', () => {
    fc.assert(fc.property(matrix(true), (m) => expectSame(page('t.md', renderHtml(m)).tables, m)), { numRuns: RUNS });
  });

  it('pipe tables', () => {
    fc.assert(fc.property(matrix(false), (m) => expectSame(page('t.md', renderPipe(m)).tables, m)), { numRuns: RUNS });
  });
});

/** Real pages, cut to a few dozen rows so each case stays fast. */
const seeds = [
  ['cci-zh.md', readFileSync(join(seedsDir, 'zh.md'), 'utf8').split('\n').slice(0, 60).join('\n')],
  ['cci-en.rst', readFileSync(join(seedsDir, 'en.rst'), 'utf8').split('\n').slice(0, 80).join('\n')],
  ['tables.rst', readFileSync(join(repoRoot, 'test', 'fixtures', 'read', 'tables.rst'), 'utf8')],
  ['tables.md', readFileSync(join(repoRoot, 'test', 'fixtures', 'read', 'tables.md'), 'utf8')],
  ['variants.md', readFileSync(join(repoRoot, 'test', 'fixtures', 'columns', 'variants.md'), 'utf8')],
] as const;

const PIECES = ['+', '|', '-', '=', ' ', '\n', '\t', '<table>', '</table>', '<td rowspan="3">', '`', '*', '::', '.. ', '中', '\\', '|--|', '\r\n'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...PIECES) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(source: string, steps: Array<typeof mutation extends fc.Arbitrary<infer T> ? T : never>): string {
  let s = source;
  for (const step of steps) {
    const at = s.length === 0 ? 0 : step.at % s.length;
    if (step.kind === 'insert') s = s.slice(0, at) + step.piece + s.slice(at);
    else if (step.kind === 'delete') s = s.slice(0, at) + s.slice(at + step.length);
    else if (step.kind === 'truncate') s = s.slice(0, at);
    else {
      const lines = s.split('\n');
      const i = step.at % lines.length;
      if (step.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
      else {
        const j = step.other % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      s = lines.join('\n');
    }
  }
  return s;
}

describe('mutated real pages', () => {
  it('never crash: they read, or fail with errcat’s own error naming the file and line', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 }), ([name, source], steps) => {
        const text = mutate(source, steps);
        try {
          const doc = page(name, text);
          for (const table of doc.tables) for (const row of table.rows) expect(row.line).toBeGreaterThan(0);
        } catch (error) {
          if (!isErrcatError(error)) throw error;
          expect(error.file).toBe(name);
          expect(error.message).toMatch(/^(Malformed table: |Cannot tell)/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// Shapes that made readers slow, deep or wrong (issue 22): long runs of markup characters, nesting
// far past the readers' limits, spans, names that are also Object.prototype's. The run lengths are
// kept to a few thousand characters so each case reads in a blink: how cost grows is the
// benchmark's business (test/bench/inputs.js), not this test's.
const RUN_UNITS = [
  '*', '_', '~', '[', ']', '`', '|', '>', '> ', '- ', '* ', '1. ', '  ', '\t', '\n', '\n\n', '#', '=', '-', ':', '\\', '&', '<', '"',
  '*a', 'a*', '_a', 'a_', '[a]', '[a', 'a]', '~a', '`a', ':a:', 'a-', '|a', '\\*', '**', '__', '[[', ']]', '(a)', '<a>', '<!--', '-->',
  '<div>', '</div>', '<table><tr><td>', '</td></tr></table>', '<tr><td>', '<b>', '&constructor;', '&__proto__;', '<constructor>',
  '<td colspan="99999" rowspan="0">x', '<td rowspan="70000">x', '  - ', '    ', 'a\n===\n', 'a\n---\n', '> a\n\n', '- a\n  - b\n',
  '+-+', '+=+', '| ', '.. ', '.. _a: ', '|a| ', '`a`_ ', 'a__ ', ':a:`b` ', '[#]_ ', 'a_\n', '<constructor></constructor>',
];
/** Where the run goes: alone, in a paragraph, a heading, a pipe cell, an HTML cell, a quote, a list, a grid cell, an RST title. */
const PLACES: Array<[string, (run: string) => string]> = [
  ['md', (run) => run],
  ['md', (run) => `# T\n\npara ${run} end\n\n|a|b|\n|--|--|\n|1|2|\n`],
  ['md', (run) => `## ${run}\n\n|a|b|\n|--|--|\n|1|2|\n|3|4|\n`],
  ['md', (run) => `|a|b|\n|--|--|\n|1|${run}|\n|3|4|\n`],
  ['md', (run) => `<table><tr><th>a</th></tr>\n<tr><td>${run}</td></tr></table>\n`],
  ['md', (run) => `> ${run}\n\n|a|\n|--|\n|1|\n`],
  ['md', (run) => `- ${run}\n  |a|\n  |--|\n  |1|\n`],
  ['rst', (run) => `Errors\n======\n\n${run}\n\n+---+\n| a |\n+===+\n| 1 |\n+---+\n`],
  ['rst', (run) => `${run}\n${'='.repeat(Math.min(run.length, 5000) + 1)}\n\n+---+\n| a |\n+---+\n`],
  ['rst', (run) => `+${'-'.repeat(run.length + 2)}+\n| ${run.replace(/\n/g, ' ')} |\n+${'-'.repeat(run.length + 2)}+\n`],
];
const hostilePage = fc
  .record({
    units: fc.array(fc.constantFrom(...RUN_UNITS), { minLength: 1, maxLength: 3 }),
    count: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 200 }), weight: 3 }, { arbitrary: fc.integer({ min: 200, max: 3000 }), weight: 1 }),
    place: fc.nat(PLACES.length - 1),
  })
  .map(({ units, count, place }) => {
    const [ext, wrap] = PLACES[place]!;
    return { file: `hostile.${ext}`, text: wrap(units.join('').repeat(count)) };
  });

describe('hostile pages', () => {
  it('read, or fail with errcat’s own error naming the file and a line, never anything else', () => {
    fc.assert(
      fc.property(hostilePage, ({ file, text }) => {
        try {
          const doc = page(file, text);
          for (const table of doc.tables) for (const row of table.rows) {
            expect(row.line).toBeGreaterThan(0);
            for (const cell of row.cells) {
              // Spans as HTML clamps them (colspan 1–1000, rowspan 1–65534), never what the page asked.
              expect(cell.colSpan).toBeGreaterThanOrEqual(1);
              expect(cell.colSpan).toBeLessThanOrEqual(1000);
              expect(cell.rowSpan).toBeGreaterThanOrEqual(1);
              expect(cell.rowSpan).toBeLessThanOrEqual(65534);
              expect(cell.text).not.toContain('[native code]');
            }
          }
        } catch (error) {
          if (!isErrcatError(error)) throw error;
          expect(error.file).toBe(file);
          expect(error.line).toBeGreaterThanOrEqual(0);
          expect(error.line).toBeLessThanOrEqual(text.split('\n').length);
          expect(error.message).toMatch(/^(Malformed table: |Cannot tell|Too much inline markup|Markdown nested too deeply|Markdown too costly|reStructuredText nested too deeply)/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
