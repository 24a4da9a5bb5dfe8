import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { mapHeader } from '../../pipeline/normalize/columns';
import { corpusDir, hasCorpus, loadReference } from '../helpers/reference';

interface Page {
  service: string;
  lang: string;
  file: string;
}

function mainPages(): Page[] {
  const [, ...lines] = readFileSync(join(corpusDir, 'manifest.tsv'), 'utf8').trim().split('\n');
  return lines
    .map((line) => line.split('\t'))
    .filter((cols) => cols[10] === 'main')
    .map((cols) => ({ service: cols[0]!, lang: cols[1]!, file: cols[2]! }));
}

/** Body rows of the error-code tables, counted on the reference reader's tables, not errcat's. */
function referenceBodyRows(file: string): number {
  const reference = loadReference(join(corpusDir, file.replace(/\.(md|rst)$/, '.tables.json')));
  let rows = 0;
  for (const table of reference.tables) {
    const header = table.rows[Math.max(table.header_rows, 1) - 1] ?? [];
    if (header.some((cell) => mapHeader(cell.text.replace(/\s+/g, ' ').trim()) === 'errorCode')) {
      rows += table.rows.length - Math.max(table.header_rows, 1);
    }
  }
  return rows;
}

describe.skipIf(!hasCorpus)('every main page of the corpus as a one-language catalog', () => {
  const pages = hasCorpus ? mainPages() : [];

  it('builds, with every table mapped and every row accounted for', () => {
    const outcomes: string[] = [];
    const failures: string[] = [];
    for (const page of pages) {
      try {
        const compiled = compileCatalog({ name: page.service, pages: [{ lang: page.lang, file: join(corpusDir, page.file) }], configPath: null, baselinePath: null });
        const { read, merged, excluded } = compiled.accounting;
        const left = Object.values(excluded).reduce((a, b) => a + b, 0);
        const summary = compiled.pages[0]!;
        outcomes.push(`${page.file}: ${summary.codeTables}/${summary.tables} tables are error-code tables, ${read} rows = ${merged} merged + ${left} left out, ${compiled.catalog.entries.length} entries`);
        if (read !== merged + left) failures.push(`${page.file}: ${read} rows read but ${merged} merged + ${left} left out`);
        if (read !== referenceBodyRows(page.file)) failures.push(`${page.file}: read ${read} rows, the reference tables hold ${referenceBodyRows(page.file)}`);
      } catch (error) {
        failures.push(`${page.file}: ${(error as { format?: () => string }).format?.() ?? String(error)}`);
      }
    }
    console.log(`corpus build: ${pages.length} main pages\n${outcomes.join('\n')}`);
    expect(failures).toEqual([]);
    expect(pages.length).toBe(184);
  });
});
