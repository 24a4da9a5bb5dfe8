/**
 * Standard output and error, through Node's streams, each made when first written: Node builds a
 * stream on first use, which for a pipe costs ~6 ms of every start, and most runs write to only
 * one of them (a build, to stdout). A reader that went away early (EPIPE, as in `errcat rows … |
 * head`) is the command line's business: the launcher says what to do then ({@link onStreamError}).
 */
type StreamName = 'stdout' | 'stderr';

let streamError: ((error: NodeJS.ErrnoException) => void) | undefined;
const used = new Set<StreamName>();

/** What an error writing stdout or stderr does; set by the launcher before anything is written. */
export function onStreamError(handler: (error: NodeJS.ErrnoException) => void): void {
  streamError = handler;
  for (const name of used) process[name].on('error', handler);
}

function stream(name: StreamName): NodeJS.WriteStream {
  if (!used.has(name)) {
    used.add(name);
    if (streamError) process[name].on('error', streamError);
  }
  return process[name];
}

export function writeStdout(text: string): void {
  if (text !== '') stream('stdout').write(text);
}

export function writeStderr(text: string): void {
  if (text !== '') stream('stderr').write(text);
}

/** Calls `done` once everything written has reached stdout and stderr. */
export function flushOutput(done: () => void): void {
  const pending = [...used];
  const next = (): void => {
    const name = pending.shift();
    if (name === undefined) done();
    else process[name].write('', next);
  };
  next();
}
