import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codePointAt, codePointBefore, joinsWithoutSpace } from '../../pipeline/code-points';
import type { SourceTable } from '../../pipeline/generated/rows';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `../shared/corpus` beside the checkout: present for developers and CI, absent in a user's clone. */
export const corpusDir = join(repoRoot, '..', 'shared', 'corpus');
export const hasCorpus = existsSync(join(corpusDir, 'manifest.tsv'));

/** A reference reader's tables (`*.tables.json`, made by docutils or html5lib). */
export interface ReferenceTables {
  tables: Array<{ first_text_line: number | null; header_rows: number; rows: Array<Array<{ text: string; rowspan: number; colspan: number }>> }>;
}

export function loadReference(path: string): ReferenceTables {
  return JSON.parse(readFileSync(path, 'utf8')) as ReferenceTables;
}

/**
 * Whitespace runs as one space, and none where errcat reads a line break as nothing (between two
 * Chinese characters, see joinsWithoutSpace): docutils keeps that break, which collapses to a space.
 * Applied to both sides alike.
 */
const collapse = (s: string) => {
  const spaced = s.replace(/\s+/g, ' ').trim();
  let out = '';
  for (let i = 0; i < spaced.length; i++) {
    if (spaced[i] === ' ' && joinsWithoutSpace(codePointBefore(spaced, i), codePointAt(spaced, i + 1))) continue;
    out += spaced[i];
  }
  return out;
};

/**
 * Differences between errcat's tables and a reference's: table and row counts, header rows, and
 * per cell the text (after collapsing whitespace runs, as the corpus README prescribes) and spans.
 */
export function referenceDifferences(got: SourceTable[], ref: ReferenceTables): string[] {
  const diffs: string[] = [];
  if (got.length !== ref.tables.length) diffs.push(`${got.length} tables, reference has ${ref.tables.length}`);
  ref.tables.forEach((r, t) => {
    const g = got[t];
    if (!g) return;
    if (g.headerRows !== r.header_rows) diffs.push(`table ${t}: ${g.headerRows} header rows, reference ${r.header_rows}`);
    if (g.rows.length !== r.rows.length) diffs.push(`table ${t}: ${g.rows.length} rows, reference ${r.rows.length}`);
    r.rows.forEach((rowRef, i) => {
      const row = g.rows[i];
      if (!row) return;
      if (row.cells.length !== rowRef.length) {
        diffs.push(`table ${t} row ${i} (line ${row.line}): ${row.cells.length} cells, reference ${rowRef.length}`);
        return;
      }
      rowRef.forEach((cellRef, c) => {
        const cell = row.cells[c]!;
        if (collapse(cell.text) !== collapse(cellRef.text) || cell.rowSpan !== cellRef.rowspan || cell.colSpan !== cellRef.colspan) {
          diffs.push(`table ${t} row ${i} (line ${row.line}) cell ${c}: ${JSON.stringify(cell)} vs reference ${JSON.stringify(cellRef)}`);
        }
      });
    });
  });
  return diffs;
}
