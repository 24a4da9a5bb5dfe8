/**
 * Standard output and error, through Node's streams. A reader that went away early (EPIPE, as in
 * `errcat rows … | head`) is the command line's business: the launcher ends errcat then, with the
 * status it already had.
 */
export function writeStdout(text: string): void {
  if (text !== '') process.stdout.write(text);
}

export function writeStderr(text: string): void {
  if (text !== '') process.stderr.write(text);
}

/** Calls `done` once everything written has reached stdout and stderr. */
export function flushOutput(done: () => void): void {
  process.stdout.write('', () => process.stderr.write('', () => done()));
}
