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
  date: string;
  /** The manifest's per-service code shape: a pattern searched in the code cell, and optionally `  +  whole-cell ^(…)$`. */
  codeRegex: string;
}

function mainPages(): Page[] {
  const [, ...lines] = readFileSync(join(corpusDir, 'manifest.tsv'), 'utf8').trim().split('\n');
  return lines
    .map((line) => line.split('\t'))
    .filter((cols) => cols[10] === 'main')
    .map((cols) => ({ service: cols[0]!, lang: cols[1]!, file: cols[2]!, date: cols[6]!, codeRegex: cols[13]! }));
}

/** Each service's newest main page per language. */
function newestPages(pages: Page[]): Map<string, Page[]> {
  const newest = new Map<string, Page>();
  for (const page of pages) {
    const key = `${page.service}/${page.lang}`;
    const before = newest.get(key);
    if (!before || page.date > before.date || (page.date === before.date && page.file > before.file)) newest.set(key, page);
  }
  const byService = new Map<string, Page[]>();
  for (const page of [...newest.values()].sort((a, b) => (a.file < b.file ? -1 : 1))) byService.set(page.service, [...(byService.get(page.service) ?? []), page]);
  return byService;
}

/** A reference table as a full grid, spanning cells repeated in every position they cover. */
function expandReference(rows: Array<Array<{ text: string; rowspan: number; colspan: number }>>): string[][] {
  const grid: string[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < grid.length; dr++) for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = cell.text;
      c += cell.colspan;
    }
  });
  return grid;
}

/**
 * The codes a page documents, found without errcat: in the reference reader's tables, the cell
 * under the error-code header of each body row, searched with the manifest's code shape for the
 * service (whitespace inside a match dropped, as a code is one token). A row short of cells (a pipe
 * row missing its leading cell) has its code that many cells further left.
 */
function referenceCodes(page: Page): Set<string> {
  const [search, whole] = page.codeRegex.split('  +  whole-cell ');
  const inCell = new RegExp(search!, 'g');
  const wholeCell = whole ? new RegExp(whole) : null;
  const codes = new Set<string>();
  const reference = loadReference(join(corpusDir, page.file.replace(/\.(md|rst)$/, '.tables.json')));
  for (const table of reference.tables) {
    const headerRows = Math.max(table.header_rows, 1);
    const grid = expandReference(table.rows);
    const header = grid[headerRows - 1] ?? [];
    const column = header.findIndex((text) => mapHeader(text.replace(/\s+/g, ' ').trim()) === 'errorCode');
    if (column < 0) continue;
    for (const cells of grid.slice(headerRows)) {
      for (let shift = 0; shift <= Math.max(0, header.length - cells.length); shift++) {
        const text = (cells[column - shift] ?? '').replace(/\s+/g, ' ').trim();
        const found = [...text.matchAll(inCell)].map((m) => m[0].replace(/\s+/g, ''));
        if (found.length === 0 && wholeCell?.test(text)) found.push(text.replace(/\s+/g, ''));
        if (found.length === 0) continue;
        for (const code of found) codes.add(code);
        break;
      }
    }
  }
  return codes;
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
        const { read, kept, excluded } = compiled.accounting;
        const left = Object.values(excluded).reduce((a, b) => a + b, 0);
        const summary = compiled.pages[0]!;
        outcomes.push(`${page.file}: ${summary.codeTables}/${summary.tables} tables are error-code tables, ${read} rows = ${kept} kept + ${left} left out, ${compiled.catalog.entries.length} entries`);
        if (read !== kept + left) failures.push(`${page.file}: ${read} rows read but ${kept} kept + ${left} left out`);
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

describe.skipIf(!hasCorpus)("every service's newest pages, both languages, with zero settings", () => {
  const services = hasCorpus ? newestPages(mainPages()) : new Map<string, Page[]>();

  it('builds each service and keeps every documented code of each language, and ≥ 99.5% of rows', () => {
    const failures: string[] = [];
    const lines: string[] = [];
    let read = 0;
    let kept = 0;
    for (const [service, pages] of services) {
      const compiled = compileCatalog({ name: service, pages: pages.map((p) => ({ lang: p.lang, file: join(corpusDir, p.file) })), configPath: null, baselinePath: null });
      read += compiled.accounting.read;
      kept += compiled.accounting.kept;
      for (const page of pages) {
        const inCatalog = new Set(
          compiled.catalog.entries.filter((e) => (e.variants ?? [e]).some((v) => v.texts[page.lang])).map((e) => e.errorCode),
        );
        const expected = referenceCodes(page);
        const lost = [...expected].filter((code) => !inCatalog.has(code));
        if (expected.size === 0) failures.push(`${page.file}: the reference tables hold no code; the test is not checking it`);
        if (lost.length > 0) failures.push(`${page.file}: ${lost.length} of ${expected.size} codes not in the catalog: ${lost.slice(0, 10).join(', ')}`);
        lines.push(`${page.file}: ${expected.size} reference codes, ${expected.size - lost.length} in the catalog`);
      }
      lines.push(`${service}: ${compiled.accounting.kept}/${compiled.accounting.read} rows kept, ${compiled.catalog.entries.length} entries`);
      // Each row read is kept or left out, once: a covering row of a variant group stands in several variants.
      const { read: rowsRead, kept: rowsKept, excluded, cells } = compiled.accounting;
      const left = Object.values(excluded).reduce((a, b) => a + b, 0);
      if (rowsRead !== rowsKept + left) failures.push(`${service}: ${rowsRead} rows read but ${rowsKept} kept + ${left} left out`);
      if (cells.dropped !== 0) failures.push(`${service}: ${cells.read} cells read = ${cells.kept} kept + ${cells.inRowsLeftOut} in rows left out + ${cells.ignored} ignored + ${cells.beyondHeader} beyond their row's header + ${cells.dropped} dropped`);
      // Every bilingual pair keeps ≥ 99.5% of its rows; a one-language page may lose a note row.
      if (pages.length > 1 && compiled.accounting.kept / compiled.accounting.read < 0.995) {
        failures.push(`${service}: only ${compiled.accounting.kept} of ${compiled.accounting.read} rows kept`);
      }
    }
    console.log(`newest pages of ${services.size} services\n${lines.join('\n')}\noverall ${kept}/${read} rows kept`);
    expect(failures).toEqual([]);
    expect(services.size).toBe(20);
    expect(kept / read).toBeGreaterThanOrEqual(0.995);
  });
});
