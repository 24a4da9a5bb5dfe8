/**
 * A catalog.json errcat built earlier, read back (a diff side, `errcat lookup`): bounded, parsed,
 * brought to the current shape, validated. Catalogs built before the module was kept per language
 * have one `module` per entry and variant and none in the texts; they are read, not refused, since
 * a published catalog is what a diff compares against.
 */
import { isJsonObject, parseJson } from './json-object';
import { MAX_CATALOG_BYTES, readRegularFile } from './files';
import type { Catalog } from './generated/catalog';
import { validateCatalog } from './validate';

export function readBuiltCatalog(path: string): Catalog {
  const text = readRegularFile(path, { limit: MAX_CATALOG_BYTES, what: 'a built catalog.json' }).toString('utf8');
  const catalog = upgradeCatalog(parseJson(path, text)) as Catalog;
  validateCatalog(catalog, path);
  return catalog;
}


/**
 * An older catalog in the current shape; anything else is returned as it is, for validation to
 * judge. The old shape kept one module per variant, taken from the first language (in catalog
 * order) whose row gave one — the primary language's whenever its page has a module column. It goes
 * to that language, the first with texts in the variant; the other languages' modules were never
 * recorded, so they are null (a diff against a new build then says they were added, which they were).
 * Nor were the other languages' own statuses: the entry's stood for every language, so a page that
 * gives another shows as page-status-changed against a new build (as a consumer sees it).
 */
export function upgradeCatalog(data: unknown): unknown {
  if (!isJsonObject(data) || !Array.isArray(data.entries) || !Array.isArray(data.languages)) return data;
  const languages = data.languages.filter((l): l is string => typeof l === 'string');
  const upgradeVariant = (variant: unknown) => {
    if (!isJsonObject(variant) || !isJsonObject(variant.texts)) return;
    const texts = variant.texts;
    const langs = Object.keys(texts);
    const owner = languages.find((l) => langs.includes(l)) ?? langs[0];
    const module = Object.hasOwn(variant, 'module') ? variant.module : undefined;
    if (typeof module === 'string') delete variant.module;
    for (const lang of langs) {
      const text = texts[lang];
      if (!isJsonObject(text) || Object.hasOwn(text, 'module')) continue;
      // Keys in schema order: module first, as a new build writes it.
      const rest = { ...text };
      for (const key of Object.keys(text)) delete text[key];
      Object.assign(text, { module: lang === owner && typeof module === 'string' && module !== '' ? module : null }, rest);
    }
  };
  for (const entry of data.entries) {
    upgradeVariant(entry);
    if (isJsonObject(entry) && Array.isArray(entry.variants)) for (const variant of entry.variants) upgradeVariant(variant);
  }
  return data;
}
