import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errcat } from '../helpers/cli';
import { snapshot } from '../helpers/files';
import { builtSeedsProject } from '../helpers/seeds';

const work = mkdtempSync(join(tmpdir(), 'errcat-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const lastGood = join(builtSeedsProject(), 'dist');

/** Builds one page into an output folder holding the last good artifacts (a copy of the seeds' dist/). */
function buildInto(name: string, args: string[]) {
  const out = join(work, name);
  cpSync(lastGood, out, { recursive: true });
  const before = snapshot(out);
  const result = errcat(['build', ...args, '--catalog', 't', '--out', out]);
  return { ...result, out, untouched: JSON.stringify(snapshot(out)) === JSON.stringify(before) };
}

const M = 'test/fixtures/malformed';
const C = 'test/fixtures/columns';

// Each message and line was read and checked by hand against its fixture; for RST, docutils reports
// the same tables as errors (or, for the L-shaped cell, crashes on them).
const refused: Array<[string, string[], string]> = [
  ['grid: ragged right border', [`${M}/ragged-right-border.rst`], `${M}/ragged-right-border.rst:8: Malformed table: ragged right border; expected "+" or "|" at column 17 as on the table's first line, found a line 18 columns wide`],
  ['grid: missing bottom border', [`${M}/missing-bottom-border.rst`], `${M}/missing-bottom-border.rst:8: Malformed table: no bottom border; expected a line like "+----+" to close the table that starts at line 4`],
  ['grid: a cell that is not a rectangle', [`${M}/cell-not-rectangle.rst`], `${M}/cell-not-rectangle.rst:8: Malformed table: a cell is not a rectangle: it overlaps the cell above it at table line 5`],
  ['grid: two header separators', [`${M}/two-header-separators.rst`], `${M}/two-header-separators.rst:5: Malformed table: multiple head/body row separators (table lines 3 and 5); only one allowed`],
  ['grid: ends on a header separator', [`${M}/header-separator-last.rst`], `${M}/header-separator-last.rst:5: Malformed table: no bottom border; expected a line like "+----+" to close the table that starts at line 1`],
  ['grid: an indented line inside', [`${M}/grid-unexpected-indent.rst`], `${M}/grid-unexpected-indent.rst:8: Malformed table: unexpected indentation inside the table (the line is indented by 2); expected "+" or "|" at column 1`],
  ['grid: a broken left border', [`${M}/grid-broken-left-border.rst`], `${M}/grid-broken-left-border.rst:5: Malformed table: broken left border; expected "+" or "|" at column 1, found "x"`],
  ['simple: bottom border of another width', [`${M}/simple-border-mismatch.rst`], `${M}/simple-border-mismatch.rst:5: Malformed table: bottom/header table border does not match top border (14 columns, expected 13)`],
  ['simple: no bottom border', [`${M}/simple-no-bottom-border.rst`], `${M}/simple-no-bottom-border.rst:1: Malformed table: no bottom table border found; expected a line of "=" as long as the top border`],
  ['simple: text in a column margin', [`${M}/simple-text-in-margin.rst`], `${M}/simple-text-in-margin.rst:5: Malformed table: text in column margin in table line 5`],
  ['simple: a span line off the columns', [`${M}/simple-span-misaligned.rst`], `${M}/simple-span-misaligned.rst:5: Malformed table: column span alignment problem in table line 5`],
  ['pipe: delimiter row does not match', [`${M}/pipe-delimiter-mismatch.md`], `${M}/pipe-delimiter-mismatch.md:4: Malformed table: the delimiter row has 2 cells, expected 3 as in the header row above`],
  ['html: a table that never closes', [`${M}/html-table-never-closes.md`], `${M}/html-table-never-closes.md:3: Malformed table: HTML <table> never closes; expected </table> before the end of the page`],
  ['html: unclosed cells and table', [`${M}/html-unclosed-cells-never-closes.md`], `${M}/html-unclosed-cells-never-closes.md:1: Malformed table: HTML <table> never closes; expected </table> before the end of the page`],
  ['a page with no error-code table', [`${C}/no-code-table.md`], `${C}/no-code-table.md: No error-code table; expected a table with a header such as 错误码 or Error Code (tables found: line 3: 参数 | 类型 | 说明)`],
  ['a table only inside fenced code', [`${M}/table-only-in-code.md`], `${M}/table-only-in-code.md: No error-code table; expected a table with a header such as 错误码 or Error Code (no tables found)`],
  ['an empty file', [`${M}/empty.md`], `${M}/empty.md: No error-code table; expected a table with a header such as 错误码 or Error Code (no tables found)`],
  ['a binary file', [`${M}/binary.md`], `${M}/binary.md:3: Binary file: NUL byte at byte offset 8; expected a UTF-8 text page`],
  ['invalid UTF-8', [`${M}/invalid-utf8.md`], `${M}/invalid-utf8.md:5: Invalid UTF-8: byte 0xe9 at byte offset 74; expected UTF-8 text`],
  ['a page of unknown format', [`${M}/ambiguous.txt`], `${M}/ambiguous.txt: Cannot tell whether this page is Markdown or reStructuredText; name it .md or .rst, or pass --format md|rst`],
  ['a missing source file', ['test/fixtures/nope/zh.md'], 'test/fixtures/nope/zh.md: no such file'],
  ['settings: an unknown key', [`${M}/ok.md`, `${M}/settings-unknown-key.json`], `${M}/settings-unknown-key.json: unknown setting "colour"; expected one of $schema, primaryLanguage, codePattern, severity, columns, package`],
  ['settings: a bad code pattern', [`${M}/ok.md`, `${M}/settings-bad-pattern.json`], `${M}/settings-bad-pattern.json: "codePattern" is not a valid regular expression: Invalid regular expression: /V\\.(/u: Unterminated group`],
  ['settings: a bad severity', [`${M}/ok.md`, `${M}/settings-bad-severity.json`], `${M}/settings-bad-severity.json: "severity.missing-language" must be one of error, warning, info, off; got "fatal"`],
  ['settings: a version that is not MAJOR.MINOR.PATCH', [`${M}/ok.md`, `${M}/settings-bad-version.json`], `${M}/settings-bad-version.json: "package.version" is not a semantic version (MAJOR.MINOR.PATCH): "1.4"`],
  ['settings: not JSON', [`${M}/ok.md`, `${M}/settings-not-json.json`], `${M}/settings-not-json.json:2: Invalid JSON: Expected double-quoted property name in JSON at position 28`],
];

describe('input errcat refuses: exit 2, file:line: message, output untouched', () => {
  it.each(refused)('%s', (name, [page, config], expected) => {
    const args = ['--source', `zh=${page}`, ...(config ? ['--config', config] : [])];
    const { status, stderr, stdout, untouched } = buildInto(name.replace(/\W+/g, '-'), args);
    expect(stderr).toBe(`${expected}\n`);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(untouched).toBe(true);
  });
});

const H = 'test/fixtures/hostile';

describe('hostile input errcat takes in its stride', () => {
  const built = (name: string, page: string) => {
    const result = buildInto(name, ['--source', `zh=${page}`]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return {
      catalog: JSON.parse(readFileSync(join(result.out, 't', 'catalog.json'), 'utf8')),
      divergences: JSON.parse(readFileSync(join(result.out, 't', 'divergences.json'), 'utf8')).divergences as Array<{ rule: string; severity: string; locations: Array<{ line: number }> }>,
      out: result.out,
      stdout: result.stdout,
    };
  };
  const found = (d: ReturnType<typeof built>['divergences']) => d.map((x) => [x.rule, x.severity, x.locations.map((l) => l.line).join(',')]);

  it.each([['bom-crlf.md'], ['bom-crlf.rst']])('a UTF-8 BOM and CRLF line ends simply work: %s', (file) => {
    const { catalog, divergences } = built(file, `${H}/${file}`);
    expect(catalog.entries.map((e: { errorCode: string; texts: { zh: { message: string } } }) => [e.errorCode, e.texts.zh.message])).toEqual([['V.0001', 'bad'], ['V.0002', 'gone']]);
    expect(divergences).toEqual([]);
  });

  it('a range and two codes in one cell are reported, never merged', () => {
    const { catalog, divergences, stdout } = built('range', `${H}/range-and-two-codes.md`);
    expect(catalog.entries.map((e: { errorCode: string }) => e.errorCode)).toEqual(['DIS.7000']);
    expect(found(divergences)).toEqual([['invalid-code', 'error', '5'], ['invalid-code', 'error', '6']]);
    expect(stdout).toContain('3 rows read = 1 kept + 2 left out (invalid-code 2): 33.3% kept, in 1 entries');
  });

  it('duplicate codes: identical rows info and kept once, rows told apart by status are variants (no finding), both kept', () => {
    const { catalog, divergences } = built('dup', `${H}/duplicate-codes.md`);
    expect(found(divergences)).toEqual([['duplicate-code', 'info', '5,6']]);
    expect(catalog.entries[0].variants).toBeUndefined();
    expect(catalog.entries[1]).toMatchObject({ errorCode: 'V.0002', httpStatus: 400, texts: { zh: { message: 'first' } } });
    expect(catalog.entries[1].variants).toMatchObject([
      { httpStatus: 400, texts: { zh: { message: 'first', line: 7 } } },
      { httpStatus: 404, texts: { zh: { message: 'second', line: 8 } } },
    ]);
  });

  it('__proto__ is not a code; constructor and prototype are plain entries', () => {
    const { catalog, divergences } = built('proto', `${H}/proto-codes.md`);
    expect(catalog.entries.map((e: { errorCode: string }) => e.errorCode)).toEqual(['constructor', 'prototype']);
    expect(found(divergences)).toEqual([['invalid-code', 'error', '5']]);
  });

  it('formula cells are neutralised in the CSV and kept as they are elsewhere', () => {
    const { catalog, out } = built('formula', `${H}/formula-cells.md`);
    expect(catalog.entries[0].texts.zh).toMatchObject({ message: '=cmd|/C calc', description: '+1', measure: '-2' });
    expect(readFileSync(join(out, 't', 'catalog.csv'), 'utf8').split('\n').slice(1, 3)).toEqual([
      "V.0001,1,400,,,'=cmd|/C calc,'+1,'-2",
      "V.0002,1,400,,,'@SUM(A1),ok,ok",
    ]);
  });

  it('cells that try to end a string or a comment stay text in catalog.ts', () => {
    const { out } = built('ts', `${H}/zh.md`);
    const ts = readFileSync(join(out, 't', 'catalog.ts'), 'utf8');
    expect(ts).toContain(JSON.stringify('ends a string: " \' ` ${x} */ /* </script>'));
  });

  it('very long lines: a 1 MB pipe cell and a 200,000-column grid table', () => {
    const long = 'x'.repeat(1024 * 1024);
    writeFileSync(join(work, 'long.md'), `# T\n\n|状态码|错误码|错误信息|\n|--|--|--|\n|400|L.1|${long}|\n`);
    const width = 200_000;
    const border = `+-------------+------------+${'-'.repeat(width)}+`;
    const row = (status: string, code: string, message: string) => `| ${status.padEnd(12)}| ${code.padEnd(11)}|${message.padEnd(width)}|`;
    writeFileSync(join(work, 'long.rst'), `${[border, row('Status Code', 'Error Code', 'Error Message'), border.replace(/-/g, '='), row('400', 'L.2', 'y'.repeat(width)), border].join('\n')}\n`);
    expect(built('long-md', join(work, 'long.md')).catalog.entries[0].texts.zh.message).toHaveLength(1024 * 1024);
    expect(built('long-rst', join(work, 'long.rst')).catalog.entries[0].texts.zh.message).toHaveLength(width);
  });

  it('a 20 MB Markdown page: one pipe table of 100,000+ rows', () => {
    const rows = ['# 错误码', '', '|状态码|错误码|错误信息|描述|', '|--|--|--|--|'];
    let size = 0;
    let i = 0;
    while (size < 20 * 1024 * 1024) {
      const row = `|400|BIG.${String(i++).padStart(7, '0')}|request body error number ${i} with some words|请求错误：请求体不合法，第${i}行|`;
      rows.push(row);
      size += Buffer.byteLength(row) + 1;
    }
    writeFileSync(join(work, 'big.md'), `${rows.join('\n')}\n`);
    const { catalog, stdout } = built('big-md', join(work, 'big.md'));
    expect(catalog.entries).toHaveLength(i);
    expect(stdout).toContain(`${i} rows read = ${i} kept + 0 left out: 100% kept, in ${i} entries`);
  }, 180_000);

  it('a 20 MB RST page', () => {
    const rows: string[] = [];
    const widths = [13, 16, 40, 30];
    const border = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
    const row = (cells: string[]) => `|${cells.map((c, i) => ` ${c.padEnd(widths[i]! - 1)}`).join('|')}|`;
    rows.push('Errors', '======', '', border, row(['Status Code', 'Error Code', 'Error Message', 'Description']), border.replace(/-/g, '='));
    let i = 0;
    let size = 0;
    while (size < 20 * 1024 * 1024) {
      const lines = `${row(['400', `BIG.${String(i).padStart(7, '0')}`, `request body error ${i}`, `Description ${i}`])}\n${border}\n`;
      rows.push(lines.trimEnd());
      size += lines.length;
      i++;
    }
    writeFileSync(join(work, 'big.rst'), `${rows.join('\n')}\n`);
    const { catalog } = built('big', join(work, 'big.rst'));
    expect(catalog.entries).toHaveLength(i);
  });
});
