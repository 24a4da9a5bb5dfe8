import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../pipeline/read';
import { repoRoot } from '../helpers/reference';

const dir = join(repoRoot, 'test', 'fixtures', 'docutils');
const script = join(repoRoot, 'test', 'helpers', 'docutils-tables.py');
// The first Python that has docutils: the one on PATH, else Debian's (python3-docutils).
const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import docutils'], { stdio: 'ignore' }).status === 0);
const hasDocutils = python !== undefined;
if (!hasDocutils && process.env.CI) throw new Error('CI needs docutils (Debian: python3-docutils) to compare the RST reader with it');

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each table's own rows as docutils reads them (its astext() of every cell), in document order. */
function docutilsTables(file: string): string[][][] {
  const result = spawnSync(python!, [script, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return (JSON.parse(result.stdout) as { tables: string[][][] }).tables.map((t) => t.map((row) => row.map(collapse)));
}

// Pages that exercise what a docutils port gets wrong most easily; each is compared with docutils
// itself, run on the same file (no expected values are written here).
describe.skipIf(!hasDocutils)('the RST reader against docutils on edge cases', () => {
  const pages = readdirSync(dir).filter((f) => f.endsWith('.rst')).sort();

  it.each(pages)('%s reads as docutils reads it', (name) => {
    const doc = readPage(join(dir, name));
    const ours = doc.tables.map((t) => t.rows.map((row) => row.cells.map((cell) => collapse(cell.text))));
    expect(ours).toEqual(docutilsTables(join(dir, name)));
  });

  it('a table nested in a cell adds its text to that cell and is listed as a table of its own', () => {
    const doc = readPage(join(dir, 'nested-table.rst'));
    expect(doc.tables).toHaveLength(2);
    expect(collapse(doc.tables[0]!.rows[1]!.cells[2]!.text)).toBe('Outer text. a b c d');
  });

  it('an indented line right after a grid table ends it with a reader note, not an error', () => {
    const doc = readPage(join(dir, 'indented-line-after-table.rst'));
    expect(doc.tables[0]!.rows).toHaveLength(2);
    expect(doc.notes).toEqual([{ line: 9, message: 'a blank line is expected after the table above; the indented line is not part of it (docutils reads it the same way)' }]);
  });
});
