/**
 * Property-based tests of the stages after reading (fast-check): random pages with the hostile
 * shapes of issue 22 — one code repeated many times, long whitespace runs, spans (some far too
 * large), repeated headers, names such as __proto__ — compile to a catalog or fail with an
 * ErrcatError, never another exception; and a compiled catalog accounts for every row and cell.
 * `npm run fuzz` sets ERRCAT_FUZZ_RUNS for more cases.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { isErrcatError } from '../../pipeline/errors';
import type { CatalogSpec } from '../../pipeline/sources';

const RUNS = Number(process.env.ERRCAT_FUZZ_RUNS ?? 100);
afterAll(() => console.log(`fast-check: 2 properties × ${RUNS} cases = ${2 * RUNS} cases`));

const spaces = fc.integer({ min: 1, max: 1500 }).map((n) => ' '.repeat(n));
const code = fc.oneof(
  fc.constantFrom('V.1', 'V.1', 'V.1', 'V.2', 'V.3', 'constructor', '__proto__', 'toString', ''),
  spaces.map((s) => `V.${s}4`),
  spaces.map((s) => `A${s}b`),
);
const status = fc.oneof(fc.constantFrom('400', '404', '400/404', '400 或 404', '403 Forbidden', '', 'x'), spaces.map((s) => `400${s}1`), spaces.map((s) => `400${s}/${s}404`));
const message = fc.oneof(fc.constantFrom('m', 'same', 'a, b', 'a ,b', '“q”', ''), spaces.map((s) => `a${s},${s}b`), spaces.map((s) => `a${s}b`));
const otherHeader = fc.constantFrom('错误码', '错误码', '状态码', '错误信息', '备注', '备注', '描述', '__proto__', 'constructor', '');

interface Row {
  cells: Array<{ text: string; colSpan: number; rowSpan: number }>;
}

/** A header that usually has a code column, and rows of cells that fit it (HTML may span). */
const table = (html: boolean) =>
  fc
    .record({
      // The code column first, nearly always; the others any header, repeated ones included.
      header: fc.tuple(fc.oneof({ arbitrary: fc.constantFrom('错误码', 'Error Code'), weight: 9 }, { arbitrary: fc.constant('备注'), weight: 1 }), fc.array(otherHeader, { maxLength: 5 })).map(([first, rest]) => [first, ...rest]),
      rows: fc.array(fc.tuple(code, status, message, message), { minLength: 1, maxLength: 12 }),
      repeat: fc.integer({ min: 1, max: 12 }),
      spans: fc.array(fc.tuple(fc.nat(), fc.constantFrom(1, 2, 3, 1000), fc.constantFrom(1, 2, 3, 1000)), { maxLength: html ? 3 : 0 }),
    })
    .map(({ header: names, rows, repeat, spans }) => {
      const width = names.length;
      const body: Row[] = [];
      // A block of rows listed `repeat` times: one code many times over.
      for (let k = 0; k < repeat; k++) {
        for (const [c, s, m1, m2] of rows) body.push({ cells: [c, s, m1, m2, m1, m2].slice(0, width).map((text) => ({ text, colSpan: 1, rowSpan: 1 })) });
      }
      for (const [at, colSpan, rowSpan] of spans) {
        const row = body[at % body.length]!;
        row.cells[0] = { ...row.cells[0]!, colSpan, rowSpan };
      }
      return { names, body };
    });

const escapePipe = (text: string) => text.replace(/\|/g, '\\|');

function markdownPage(t: { names: string[]; body: Row[] }): string {
  const lines = [`|${t.names.map(escapePipe).join('|')}|`, `|${t.names.map(() => '--').join('|')}|`];
  for (const row of t.body) lines.push(`|${row.cells.map((c) => escapePipe(c.text)).join('|')}|`);
  return `# T\n\n${lines.join('\n')}\n`;
}

function htmlPage(t: { names: string[]; body: Row[] }): string {
  const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = (c: Row['cells'][number]) => `<td colspan="${c.colSpan}" rowspan="${c.rowSpan}">${esc(c.text)}</td>`;
  const rows = t.body.map((row) => `<tr>${row.cells.map(cell).join('')}</tr>`);
  return `# T\n\n<table><tr>${t.names.map((n) => `<th>${esc(n)}</th>`).join('')}</tr>\n${rows.join('\n')}\n</table>\n`;
}

const pages = fc.record({
  zh: fc.oneof(table(false).map(markdownPage), table(true).map(htmlPage)),
  en: fc.option(fc.oneof(table(false).map(markdownPage), table(true).map(htmlPage)), { nil: undefined }),
});

function compilePages(p: { zh: string; en?: string }) {
  const encoder = new TextEncoder();
  const spec: CatalogSpec = {
    name: 'fuzz',
    pages: [{ lang: 'zh', file: 'zh.md', bytes: encoder.encode(p.zh) }, ...(p.en ? [{ lang: 'en', file: 'en.md', bytes: encoder.encode(p.en) }] : [])],
    configPath: null,
    baselinePath: null,
  };
  return compileCatalog(spec);
}

/** The compiled catalog, or null when errcat refused the pages with its own error; any other exception fails. */
function compiledOrRefused(p: Parameters<typeof compilePages>[0]) {
  try {
    return compilePages(p);
  } catch (error) {
    if (isErrcatError(error)) return null;
    throw error;
  }
}

describe('compiling hostile pages', () => {
  it('gives a catalog or an ErrcatError, never another exception, and every artifact can be made', () => {
    fc.assert(
      fc.property(pages, (p) => {
        const compiled = compiledOrRefused(p);
        if (compiled === null) return;
        for (const [, text] of compiled.artifacts) expect(typeof text).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('accounts for every row and every cell of a compiled catalog: nothing dropped', () => {
    fc.assert(
      fc.property(pages, (p) => {
        const compiled = compiledOrRefused(p);
        if (compiled === null) return;
        const { read, kept, excluded, cells } = compiled.accounting;
        expect(kept + Object.values(excluded).reduce((a, b) => a + b, 0)).toBe(read);
        expect(cells.dropped).toBe(0);
        expect(cells.kept + cells.inRowsLeftOut + cells.ignored).toBe(cells.read);
      }),
      { numRuns: RUNS },
    );
  });
});
