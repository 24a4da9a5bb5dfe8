/**
 * One writer per output folder, and what a killed writer left behind. Beside the output folder
 * (e.g. dist) errcat keeps, only while it writes:
 *
 *   .dist.errcat-lock       the writer's process id; made exclusively, so two builds into one
 *                           folder run one after the other (the second waits, then gives up with
 *                           exit 2 naming the lock). A lock whose process is gone is stale and taken over.
 *   .dist.new-PID-STAMP     the next output, written whole before it is swapped in
 *   .dist.old-PID-STAMP     the previous output, between the two renames of the swap, until removed
 *
 * A build killed at any point leaves these behind. The next writer, holding the lock (so no other
 * errcat is writing), puts a `.old-` folder back when the output folder is missing (the kill came
 * between the renames) and removes every other `.new-`/`.old-` folder of this output.
 */
import { linkSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ErrcatError } from './errors';
import { uniqueSuffix, unlinkQuietly } from './files';
import { MANIFEST_NAME } from './output-manifest';

/** How long a build waits for another to finish writing the same folder. */
const LOCK_WAIT_MS = Number(process.env.ERRCAT_TEST_LOCK_WAIT_MS ?? 120_000);
const POLL_MS = 50;

export interface OutputLock {
  release(): void;
}

/** The lock, staging and retired names for an output folder (an absolute path). */
export function besideOutput(outAbs: string): { lock: string; staging: string; retired: string } {
  const parent = dirname(outAbs);
  const base = basename(outAbs);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  return {
    lock: join(parent, `.${base}.errcat-lock`),
    staging: join(parent, `.${base}.new-${stamp}`),
    retired: join(parent, `.${base}.old-${stamp}`),
  };
}

/**
 * Takes the output folder's lock, waiting while a live errcat holds it. `outDir` is for messages;
 * `onWait` is told once when this build has to wait.
 */
export function lockOutput(outDir: string, lockPath: string, onWait?: (message: string) => void): OutputLock {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let told = false;
  let unreadableSince: number | null = null;
  for (;;) {
    if (createLock(lockPath)) break;
    const holder = lockHolder(lockPath);
    if (holder === 'gone') continue;
    if (typeof holder === 'number' && !isRunning(holder)) {
      removeStaleLock(lockPath, holder);
      continue;
    }
    // A lock without a pid may be one being made without hard links: give it a moment, not minutes.
    if (holder === 'unreadable') unreadableSince ??= Date.now();
    else unreadableSince = null;
    if (Date.now() >= deadline || (unreadableSince !== null && Date.now() - unreadableSince > 1000)) {
      throw new ErrcatError(
        lockPath,
        0,
        holder === 'unreadable'
          ? `is not an errcat lock (expected a process id); delete it if no errcat build is writing ${outDir}`
          : `another errcat build (process ${holder}) is writing ${outDir}; run again when it has finished, or delete this lock if no errcat is running`,
      );
    }
    if (!told && onWait) onWait(`waiting for another errcat build (process ${holder === 'unreadable' ? '?' : holder}) to finish writing ${outDir} (lock ${lockPath})`);
    told = true;
    sleep(POLL_MS);
  }
  holdForTest();
  return {
    release() {
      // Only our own: a lock another build took over (ours judged stale) is theirs.
      if (lockHolder(lockPath) === process.pid) unlinkQuietly(lockPath);
    },
  };
}

/** Makes the lock with our pid in it, in one step (a link), so no one ever reads it empty. */
function createLock(lockPath: string): boolean {
  const temp = `${lockPath}.${uniqueSuffix()}`;
  writeFileSync(temp, `${process.pid}\n`, { flag: 'wx' });
  try {
    linkSync(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    // A file system without hard links: create the lock itself exclusively.
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    unlinkQuietly(temp);
  }
}

/** The pid in the lock; 'gone' when it vanished meanwhile; 'unreadable' when it is not a lock errcat made. */
function lockHolder(lockPath: string): number | 'gone' | 'unreadable' {
  const stats = lstatSync(lockPath, { throwIfNoEntry: false });
  if (stats === undefined) return 'gone';
  if (!stats.isFile() || stats.size > 32) return 'unreadable';
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch {
    return 'gone';
  }
  return /^[1-9][0-9]{0,9}\n$/.test(text) ? Number(text) : 'unreadable';
}

/** Whether a process with this id runs (EPERM: it does, as another user). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeStaleLock(lockPath: string, pid: number): void {
  // Read again just before: another build may have replaced the stale lock with its own.
  if (lockHolder(lockPath) === pid) unlinkQuietly(lockPath);
}

/**
 * Repairs what a killed build left beside `outAbs` (call holding the lock): when the output folder
 * is missing, the newest `.old-` folder that is errcat's output is renamed back; every other
 * staging or retired folder of this output is removed. Returns what was put back, if anything.
 */
export function recoverOutput(outAbs: string): string | null {
  const parent = dirname(outAbs);
  const prefix = `.${basename(outAbs)}.`;
  const leftovers: Array<{ name: string; kind: 'new' | 'old'; stamp: number }> = [];
  for (const name of safeReaddir(parent)) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(new|old)-[0-9]+-([0-9a-z]+)$/.exec(name.slice(prefix.length));
    if (m) leftovers.push({ name, kind: m[1] as 'new' | 'old', stamp: parseInt(m[2]!, 36) });
  }
  let restored: string | null = null;
  if (lstatSync(outAbs, { throwIfNoEntry: false }) === undefined) {
    const candidates = leftovers.filter((l) => l.kind === 'old' && isOutputFolder(join(parent, l.name))).sort((a, b) => b.stamp - a.stamp);
    if (candidates[0]) {
      renameSync(join(parent, candidates[0].name), outAbs);
      restored = candidates[0].name;
    }
  }
  // rm removes a link itself, never what it points to.
  for (const l of leftovers) if (l.name !== restored) rmSync(join(parent, l.name), { recursive: true, force: true });
  return restored;
}

/** A real folder holding errcat's manifest, or an empty one (an output folder adopted empty). */
function isOutputFolder(path: string): boolean {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (!stats?.isDirectory()) return false;
  const names = readdirSync(path);
  return names.length === 0 || lstatSync(join(path, MANIFEST_NAME), { throwIfNoEntry: false })?.isFile() === true;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Test hook: once the lock is held, wait until this file exists (to order two builds in a test). */
function holdForTest(): void {
  const until = process.env.ERRCAT_TEST_HOLD_LOCK_UNTIL;
  if (!until) return;
  while (lstatSync(until, { throwIfNoEntry: false }) === undefined) sleep(POLL_MS);
}
