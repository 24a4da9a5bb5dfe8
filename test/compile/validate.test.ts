import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../pipeline/generated/catalog';
import { validateCatalog } from '../../pipeline/validate';

const good: Catalog = {
  catalog: 'x',
  primaryLanguage: 'zh',
  languages: ['zh'],
  sources: { zh: 'sources/x/zh.md' },
  entries: [{ errorCode: 'X.1', httpStatus: 400, texts: { zh: { module: null, message: 'm', description: null, measure: null, line: 3 } } }],
};

describe('catalog validation (ajv standalone, strict, from schema/catalog.schema.json)', () => {
  it('accepts a well-formed catalog', () => {
    expect(() => validateCatalog(good, 'x')).not.toThrow();
  });

  it.each([
    ['a status out of range', { ...good, entries: [{ ...good.entries[0]!, httpStatus: 999 }] }, '/entries/0/httpStatus must be <= 599'],
    ['an empty code', { ...good, entries: [{ ...good.entries[0]!, errorCode: '' }] }, '/entries/0/errorCode must NOT have fewer than 1 characters'],
    ['an unknown property', { ...good, extra: 1 }, '/ must NOT have additional properties'],
    ['a line of 0', { ...good, entries: [{ ...good.entries[0]!, texts: { zh: { ...good.entries[0]!.texts.zh!, line: 0 } } }] }, '/entries/0/texts/zh/line must be >= 1'],
  ])('rejects %s', (_, catalog, message) => {
    expect(() => validateCatalog(catalog as Catalog, 'x')).toThrow(message);
  });
});
