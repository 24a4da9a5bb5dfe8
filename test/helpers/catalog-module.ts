import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Loads an emitted catalog.ts as a module (esbuild strips the types; nothing else changes). */
export async function loadCatalogModule(ts: string): Promise<Record<string, any>> {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-ts-'));
  writeFileSync(join(dir, 'catalog.ts'), ts);
  await build({ entryPoints: [join(dir, 'catalog.ts')], outfile: join(dir, 'catalog.mjs'), format: 'esm', logLevel: 'silent' });
  return import(join(dir, 'catalog.mjs'));
}
