/**
 * Standard output and error, written with fs.writeSync on their file descriptors. errcat writes
 * each result once and exits, and creating process.stdout or process.stderr loads Node's stream
 * modules: over a millisecond of every start, for nothing a stream adds here.
 *
 * Text is encoded into one buffer per descriptor, which is written when it fills and at the end of
 * each write: no Buffer.from copy of a whole output and no Buffer.byteLength pass, each as slow as
 * the write itself on megabytes of CJK text. Bytes encoded elsewhere (`errcat rows`' JSON, see
 * rows-json.ts) are written as they are, after the text before them.
 *
 * A descriptor may be non-blocking (a pipe Node or another program set so) and refuse a write
 * with EAGAIN while its reader catches up; then that text and everything after it goes through
 * the Node stream, which waits, and {@link flushOutput} waits for it before the process exits.
 * A reader that went away (EPIPE, as in `errcat rows … | head`) is not an error: errcat exits
 * with the status it already had.
 */
import { writeSync } from 'node:fs';
import { pieceEnd } from '../text';

type Fd = 1 | 2;

/** Text is encoded this many UTF-16 units at a time (3 bytes each at most). */
const CHUNK_UNITS = 64 * 1024;
/** The least a buffer holds: many small pieces of text (a report's lines) go out in few writes. */
const MIN_BUFFER_BYTES = 64 * 1024;

class Output {
  private buffer: Buffer | undefined;
  private used = 0;
  /** Set once a write was refused: from then on everything goes through Node's stream, in order. */
  private streamed = false;

  constructor(private readonly fd: Fd) {}

  private get stream(): NodeJS.WriteStream {
    return this.fd === 1 ? process.stdout : process.stderr;
  }

  /** Adds text; it reaches the descriptor when the buffer fills or at {@link flush}. */
  write(text: string): void {
    if (text === '') return;
    if (this.streamed) {
      this.stream.write(text);
      return;
    }
    for (let from = 0; from < text.length; ) {
      const to = pieceEnd(text, from, CHUNK_UNITS);
      const piece = from === 0 && to === text.length ? text : text.slice(from, to);
      const room = 3 * piece.length;
      if (this.buffer === undefined || this.buffer.length - this.used < room) {
        this.flush();
        if (this.streamed) {
          this.stream.write(from === 0 ? text : text.slice(from));
          return;
        }
        if (this.buffer === undefined || this.buffer.length < room) this.buffer = Buffer.allocUnsafe(Math.max(room, MIN_BUFFER_BYTES));
      }
      this.used += this.buffer.write(piece, this.used, 'utf8');
      from = to;
    }
  }

  /** Writes what the buffer holds. */
  flush(): void {
    if (this.streamed || this.buffer === undefined || this.used === 0) return;
    this.writeAll(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  /** Writes bytes, after what the buffer holds; `bytes` may be reused once this returns. */
  writeBytes(bytes: Buffer): void {
    this.flush();
    if (this.streamed) this.stream.write(Buffer.from(bytes));
    else this.writeAll(bytes);
  }

  private writeAll(bytes: Buffer): void {
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(this.fd, bytes, done, bytes.length - done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
        if (code !== 'EAGAIN') throw error;
        // The descriptor refused: the rest goes through Node's stream, which waits.
        this.streamed = true;
        this.stream.on('error', exitOnClosedReader);
        this.stream.write(Buffer.from(bytes.subarray(done)));
        return;
      }
    }
  }

  /** Calls `done` once everything written has reached the descriptor. */
  drained(done: () => void): void {
    this.flush();
    if (this.streamed) this.stream.write('', done);
    else done();
  }
}

function exitOnClosedReader(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
}

const stdout = new Output(1);
const stderr = new Output(2);

export function writeStdout(text: string): void {
  stdout.write(text);
  stdout.flush();
}

export function writeStderr(text: string): void {
  stderr.write(text);
  stderr.flush();
}

/** Writes bytes to stdout, after any text written before; `bytes` may be reused once this returns. */
export function writeStdoutBytes(bytes: Buffer): void {
  stdout.writeBytes(bytes);
}

/** Calls `done` once everything written has reached stdout and stderr. */
export function flushOutput(done: () => void): void {
  stdout.drained(() => stderr.drained(done));
}
