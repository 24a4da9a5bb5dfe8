#!/usr/bin/env node
// Launcher: runs the compiled CLI (.build/, made by `npm ci` / `npm run compile` from pipeline/).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../../.build/errcat.js', import.meta.url));
if (!existsSync(compiled)) {
  process.stderr.write('errcat: not compiled yet; run `npm ci` or `npm run compile` in the errcat checkout\n');
  process.exit(2);
}
// `errcat rows … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import(pathToFileURL(compiled).href);
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Not a usage or input problem errcat knows how to name: a bug or an environment failure (disk
  // full, permissions). Exit 3 so CI never mistakes it for a failed check (1) or bad input (2).
  process.stderr.write(`errcat: internal error: ${error?.stack ?? error}\n`);
  process.exitCode = 3;
}
