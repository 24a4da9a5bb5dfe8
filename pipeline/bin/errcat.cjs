#!/usr/bin/env node
// Launcher: runs the compiled CLI (.build/errcat.cjs, made by `npm run compile` from pipeline/, and
// shipped in the npm package: `npm pack` makes it at prepack) through vm.Script with its V8 code
// cache (.build/errcat.cache), so start-up skips parsing and compiling the bundle. Without a cache,
// or with one this Node rejects, it runs the same and writes a fresh cache afterwards where it may
// write (an installed package makes its cache at first run; a read-only install runs without).
// A CommonJS script itself: Node starts one a few milliseconds sooner than an ES module.
'use strict';
const { isAscii } = require('node:buffer');
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const bundle = join(__dirname, '..', '..', '.build', 'errcat.cjs');
const cacheFile = bundle.replace(/\.cjs$/, '.cache');
let source;
try {
  // esbuild writes the bundle in ASCII (non-ASCII text escaped), and an ASCII file read as latin1
  // becomes a one-byte string without UTF-8 decoding: a few milliseconds of every start.
  const bytes = readFileSync(bundle);
  source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
} catch {
  process.stderr.write('errcat: not compiled yet; run `npm run compile` in the errcat checkout\n');
  process.exit(2);
}
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// The bundle is one function expression, `(function (exports, require, module, __filename,
// __dirname) {…})`, written so by compile.js: the script's value is the module function. A bundle
// compiled by an older errcat is a plain module, which would fail here with a confusing error.
if (!source.startsWith('(function (exports, require, module, __filename, __dirname) {')) {
  process.stderr.write('errcat: the compiled CLI is from an older errcat; run `npm run compile` in the errcat checkout\n');
  process.exit(2);
}
const script = new vm.Script(source, { filename: bundle, cachedData });
const cli = { exports: {} };
// The bundle requires only Node's own modules, so the launcher's require serves it.
script.runInThisContext()(cli.exports, require, cli, bundle, dirname(bundle));
// A reader that went away early (`errcat rows … | head`) is no error: errcat ends with the status
// it had. Here, not in the bundle's output functions, since only the command line owns the process;
// the bundle attaches it to stdout and stderr when it first writes to each.
cli.exports.onStreamError((error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
cli.exports.main(process.argv.slice(2))
  .then(
    (code) => code,
    (error) => {
      // Not a usage or input problem errcat knows how to name: a bug or an environment failure (disk
      // full, permissions). Exit 3 so CI never mistakes it for a failed check (1) or bad input (2).
      cli.exports.writeStderr(`errcat: internal error: ${originalStack(error)}\n`);
      return 3;
    },
  )
  .then((code) => {
    if (process.env.ERRCAT_CODE_CACHE === 'write' || cachedData === undefined || script.cachedDataRejected) {
      // After the run, so the cache holds the functions it compiled; written whole, then renamed.
      try {
        const temp = `${cacheFile}.${process.pid}`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // A read-only install still runs, only without the cache.
      }
    }
    // Exit once stdout and stderr have taken everything written: a normal end would first tear
    // down the whole heap, which costs a large build tens of milliseconds and a small one a few.
    process.exitCode = code;
    cli.exports.flushOutput(() => process.exit(code));
  });

/**
 * The stack of an error thrown in the bundle, its positions mapped back to pipeline/ sources and
 * dependencies through the bundle's source map (identifiers in the bundle are minified). Only
 * errors that are bugs get here, so the map is read only then; without it the stack is as thrown.
 */
function originalStack(error) {
  const stack = String((error && error.stack) || error);
  try {
    const map = new (require('node:module').SourceMap)(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
    const escaped = bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return stack.replace(new RegExp(`${escaped}:(\\d+):(\\d+)`, 'g'), (whole, line, column) => {
      const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
      if (!entry || entry.originalSource === undefined) return whole;
      return `${join(dirname(bundle), entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    });
  } catch {
    return stack;
  }
}
