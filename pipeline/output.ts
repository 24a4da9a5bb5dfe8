/**
 * Writing artifacts so that a failed build costs nothing and no file errcat did not write is lost.
 * Everything is written into a fresh folder beside the output and swapped in only when all of it
 * was written: until the swap the previous output is untouched, after it the old folder is removed.
 * An output that already holds exactly these artifacts is left as it is (no file is rewritten, no
 * timestamp moves). Artifacts are made, compared and written one at a time (see emit/artifacts).
 *
 * errcat replaces only a folder it wrote (see output-manifest: the folder lists its files in
 * .errcat-output), one build at a time, and repairs what a killed build left (see output-lock).
 */
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ArtifactSource } from './emit/artifacts';
import { ErrcatError } from './errors';
import { copyOwnFile, unsafeSegmentReason } from './files';
import { besideOutput, lockOutput, recoverOutput } from './output-lock';
import { inspectOutput, MANIFEST_NAME, manifestText } from './output-manifest';
import { pieceEnd } from './text';

export { MANIFEST_NAME } from './output-manifest';

export interface OutputDifference {
  path: string;
  kind: 'missing' | 'differs' | 'unexpected';
}

export interface WriteOptions {
  /** Told once when another build is writing the same folder and this one waits for it. */
  onWait?: (message: string) => void;
}

/** Test hook: fail after writing this many files, to prove a failed build leaves the output alone. */
const failAfter = Number(process.env.ERRCAT_TEST_FAIL_AFTER_FILES ?? 'NaN');
/** Test hook: kill the process at this step of the swap (staged, between-renames, swapped). */
const killAt = process.env.ERRCAT_TEST_KILL_AT;

/**
 * Replaces `outDir` (or, with `only`, just those subfolders and files of it) with `artifacts`.
 * The new content is written completely before anything old is moved. In one pass: an artifact
 * the output already holds byte for byte is copied from it only if something else changed.
 * Refused (ErrcatError) when an artifact path would leave `outDir`, or `outDir` holds anything
 * errcat did not write.
 */
export function writeArtifacts(outDir: string, artifacts: ArtifactSource, only?: string[], options: WriteOptions = {}): void {
  checkArtifactPaths(outDir, [...artifacts.keys(), ...(only ?? [])]);
  const outAbs = resolve(outDir);
  if (dirname(outAbs) === outAbs) throw new ErrcatError(outDir, 0, 'is the root folder; errcat writes its output into a folder of its own (--out DIR)');
  // A folder that is not errcat's is refused before anything is made beside it; its content is
  // looked at once the lock is held.
  inspectOutput(outDir, artifacts.keys(), { shallow: true });
  const beside = besideOutput(outAbs);
  mkdirSync(dirname(outAbs), { recursive: true });
  const lock = lockOutput(outDir, beside.lock, options.onWait);
  try {
    recoverOutput(outAbs);
    writeLocked(outDir, artifacts, only, beside);
  } finally {
    lock.release();
  }
}

function writeLocked(outDir: string, artifacts: ArtifactSource, only: string[] | undefined, { staging, retired }: { staging: string; retired: string }): void {
  const state = inspectOutput(outDir, artifacts.keys());
  const present = state.kind === 'owned' ? state.files : new Set<string>();
  // With `only`, what lies outside those entries is errcat's earlier output and is carried over.
  const carried = only ? [...present].filter((path) => !only.includes(path.split('/')[0]!)) : [];
  const manifest = manifestText([...artifacts.keys(), ...carried]);
  const listed = new Set([...artifacts.keys(), ...carried]);
  const scratch = { buffer: Buffer.allocUnsafe(0) };
  const unchanged: string[] = [];
  let written = 0;
  try {
    for (const [path, text] of withManifest(artifacts, manifest)) {
      if ((present.has(path) || (path === MANIFEST_NAME && state.kind === 'owned')) && sameFile(join(outDir, path), text, scratch)) {
        unchanged.push(path);
        continue;
      }
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text, { flag: 'wx' });
      if (++written === failAfter) throw new Error(`ERRCAT_TEST_FAIL_AFTER_FILES: stopped after ${written} files`);
    }
    const removes = [...present].some((path) => !listed.has(path));
    if (state.kind === 'owned' && written === 0 && !removes) return;
    for (const path of [...unchanged, ...carried]) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      copyOwnFile(join(outDir, path), join(staging, path));
    }
    mkdirSync(staging, { recursive: true });
    killForTest('staged');
    if (state.kind !== 'absent') renameSync(outDir, retired);
    killForTest('between-renames');
    renameSync(staging, outDir);
    killForTest('swapped');
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(retired) && !existsSync(outDir)) renameSync(retired, outDir);
    throw error;
  }
  rmSync(retired, { recursive: true, force: true });
}

/** Every artifact path (and `only` entry) must be plain names joined by `/`, staying inside `outDir`. */
function checkArtifactPaths(outDir: string, paths: Iterable<string>): void {
  for (const path of paths) {
    for (const segment of path.split('/')) {
      const why = unsafeSegmentReason(segment);
      if (why !== null) {
        throw new ErrcatError(outDir, 0, `refusing to write ${JSON.stringify(path)}: ${JSON.stringify(segment)} ${why}; a catalog name must be one plain folder name (letters, digits, ".", "_", "-"), e.g. --catalog cci`);
      }
    }
    // Besides the names: the joined path must resolve inside the folder (defence in depth).
    const rel = relative(resolve(outDir), resolve(outDir, path));
    if (isAbsolute(path) || rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new ErrcatError(outDir, 0, `refusing to write ${JSON.stringify(path)}: it resolves outside the output folder`);
    }
  }
}

/** The artifacts, then the manifest naming them (see output-manifest). */
function* withManifest(artifacts: ArtifactSource, manifest: string): Iterable<[string, string]> {
  yield* artifacts;
  yield [MANIFEST_NAME, manifest];
}

/** Test hook: die as a kill would, at a named step of the swap. */
function killForTest(step: string): void {
  if (killAt === step) process.kill(process.pid, 'SIGKILL');
}

/**
 * How the files under `outDir` differ from `artifacts` (only within `scope` entries when given).
 * Without a scope the output's manifest (.errcat-output) is expected too. Links are not followed:
 * a link where an artifact belongs is not it.
 */
export function compareArtifacts(outDir: string, artifacts: ArtifactSource, scope?: string[]): OutputDifference[] {
  const expected = scope ? artifacts : manifested(artifacts);
  const differences: OutputDifference[] = [];
  const scratch = { buffer: Buffer.allocUnsafe(0) };
  for (const [path, text] of expected) {
    const stats = lstatSync(join(outDir, path), { throwIfNoEntry: false });
    if (!stats?.isFile()) differences.push({ path, kind: 'missing' });
    else if (!sameContent(join(outDir, path), stats.size, text, scratch)) differences.push({ path, kind: 'differs' });
  }
  if (existsSync(outDir)) differences.push(...unexpectedFiles(outDir, expected, scope));
  return differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The artifacts and the manifest listing them, as a full build writes them. */
function manifested(artifacts: ArtifactSource): ArtifactSource {
  const manifest = () => manifestText(artifacts.keys());
  return {
    has: (path) => path === MANIFEST_NAME || artifacts.has(path),
    get: (path) => (path === MANIFEST_NAME ? manifest() : artifacts.get(path)),
    *keys() {
      yield* artifacts.keys();
      yield MANIFEST_NAME;
    },
    [Symbol.iterator]: () => withManifest(artifacts, manifest())[Symbol.iterator](),
  };
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
  const stats = lstatSync(file, { throwIfNoEntry: false });
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

/** Every file under `dir` (a link counts as a file: it is not followed), as `/`-separated paths relative to it, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  const files: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.isDirectory()) for (const file of listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)) files.push(file);
    else files.push(`${prefix}${entry.name}`);
  }
  return files;
}
