/**
 * Writing artifacts so that a failed build costs nothing: everything is written into a fresh
 * folder beside the output and swapped in only when all of it was written. Until the swap, the
 * previous output is untouched; after it, the old folder is removed. An output that already holds
 * exactly these artifacts is left as it is (no file is rewritten, no timestamp moves). Artifacts
 * are made, compared and written one at a time (see emit/artifacts).
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ArtifactSource } from './emit/artifacts';
import { pieceEnd } from './text';

export interface OutputDifference {
  path: string;
  kind: 'missing' | 'differs' | 'unexpected';
}

/** Test hook: fail after writing this many files, to prove a failed build leaves the output alone. */
const failAfter = Number(process.env.ERRCAT_TEST_FAIL_AFTER_FILES ?? 'NaN');

/**
 * Replaces `outDir` (or, with `only`, just those subfolders and files of it) with `artifacts`.
 * The new content is written completely before anything old is moved. In one pass: an artifact
 * the output already holds byte for byte is copied from it only if something else changed.
 */
export function writeArtifacts(outDir: string, artifacts: ArtifactSource, only?: string[]): void {
  const parent = dirname(outDir);
  const exists = existsSync(outDir);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(parent, `.${basename(outDir)}.new-${stamp}`);
  const retired = join(parent, `.${basename(outDir)}.old-${stamp}`);
  const scratch = { buffer: Buffer.allocUnsafe(0) };
  const unchanged: string[] = [];
  let written = 0;
  try {
    for (const [path, text] of artifacts) {
      if (exists && sameFile(join(outDir, path), text, scratch)) {
        unchanged.push(path);
        continue;
      }
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      if (++written === failAfter) throw new Error(`ERRCAT_TEST_FAIL_AFTER_FILES: stopped after ${written} files`);
    }
    if (exists && written === 0 && unexpectedFiles(outDir, artifacts, only).length === 0) return;
    for (const path of unchanged) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      copyFileSync(join(outDir, path), join(staging, path));
    }
    if (only && exists) copyTree(outDir, staging, only);
    mkdirSync(staging, { recursive: true });
    if (exists) renameSync(outDir, retired);
    renameSync(staging, outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(retired) && !existsSync(outDir)) renameSync(retired, outDir);
    throw error;
  }
  rmSync(retired, { recursive: true, force: true });
}

/** Copies `from` into `to`, leaving out the top-level entries named in `skip` (they are rewritten). */
function copyTree(from: string, to: string, skip: string[]): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (skip.includes(name)) continue;
    const source = join(from, name);
    const target = join(to, name);
    if (statSync(source).isDirectory()) copyTree(source, target, []);
    else writeFileSync(target, readFileSync(source));
  }
}

/** How the files under `outDir` differ from `artifacts` (only within `scope` entries when given). */
export function compareArtifacts(outDir: string, artifacts: ArtifactSource, scope?: string[]): OutputDifference[] {
  const differences: OutputDifference[] = [];
  const scratch = { buffer: Buffer.allocUnsafe(0) };
  for (const [path, text] of artifacts) {
    const stats = statSync(join(outDir, path), { throwIfNoEntry: false });
    if (!stats?.isFile()) differences.push({ path, kind: 'missing' });
    else if (!sameContent(join(outDir, path), stats.size, text, scratch)) differences.push({ path, kind: 'differs' });
  }
  if (existsSync(outDir)) differences.push(...unexpectedFiles(outDir, artifacts, scope));
  return differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Files under `outDir` (within `scope` entries when given) that are not artifacts. */
function unexpectedFiles(outDir: string, artifacts: ArtifactSource, scope?: string[]): OutputDifference[] {
  const found: OutputDifference[] = [];
  for (const path of listFiles(outDir)) {
    const top = path.split('/')[0]!;
    if (scope && !scope.includes(top)) continue;
    if (!artifacts.has(path)) found.push({ path, kind: 'unexpected' });
  }
  return found;
}

function sameFile(file: string, text: string, scratch: { buffer: Buffer }): boolean {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats !== undefined && stats.isFile() && sameContent(file, stats.size, text, scratch);
}

/**
 * Whether a file of `size` bytes holds exactly `text` as UTF-8: sizes first, then the bytes, the
 * text encoded and the file read a slice at a time (into one reused buffer), so comparing a large
 * output holds no second copy of it.
 */
function sameContent(file: string, size: number, text: string, scratch: { buffer: Buffer }): boolean {
  if (size !== Buffer.byteLength(text, 'utf8')) return false;
  const fd = openSync(file, 'r');
  try {
    let position = 0;
    for (let start = 0; start < text.length; ) {
      const end = pieceEnd(text, start, COMPARE_CHARS);
      const expected = Buffer.from(text.slice(start, end), 'utf8');
      if (scratch.buffer.length < expected.length) scratch.buffer = Buffer.allocUnsafe(Math.max(expected.length, 1 << 16));
      const actual = scratch.buffer.subarray(0, expected.length);
      for (let read = 0; read < actual.length; ) {
        const n = readSync(fd, actual, read, actual.length - read, position + read);
        if (n === 0) return false;
        read += n;
      }
      if (!actual.equals(expected)) return false;
      position += expected.length;
      start = end;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}

const COMPARE_CHARS = 1 << 18;

/** Every file under `dir`, as `/`-separated paths relative to it, in sorted order. */
function listFiles(dir: string, prefix = ''): string[] {
  const files: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory());
    if (isDirectory) for (const file of listFiles(path, `${prefix}${entry.name}/`)) files.push(file);
    else files.push(`${prefix}${entry.name}`);
  }
  return files;
}
