/**
 * Standard output and error, written with fs.writeSync on their file descriptors. errcat writes
 * each result once and exits, and creating process.stdout or process.stderr loads Node's stream
 * modules: over a millisecond of every start, for nothing a stream adds here.
 *
 * A descriptor may be non-blocking (a pipe Node or another program set so) and refuse a write
 * with EAGAIN while its reader catches up; then that text and everything after it goes through
 * the Node stream, which waits, and {@link flushOutput} waits for it before the process exits.
 * A reader that went away (EPIPE, as in `errcat rows … | head`) is not an error: errcat exits
 * with the status it already had.
 */
import { writeSync } from 'node:fs';

type Fd = 1 | 2;

/** Descriptors handed to Node's stream after a write would have blocked. */
const streamed = new Set<Fd>();

const stream = (fd: Fd) => (fd === 1 ? process.stdout : process.stderr);

function write(fd: Fd, text: string): void {
  if (text === '') return;
  if (streamed.has(fd)) {
    stream(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        streamed.add(fd);
        stream(fd).on('error', exitOnClosedReader);
        stream(fd).write(bytes.subarray(done));
        return;
      }
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    }
  }
}

function exitOnClosedReader(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
}

export const writeStdout = (text: string): void => write(1, text);
export const writeStderr = (text: string): void => write(2, text);

/** Calls `done` once everything written has reached the descriptors. */
export function flushOutput(done: () => void): void {
  const pending = [...streamed];
  const next = (): void => {
    const fd = pending.pop();
    if (fd === undefined) done();
    else stream(fd).write('', next);
  };
  next();
}
