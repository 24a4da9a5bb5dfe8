/**
 * Names that are properties of every plain object (`__proto__`, `constructor`, `toString`) as data:
 * a column header, a setting's key, a code or a language asked of the generated package.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { explicitCatalog } from '../../pipeline/sources';
import { loadCatalogModule } from '../helpers/catalog-module';
import { repoRoot } from '../helpers/reference';

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'columns', name);

describe('__proto__, constructor and toString as data', () => {
  const compiled = compileCatalog(explicitCatalog([`zh=${fixture('duplicate-headers.md')}`], 'columns'));
  const dir = mkdtempSync(join(tmpdir(), 'errcat-proto-'));
  for (const file of ['index.js', 'index.cjs', 'package.json']) writeFileSync(join(dir, file), compiled.artifacts.get(`columns/${file}`)!);

  const modules = async () => [
    ['catalog.ts', await loadCatalogModule(compiled.artifacts.get('columns/catalog.ts')!)],
    ['index.js', await import(pathToFileURL(join(dir, 'index.js')).href)],
    ['index.cjs', createRequire(import.meta.url)(join(dir, 'index.cjs'))],
  ] as Array<[string, Record<string, any>]>;

  it('keeps a column headed __proto__ in the generated package, as an own property', async () => {
    for (const [name, mod] of await modules()) {
      const extra = mod.lookup('V.0001').texts.zh.extra;
      expect(Object.hasOwn(extra, '__proto__'), name).toBe(true);
      expect(extra['__proto__'], name).toBe('原型');
      expect(Object.getPrototypeOf(extra), name).toBe(Object.prototype);
      expect(Object.keys(extra), name).toEqual(['备注', '备注 (2)', '描述 (2)', '__proto__', '描述 (3)', 'constructor']);
    }
  });

  it('treats no inherited name as a code', async () => {
    for (const [name, mod] of await modules()) {
      for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        expect(mod.lookup(code), `${name} ${code}`).toBeUndefined();
        expect(mod.isErrorCode(code), `${name} ${code}`).toBe(false);
        expect(mod.explain({ errorCode: code }), `${name} ${code}`).toBeUndefined();
      }
    }
  });

  it('treats an inherited name as a language the catalog lacks: the primary language answers', async () => {
    for (const [name, mod] of await modules()) {
      for (const lang of ['constructor', '__proto__', 'toString']) {
        expect(mod.explain({ code: 'V.0001' }, lang), `${name} ${lang}`).toMatchObject({
          errorCode: 'V.0001', lang: 'zh', message: null, description: '一', measure: null,
        });
      }
    }
  });

  it('maps columns named __proto__ and constructor from the settings', () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'errcat-proto-settings-'));
    writeFileSync(join(dir2, 'catalog.json'), '{"columns": {"__proto__": "measure", "constructor": "ignore"}}');
    const spec = explicitCatalog([`zh=${fixture('duplicate-headers.md')}`], 'columns');
    spec.configPath = join(dir2, 'catalog.json');
    const mapped = compileCatalog(spec);
    expect(mapped.catalog.entries[0]!.texts.zh).toMatchObject({ description: '一', measure: '原型' });
    expect(Object.keys(mapped.catalog.entries[0]!.texts.zh!.extra!)).toEqual(['备注', '备注 (2)', '描述 (2)', '描述 (3)']);
    // The constructor column's two cells are ignored, as set; nothing is dropped.
    expect(mapped.accounting.cells).toEqual({ read: 12, kept: 10, inRowsLeftOut: 0, ignored: 2, beyondHeader: 0, dropped: 0 });
  });
});
