import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { errcat } from './cli';
import { repoRoot } from './reference';

/**
 * The CCI pages and settings the tests read: a copy of sources/cci kept under test/, so errcat's own
 * tests pass whichever catalogs a fork of the repository has (or none).
 */
export const seedsDir = join(repoRoot, 'test', 'fixtures', 'cci');

/** A new scratch project in a temp folder: `sources/cci/` copied from the seeds, nothing built. */
export function seedsProject(prefix = 'errcat-seeds-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'sources'));
  cpSync(seedsDir, join(dir, 'sources', 'cci'), { recursive: true });
  return dir;
}

let built: string | undefined;

/**
 * A scratch seeds project built with the CLI (`errcat build` in its root), made once per test file
 * (vitest loads this module afresh for each file) and removed after it. Call it at a test file's top
 * level or in a describe block, where vitest can register the clean-up.
 */
export function builtSeedsProject(): string {
  if (built) return built;
  const dir = seedsProject('errcat-built-');
  const result = errcat(['build'], dir);
  if (result.status !== 0) throw new Error(`errcat build of the seeds project failed (exit ${result.status}):\n${result.stderr}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  built = dir;
  return dir;
}

export interface SeedEdits {
  zh?: (page: string) => string;
  en?: (page: string) => string;
}

/** `dir/cci/` with the seeds' two pages, each edited (an en edit must keep the grid table's column widths): one version of the docs to diff. */
export function editedSeeds(dir: string, edit: SeedEdits): string {
  mkdirSync(join(dir, 'cci'), { recursive: true });
  for (const [lang, file] of [['zh', 'zh.md'], ['en', 'en.rst']] as const) {
    const page = readFileSync(join(seedsDir, file), 'utf8');
    writeFileSync(join(dir, 'cci', file), (edit[lang] ?? ((s: string) => s))(page));
  }
  return dir;
}
