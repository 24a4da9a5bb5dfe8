import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../pipeline/read';
import { corpusDir, hasCorpus, loadReference, referenceDifferences } from '../helpers/reference';

/** Every page version listed in the corpus manifest (main pages and variants). */
function corpusPages(): string[] {
  const [, ...lines] = readFileSync(join(corpusDir, 'manifest.tsv'), 'utf8').trim().split('\n');
  return lines.map((line) => line.split('\t')[2]!).sort();
}

describe.skipIf(!hasCorpus)('the shared corpus, against its reference readers', () => {
  const pages = hasCorpus ? corpusPages() : [];

  it('covers every page in the manifest', () => {
    expect(pages.length).toBeGreaterThan(200);
  });

  it('reads every table of every page as docutils / html5lib do', () => {
    let tables = 0;
    const failures: string[] = [];
    for (const page of pages) {
      const path = join(corpusDir, page);
      const reference = loadReference(path.replace(/\.(md|rst)$/, '.tables.json'));
      const doc = readPage(path);
      tables += reference.tables.length;
      for (const diff of referenceDifferences(doc.tables, reference)) failures.push(`${page}: ${diff}`);
    }
    console.log(`corpus: compared ${pages.length} pages, ${tables} tables with their references`);
    expect(failures).toEqual([]);
  });
});
