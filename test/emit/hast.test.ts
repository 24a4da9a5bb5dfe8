import { join } from 'node:path';
import { toHtml as hastUtilToHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { diffCatalogSets } from '../../pipeline/diff';
import { resolveSide } from '../../pipeline/diff/side';
import { h, toHtml } from '../../pipeline/emit/html/hast';
import { diffChars } from '../../pipeline/emit/html/text-diff';
import { wordingOrPunct } from '../../pipeline/emit/html/page';
import fc from 'fast-check';
import { formatHtml } from '../../pipeline/emit/html/diff-page';
import { emitReviewPage } from '../../pipeline/emit/html/review';
import { explicitCatalog } from '../../pipeline/sources';
import { repoRoot } from '../helpers/reference';

// errcat serialises its pages' hast trees itself (start-up time); hast-util-to-html is the
// reference: on the same tree both must write the same bytes.
describe("the pages' serialiser writes what hast-util-to-html writes", () => {
  const compile = (dir: string, name: string) =>
    compileCatalog(explicitCatalog([`zh=${join(repoRoot, dir, 'zh.md')}`, `en=${join(repoRoot, dir, 'en.rst')}`], name));

  it.each([
    ['the CCI seeds', 'test/fixtures/cci'],
    ['hostile cells', 'test/fixtures/hostile/review'],
    ['variants and code shapes', 'test/fixtures/variants'],
  ])('review page of %s', (_, dir) => {
    const { catalog, report } = compile(dir, 'x');
    expect(emitReviewPage(catalog, report)).toBe(emitReviewPage(catalog, report, (tree) => hastUtilToHtml(tree, { allowDangerousHtml: true })));
  });

  it('a diff page', async () => {
    const dir = join(repoRoot, 'test', 'fixtures', 'hostile', 'review');
    const report = diffCatalogSets(await resolveSide(join(dir, 'zh.md')), await resolveSide(join(dir, 'en.rst')));
    expect(report.changes.length).toBeGreaterThan(0);
    expect(formatHtml(report)).toBe(formatHtml(report, hastUtilToHtml));
  });

  it('escapes every character that could end a text or an attribute value', () => {
    const tree = { type: 'root' as const, children: [h('p', { title: `"'&\`<>\0`, dataX: 'a"b' }, ['<script>&amp;</script>"\'`>'])] };
    expect(toHtml(tree)).toBe(hastUtilToHtml(tree));
    expect(toHtml(tree)).toBe('<p title="&#x22;&#x27;&#x26;&#x60;<>&#x0;" data-x="a&#x22;b">&#x3C;script>&#x26;amp;&#x3C;/script>"\'`></p>');
  });
});

describe('where two messages differ', () => {
  const changed = (segments: Array<{ text: string; changed: boolean }>) => segments.filter((s) => s.changed).map((s) => s.text);

  it('marks the letters a typo swapped', () => {
    const [a, b] = diffChars('storage type paramete invaild', 'storage type parameter invalid');
    expect([changed(a), changed(b)]).toEqual([['i'], ['r', 'i']]);
  });

  it('marks a reworded message whole, not the letters it happens to share', () => {
    // VPC.0101 in the VPC pages: zh "Param is invalid." against en "Invalid VPC parameter values.".
    const [a, b] = diffChars('Param is invalid.', 'Invalid VPC parameter values.');
    expect([changed(a), changed(b)]).toEqual([['Param is invalid'], ['Invalid VPC parameter values']]);
  });
});

describe('a changed run is punctuation when it holds only punctuation and whitespace', () => {
  it('as /^[\\p{P}\\s]+$/u says', () => {
    const reference = (t: string) => (/^[\p{P}\s]+$/u.test(t) ? 'punct' : 'wording');
    const text = fc.array(fc.constantFrom(',', '，', '。', '.', ' ', '\u3000', '\n', 'a', '中', '$', '+', '“', '(', '）', '-', '—'), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(wordingOrPunct(t)).toBe(reference(t));
    }), { numRuns: 2000 });
  });
});
