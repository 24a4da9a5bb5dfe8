/**
 * Semantic versions of the catalog packages: what the docs' changes since a revision require
 * (the diff's bump), and whether each catalog's package.version was raised that far.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bumpAtLeast, bumpOf, diffCatalogSets, nextVersion, type BumpLevel } from './diff';
import { compileSources } from './diff/side';
import { ErrcatError } from './errors';
import { writeFileNoFollow } from './files';

export interface VersionStatus {
  catalog: string;
  /** The version as committed at the base revision; null for a catalog new since then. */
  baseVersion: string | null;
  currentVersion: string;
  /** What the changes since the base require, and how many changes there are. */
  required: BumpLevel;
  changes: number;
  /** The version the required bump leads to from the base version. */
  nextVersion: string;
  /** Whether the current version was raised at least as far as required. */
  ok: boolean;
}

/** How far `to` is above `from`: none when equal or lower. */
function raised(from: string, to: string): BumpLevel | 'lower' {
  const a = from.split(/[.-]/).slice(0, 3).map(Number);
  const b = to.split(/[.-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) {
    if (b[i]! > a[i]!) return (['major', 'minor', 'patch'] as const)[i]!;
    if (b[i]! < a[i]!) return 'lower';
  }
  return 'none';
}

export async function versionStatus(rev: string, sourcesDir: string, only?: string): Promise<VersionStatus[]> {
  const current = (await compileSources(sourcesDir)).filter((c) => !only || c.spec.name === only);
  if (only && current.length === 0) throw new ErrcatError(sourcesDir, 0, `no catalog "${only}"`);
  const base = await compileSources(`git:${rev}:${sourcesDir}`);
  return current.map((c) => {
    const before = base.find((b) => b.spec.name === c.spec.name);
    if (!before) {
      return { catalog: c.spec.name, baseVersion: null, currentVersion: c.package.version, required: 'none', changes: 0, nextVersion: c.package.version, ok: true };
    }
    const report = diffCatalogSets({ label: rev, catalogs: [before.catalog] }, { label: sourcesDir, catalogs: [c.catalog] });
    const required = bumpOf(report.changes);
    const step = raised(before.package.version, c.package.version);
    return {
      catalog: c.spec.name,
      baseVersion: before.package.version,
      currentVersion: c.package.version,
      required,
      changes: report.changes.length,
      nextVersion: nextVersion(before.package.version, required),
      ok: step !== 'lower' && bumpAtLeast(step, required),
    };
  });
}

export function describeStatus(s: VersionStatus, rev: string): string {
  if (s.baseVersion === null) return `${s.catalog}: new since ${rev}; version ${s.currentVersion}`;
  const what = s.required === 'none' ? 'no change' : `${s.changes} change${s.changes === 1 ? '' : 's'}, ${s.required}`;
  return `${s.catalog}: ${what} since ${rev} (${s.baseVersion}); next version ${s.nextVersion}; package.version is ${s.currentVersion}${s.ok ? '' : ' — not raised far enough'}`;
}

/** Records `version` as package.version in the catalog's settings, keeping every other setting. */
export function writeVersion(sourcesDir: string, catalog: string, version: string): string {
  const path = join(sourcesDir, catalog, 'catalog.json');
  const settings = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
  settings.package = { ...((settings.package as Record<string, unknown> | undefined) ?? {}), version };
  writeFileNoFollow(path, `${JSON.stringify(settings, null, 2)}\n`, { within: sourcesDir });
  return path;
}
