#!/usr/bin/env node
// Launcher: runs the compiled CLI (.build/errcat.cjs, made by `npm run compile` from pipeline/, and
// shipped in the npm package: `npm pack` makes it at prepack) through vm.Script with its V8 code
// cache (.build/errcat.cache), so start-up skips parsing and compiling the bundle. Without a cache,
// with one made for another bundle or one this Node rejects, it runs the same and writes a fresh
// cache afterwards where it may write (an installed package makes its cache at first run; a
// read-only install runs without).
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
// The bundle is one function expression, `(function (exports, require, module, __filename,
// __dirname) {…})`, written so by compile.js: the script's value is the module function. It ends
// with its identity (see below). A bundle compiled by an older errcat lacks either, and would fail
// here with a confusing error or run with a cache of other code.
const identity = / errcat bundle ([0-9a-f]{16})\n$/.exec(source.slice(-40));
if (!source.startsWith('(function (exports, require, module, __filename, __dirname) {') || identity === null) {
  process.stderr.write('errcat: the compiled CLI is from an older errcat; run `npm run compile` in the errcat checkout\n');
  process.exit(2);
}
// V8 checks a code cache against the script's length only: given a cache of another bundle of the
// same length, it runs that bundle's code. So the cache file starts with the identity of the bundle it
// was made for, and one made for another is not used (and is made again after the run). 32 bytes, so
// V8's data stays 8-byte aligned (else V8 copies it).
const cacheHeader = Buffer.from(`errcat cache ${identity[1]}`.padEnd(31) + '\n', 'latin1');
let cachedData;
try {
  const bytes = readFileSync(cacheFile);
  cachedData = bytes.subarray(0, cacheHeader.length).equals(cacheHeader) ? bytes.subarray(cacheHeader.length) : undefined;
} catch {
  cachedData = undefined;
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
        writeFileSync(temp, Buffer.concat([cacheHeader, script.createCachedData()]));
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
