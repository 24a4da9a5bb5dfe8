/**
 * Semantic versions of the catalog packages: what the docs' changes since a revision require
 * (the diff's bump), and whether each catalog's package.version was raised that far.
 */
import { join } from 'node:path';
import type { CompiledCatalog } from './compile';
import { bumpAtLeast, bumpOf, diffCatalogSets, nextVersion, type BumpLevel, callsForBump } from './diff';
import { ErrcatError } from './errors';
import type { ProjectSettings } from './generated/project';
import { compileAt } from './diff/side';
import type { Workspace } from './project';
import type { CatalogSpec } from './sources';
import { MAX_SETTINGS_BYTES, readRegularFile, readRegularFileIfPresent, writeFileNoFollow } from './files';

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

/**
 * How each catalog compiled now (`current`) changed since `rev`: the workspace's catalogs as of the
 * revision (each page read from its own repository), compiled and diffed.
 */
export async function versionStatus(rev: string, workspace: Workspace, current: CompiledCatalog[], note?: (text: string) => void): Promise<VersionStatus[]> {
  const base = await compileAt(workspace, rev, note);
  return current.map((c) => {
    const before = base.find((b) => b.spec.name === c.spec.name);
    if (!before) {
      return { catalog: c.spec.name, baseVersion: null, currentVersion: c.package.version, required: 'none', changes: 0, nextVersion: c.package.version, ok: true };
    }
    const report = diffCatalogSets({ label: rev, catalogs: [before.catalog] }, { label: 'working tree', catalogs: [c.catalog] });
    const required = bumpOf(report.changes);
    const step = raised(before.package.version, c.package.version);
    return {
      catalog: c.spec.name,
      baseVersion: before.package.version,
      currentVersion: c.package.version,
      required,
      changes: report.changes.filter(callsForBump).length,
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

/**
 * Records `version` as package.version in the catalog's settings, keeping every other setting: the
 * catalog's entry in errcat.json, or its catalog.json in the sources/ layout.
 */
export function writeVersion(spec: CatalogSpec, version: string): string {
  if (spec.config !== undefined && spec.configPath !== null) {
    const settings = JSON.parse(readRegularFile(spec.configPath, { limit: MAX_SETTINGS_BYTES, what: 'the project settings (JSON)' }).toString('utf8')) as ProjectSettings;
    const entry = settings.catalogs?.find((c) => c.name === spec.name);
    if (!entry) throw new ErrcatError(spec.configPath, 0, `no catalog "${spec.name}" to record the version in`);
    entry.package = { ...(entry.package ?? {}), version };
    writeFileNoFollow(spec.configPath, `${JSON.stringify(settings, null, 2)}\n`, { within: '.' });
    return spec.configPath;
  }
  const path = spec.configPath ?? join('sources', spec.name, 'catalog.json');
  const text = readRegularFileIfPresent(path, { limit: MAX_SETTINGS_BYTES, what: 'the catalog settings (JSON)' });
  const settings = text === null ? {} : (JSON.parse(text.toString('utf8')) as Record<string, unknown>);
  settings.package = { ...((settings.package as Record<string, unknown> | undefined) ?? {}), version };
  // Inside the project (the current folder), every folder on the way must be a real one; a --sources
  // folder named outside it is the user's own choice.
  writeFileNoFollow(path, `${JSON.stringify(settings, null, 2)}\n`, path.startsWith('../') ? {} : { within: '.' });
  return path;
}
