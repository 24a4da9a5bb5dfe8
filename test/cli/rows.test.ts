import { describe, expect, it } from 'vitest';
import { errcat } from '../helpers/cli';

describe('errcat rows', () => {
  it('prints one indented document for one page', () => {
    const { status, stdout } = errcat(['rows', 'test/fixtures/cci/en.rst']);
    expect(status).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ file: 'test/fixtures/cci/en.rst', lang: 'en' });
    expect(doc.tables[0].rows).toHaveLength(113);
    expect(stdout.startsWith('{\n  "file"')).toBe(true);
  });

  it('prints one line per page for several pages', () => {
    const { status, stdout } = errcat(['rows', 'test/fixtures/cci/zh.md', 'test/fixtures/cci/en.rst']);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).lang)).toEqual(['zh', 'en']);
  });

  it('exits 2 with file:line for a missing page and a bad --format', () => {
    expect(errcat(['rows', 'nope.md'])).toMatchObject({ status: 2, stderr: 'nope.md: no such file\n' });
    const bad = errcat(['rows', '--format', 'html', 'test/fixtures/cci/zh.md']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format must be one of md, rst; got "html"');
  });

  it('reads with --format whatever the extension says', () => {
    const { status, stdout } = errcat(['rows', '--format', 'rst', '--lang', 'de', 'test/fixtures/cci/en.rst']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).lang).toBe('de');
  });

  it('documents itself', () => {
    const { status, stdout } = errcat(['rows', '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: errcat rows');
  });
});

// Each expected message and line was checked by hand against the fixture (and, for RST, against the
// line docutils reports for the same table).
describe('malformed tables', () => {
  it.each([
    ['ragged-right-border.rst', '8: Malformed table: ragged right border; expected "+" or "|" at column 17 as on the table\'s first line, found a line 18 columns wide'],
    ['missing-bottom-border.rst', '8: Malformed table: no bottom border; expected a line like "+----+" to close the table that starts at line 4'],
    ['cell-not-rectangle.rst', '8: Malformed table: a cell is not a rectangle: it overlaps the cell above it at table line 5'],
    ['two-header-separators.rst', '5: Malformed table: multiple head/body row separators (table lines 3 and 5); only one allowed'],
    ['simple-border-mismatch.rst', '5: Malformed table: bottom/header table border does not match top border (14 columns, expected 13)'],
    ['simple-text-in-margin.rst', '5: Malformed table: text in column margin in table line 5'],
    ['html-table-never-closes.md', '3: Malformed table: HTML <table> never closes; expected </table> before the end of the page'],
    ['pipe-delimiter-mismatch.md', '4: Malformed table: the delimiter row has 2 cells, expected 3 as in the header row above'],
  ])('%s', (name, expected) => {
    const file = `test/fixtures/malformed/${name}`;
    const { status, stdout, stderr } = errcat(['rows', file]);
    expect(stderr).toBe(`${file}:${expected}\n`);
    expect(status).toBe(2);
    expect(stdout).toBe('');
  });
});
