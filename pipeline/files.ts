/**
 * The file primitives errcat reads and writes its inputs and settings through, so that a checkout
 * it cannot trust (a pull request) cannot make it read without bound or write outside its files:
 *
 * - {@link readRegularFile}: a regular file only (after resolving links), at most `limit` bytes.
 *   A link to a device, a FIFO, a socket or a folder is an error naming what it is.
 * - {@link writeFileNoFollow}: replaces a file through a temporary file and a rename, and refuses
 *   a path that is a symbolic link, so nothing is ever written through a link.
 * - {@link isSafeSegment}: whether a name (a catalog's) is one plain file or folder name.
 *
 * What is not guarded: the folders above a written file are trusted as the user named them,
 * unless `within` says from where on they must be real folders.
 */
import { closeSync, constants, fchmodSync, fstatSync, fsyncSync, lstatSync, openSync, readlinkSync, readSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ErrcatError } from './errors';

let made = 0;

/**
 * A name part no other writer uses at the same moment: this process's id, a counter and the time.
 * (Files made with it are opened exclusively anyway. Not node:crypto's random bytes: loading that
 * module costs every run a few milliseconds of start-up, see test/bench/README.md.)
 */
export function uniqueSuffix(): string {
  return `${process.pid}-${(++made).toString(36)}-${Date.now().toString(36)}`;
}

/** The largest built catalog.json errcat reads back (lookup, a diff side): far above a ×100 build's. */
export const MAX_CATALOG_BYTES = 256 * 1024 * 1024;

/** The largest page errcat reads: far above any real page (the largest corpus page is under 1 MiB). */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;
/** The largest settings file (catalog.json), baseline or output manifest errcat reads. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

export interface ReadLimits {
  /** The most bytes the file may hold. */
  limit: number;
  /** What the file should be, with its article, for messages: "a page", "a baseline". */
  what: string;
}

// Not on Windows, where a FIFO cannot be opened by path anyway.
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Reads a regular file whole. Links are followed; what they lead to must be a regular file of at
 * most `limit` bytes, or an {@link ErrcatError} names the path and what it is. The size is taken
 * from the opened file and at most `limit + 1` bytes are read, so a file that grows while read or
 * a /proc file that says it is empty cannot fill the memory. Opened non-blocking, so a FIFO is
 * refused instead of waiting for a writer.
 */
export function readRegularFile(path: string, limits: ReadLimits): Buffer {
  const bytes = readRegularFileIfPresent(path, limits);
  if (bytes === null) throw new ErrcatError(path, 0, 'no such file');
  return bytes;
}

/** As {@link readRegularFile}, but null when nothing is at `path` (a link to nothing is an error). */
export function readRegularFileIfPresent(path: string, limits: ReadLimits): Buffer | null {
  const fd = openForReading(path, limits, 0);
  if (fd === null) return null;
  try {
    return readOpened(fd, path, limits);
  } finally {
    closeSync(fd);
  }
}

/**
 * As {@link readRegularFileIfPresent}, but a link at `path` itself is refused, not followed: for
 * files inside a folder errcat wrote, which never holds links.
 */
export function readOwnFile(path: string, limits: ReadLimits): Buffer | null {
  const fd = openForReading(path, limits, O_NOFOLLOW);
  if (fd === null) return null;
  try {
    return readOpened(fd, path, limits);
  } finally {
    closeSync(fd);
  }
}

function openForReading(path: string, limits: ReadLimits, extraFlags: number): number | null {
  try {
    return openSync(path, constants.O_RDONLY | O_NONBLOCK | extraFlags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const entry = lstatSync(path, { throwIfNoEntry: false });
    if (code === 'ENOENT' && entry === undefined) return null;
    if (entry?.isSymbolicLink()) {
      const to = linkTarget(path);
      if (code === 'ENOENT') throw new ErrcatError(path, 0, `is a symbolic link to ${to}, which does not exist; expected ${limits.what}`);
      if (code === 'ELOOP' && extraFlags & O_NOFOLLOW) throw new ErrcatError(path, 0, `is a symbolic link (to ${to}); expected ${limits.what}, and errcat made no links here`);
      if (code === 'ELOOP') throw new ErrcatError(path, 0, `is a symbolic link that leads round in a loop; expected ${limits.what}`);
    }
    // A socket cannot be opened (ENXIO); a directory can on Linux but not everywhere.
    const stats = statQuietly(path);
    if (stats && !stats.isFile()) throw new ErrcatError(path, 0, `is ${kindOf(stats)}${via(path)}, expected ${limits.what}`);
    throw new ErrcatError(path, 0, `cannot read (${code ?? String(error)})`);
  }
}

function readOpened(fd: number, path: string, { limit, what }: ReadLimits): Buffer {
  const stats = fstatSync(fd);
  if (!stats.isFile()) throw new ErrcatError(path, 0, `is ${kindOf(stats)}${via(path)}, expected ${what}`);
  if (stats.size > limit) throw new ErrcatError(path, 0, `is ${stats.size} bytes; ${what} may be at most ${limitText(limit)}`);
  // One buffer of the size fstat gives (plus one byte, to see the end) serves a file that does not
  // change; more is read in chunks up to limit + 1 bytes.
  const chunks: Buffer[] = [];
  let total = 0;
  let buffer = Buffer.allocUnsafe(Math.min(stats.size, limit) + 1);
  for (;;) {
    let used = 0;
    while (used < buffer.length) {
      const n = readSync(fd, buffer, used, buffer.length - used, null);
      if (n === 0) break;
      used += n;
    }
    total += used;
    if (total > limit) throw new ErrcatError(path, 0, `holds more than ${limitText(limit)}; ${what} may be at most that`);
    chunks.push(used === buffer.length ? buffer : buffer.subarray(0, used));
    if (used < buffer.length) break;
    buffer = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - total));
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * Copies a regular file to a new path (which must not exist) without following a link at either
 * end: for carrying a file errcat wrote into its next output. A link or special file is an error.
 */
export function copyOwnFile(from: string, to: string): void {
  let source: number;
  try {
    source = openSync(from, constants.O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
  } catch (error) {
    const stats = lstatSync(from, { throwIfNoEntry: false });
    if (stats && !stats.isFile()) throw new ErrcatError(from, 0, `is ${kindOf(stats)}, expected a file errcat wrote`);
    throw error;
  }
  try {
    const stats = fstatSync(source);
    if (!stats.isFile()) throw new ErrcatError(from, 0, `is ${kindOf(stats)}, expected a file errcat wrote`);
    const target = openSync(to, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    try {
      const buffer = Buffer.allocUnsafe(Math.min(Math.max(stats.size, 1), 1 << 20));
      for (;;) {
        const n = readSync(source, buffer, 0, buffer.length, null);
        if (n === 0) break;
        for (let done = 0; done < n; ) done += writeSync(target, buffer, done, n - done);
      }
    } finally {
      closeSync(target);
    }
  } finally {
    closeSync(source);
  }
}

export interface WriteOptions {
  /**
   * A folder above `path` from which on every folder down to `path` must be a real folder, not a
   * link (e.g. the sources folder, for sources/<catalog>/baseline.json). Without it the folders
   * above are trusted as given.
   */
  within?: string;
  /** Whether to flush the file to the disk before renaming it into place (default: true). */
  fsync?: boolean;
}

/**
 * Writes `data` to `path` without ever writing through a symbolic link: the data goes into a new
 * file beside it (a unique name, created exclusively) that is then renamed over `path`. A rename
 * replaces a directory entry, not what a link points to, so even a link made meanwhile is replaced,
 * never followed. A link already at `path` is refused (exit 2): errcat never replaces it silently,
 * as it may be planted (a pull request that adds `baseline.json -> ~/.bashrc`). The file keeps its
 * permission bits; a reader sees the old content or the new, never a part.
 */
export function writeFileNoFollow(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  if (options.within !== undefined) assertRealFolders(options.within, dirname(path));
  const existing = lstatSync(path, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) {
    throw new ErrcatError(path, 0, `is a symbolic link (to ${linkTarget(path)}); errcat never writes through a link: remove the link, or put a regular file in its place, and run again`);
  }
  if (existing && !existing.isFile()) throw new ErrcatError(path, 0, `is ${kindOf(existing)}, expected a regular file to replace`);
  const temp = join(dirname(path), `.${basename(path)}.${uniqueSuffix()}.tmp`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  let renamed = false;
  try {
    try {
      if (existing) fchmodSync(fd, existing.mode & 0o777);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      if (options.fsync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    renamed = true;
  } finally {
    if (!renamed) unlinkQuietly(temp);
  }
}

/** Every folder from below `root` down to `folder` must exist as a real folder, not a link. */
function assertRealFolders(root: string, folder: string): void {
  const rel = relative(root, folder);
  if (rel === '') return;
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new ErrcatError(folder, 0, `is not inside ${root}`);
  let at = root;
  for (const part of rel.split(sep)) {
    at = join(at, part);
    const stats = lstatSync(at, { throwIfNoEntry: false });
    if (stats === undefined) throw new ErrcatError(at, 0, 'no such folder');
    if (stats.isSymbolicLink()) throw new ErrcatError(at, 0, `is a symbolic link (to ${linkTarget(at)}); errcat writes into ${root === '.' ? 'the project' : root} only through real folders`);
    if (!stats.isDirectory()) throw new ErrcatError(at, 0, `is ${kindOf(stats)}, expected a folder`);
  }
}

/** Windows refuses these as file names, with any extension. */
const RESERVED_DEVICE = /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(?:\.|$)/i;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Why `name` is not one plain file or folder name, or null when it is. A safe name joined to a
 * folder stays in that folder on Linux, macOS and Windows: no separator, not `.` or `..`, no
 * control character, no leading dot (hidden, and errcat's own staging names start with one), no
 * character or ending Windows refuses, not a Windows device name, at most 255 bytes.
 */
export function unsafeSegmentReason(name: string): string | null {
  if (name === '') return 'is empty';
  if (name === '.' || name === '..') return `is "${name}", which names a folder, not a new one inside it`;
  if (name.includes('/') || name.includes('\\')) return 'holds a path separator ("/" or "\\")';
  if (CONTROL.test(name)) return 'holds a control character';
  if (name.startsWith('.')) return 'starts with "."';
  if (/[<>:"|?*]/.test(name)) return 'holds a character Windows does not allow in file names (< > : " | ? *)';
  if (/[. ]$/.test(name)) return 'ends with "." or a space, which Windows drops';
  if (RESERVED_DEVICE.test(name)) return 'is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM0-9, LPT0-9)';
  if (Buffer.byteLength(name, 'utf8') > 255) return 'is longer than 255 bytes';
  return null;
}

/** Whether `name` is one plain file or folder name: see {@link unsafeSegmentReason}. */
export function isSafeSegment(name: string): boolean {
  return unsafeSegmentReason(name) === null;
}

/** "a directory", "a FIFO", …: what a non-regular file is, for messages. */
export function kindOf(stats: Stats): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** " (a symbolic link to X)" when `path` is a link, for saying how a path led to what it is. */
function via(path: string): string {
  return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ? ` (through a symbolic link to ${linkTarget(path)})` : '';
}

function linkTarget(path: string): string {
  try {
    return JSON.stringify(readlinkSync(path));
  } catch {
    return 'somewhere unreadable';
  }
}

function statQuietly(path: string): Stats | undefined {
  try {
    return statSync(path); // follows links without opening, so a FIFO cannot block it
  } catch {
    return undefined;
  }
}

/** Removes a file errcat made, if it is still there. */
export function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or the folder went away: nothing of errcat's is left to remove then.
  }
}

/** "9 bytes", "64 MiB (67108864 bytes)": a limit as people read it, and exactly. */
function limitText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const mib = bytes / (1024 * 1024);
  return `${mib >= 1 ? `${+mib.toFixed(2)} MiB` : `${+(bytes / 1024).toFixed(2)} KiB`} (${bytes} bytes)`;
}
