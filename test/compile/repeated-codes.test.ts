/**
 * One code listed hundreds of times per language. Pairing the languages' rows (merge) and the
 * versions' variants (diff) is exact for groups real pages have and linear past a bound; at sizes
 * just past the bound, the linear pairing must give what the exact one gives on the same shape.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { pairVariants } from '../../pipeline/diff/variants';
import type { CatalogEntry, Variant } from '../../pipeline/generated/catalog';
import { MAX_ALIGNMENT_CELLS } from '../../pipeline/merge';
import { explicitCatalog } from '../../pipeline/sources';

const dir = mkdtempSync(join(tmpdir(), 'errcat-repeated-'));

/** zh lists V.1 `n` times; en lists the same rows and then `extra` more; `enMessage` words the en rows. */
function compileRepeated(n: number, extra: number, enMessage: (i: number) => string) {
  const rows = (message: (i: number) => string, count: number) => Array.from({ length: count }, (_, i) => `|${400 + (i % 3)}|V.1|${message(i)}|`).join('\n');
  const zh = join(dir, `zh-${n}.md`);
  const en = join(dir, `en-${n}.md`);
  writeFileSync(zh, `# T\n\n|状态码|错误码|错误信息|\n|--|--|--|\n${rows((i) => `m${i}`, n)}\n`);
  writeFileSync(en, `# T\n\n|Status Code|Error Code|Error Message|\n|--|--|--|\n${rows(enMessage, n)}\n${rows((i) => `extra${i}`, extra)}\n`);
  return compileCatalog(explicitCatalog([`zh=${zh}`, `en=${en}`], 'repeated'));
}

/** Each variant as "zh message | en message" (- when the language lacks it). */
const shape = (variants: readonly Variant[]) => variants.map((v) => `${v.texts.zh?.message ?? '-'} | ${v.texts.en?.message ?? '-'}`);

describe('one code listed hundreds of times per language (merge)', () => {
  it.each([
    ['exactly', 100],
    ['past the bound', 600],
  ])('pairs rows that say the same, %s (%i rows)', (_, n) => {
    expect(n * (n + 2) > MAX_ALIGNMENT_CELLS).toBe(n === 600);
    // en has the same n rows and 2 more: every zh row pairs with its twin, the extra rows stand alone.
    const compiled = compileRepeated(n, 2, (i) => `m${i}`);
    const variants = compiled.catalog.entries[0]!.variants!;
    expect(shape(variants)).toEqual([...Array.from({ length: n }, (_, i) => `m${i} | m${i}`), '- | extra0', '- | extra1']);
    expect(variants.map((v) => v.httpStatus)).toEqual([...Array.from({ length: n }, (_, i) => 400 + (i % 3)), 400, 401]);
    expect(compiled.accounting).toMatchObject({ read: 2 * n + 2, kept: 2 * n + 2, excluded: {} });
    expect(compiled.report.divergences.find((d) => d.rule === 'variant-mismatch')!.message).toBe(`V.1 is listed ${n}× in zh, ${n + 2}× in en; 2 row(s) have no counterpart in zh`);
  });

  it.each([
    ['exactly', 100],
    ['past the bound', 600],
  ])('pairs rows that say different things by order, %s (%i rows)', (_, n) => {
    // The en messages differ from the zh ones, the statuses agree: pairs in order, the extra row last.
    const compiled = compileRepeated(n, 1, (i) => `other${i}`);
    expect(shape(compiled.catalog.entries[0]!.variants!)).toEqual([...Array.from({ length: n }, (_, i) => `m${i} | other${i}`), '- | extra0']);
  });
});

describe('one code with hundreds of variants on both sides (diff)', () => {
  const entry = (n: number, message: (i: number) => string): CatalogEntry => {
    const variants: Variant[] = Array.from({ length: n }, (_, i) => ({
      httpStatus: 400,
      texts: { zh: { module: `模块${i}`, message: message(i), description: null, measure: null, line: i + 1 } },
    }));
    return { errorCode: 'V.1', ...variants[0]!, variants: variants as CatalogEntry['variants'] };
  };

  it.each([
    ['exactly', 100],
    ['past the bound', 600],
  ])('pairs edited variants by module and status, %s (%i variants)', (_, n) => {
    // Every message edited, the modules kept: each old variant pairs with the new one of its module.
    const pairs = pairVariants(entry(n, (i) => `m${i}`), entry(n, (i) => `m${i} changed`));
    expect(pairs.map(([o, x]) => `${o?.texts.zh?.module} → ${x?.texts.zh?.module}`)).toEqual(Array.from({ length: n }, (_, i) => `模块${i} → 模块${i}`));
  });

  it('pairs equal variants whatever their order, and the rest by what they share (past the bound)', () => {
    const old = entry(700, (i) => `m${i}`);
    // The new side: the variants reversed, the first 600 edited in their message only (600 × 600 left to pair).
    const reversed = [...old.variants!].reverse().map((v, k) => (k < 600 ? { ...v, texts: { zh: { ...v.texts.zh!, message: `edited ${k}` } } } : v));
    const next: CatalogEntry = { errorCode: 'V.1', ...reversed[0]!, variants: reversed as CatalogEntry['variants'] };
    const pairs = pairVariants(old, next);
    expect(pairs).toHaveLength(700);
    for (const [o, x] of pairs) expect(x?.texts.zh?.module).toBe(o?.texts.zh?.module);
    expect(pairs.filter(([o, x]) => o!.texts.zh!.message !== x!.texts.zh!.message)).toHaveLength(600);
  });
});
