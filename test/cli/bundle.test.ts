import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/reference';

// The launcher hands the bundle its own require (pipeline/bin/errcat.cjs): that is right only while
// the bundle needs nothing at run time but Node's own modules.
describe('the compiled bundle', () => {
  it('requires only node: modules at run time', () => {
    const bundle = readFileSync(join(repoRoot, '.build', 'errcat.cjs'), 'utf8');
    // Calls, not the text of ajv's code generator (`'require("ajv/…").default'` inside a string).
    const required = [...bundle.matchAll(/(?<!['"`])\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(required.length).toBeGreaterThan(3);
    expect(required.filter((name) => !name.startsWith('node:'))).toEqual([]);
  });

  it('is ASCII, so V8 holds it as a one-byte string (one non-ASCII character makes all of it UTF-16)', () => {
    const bundle = readFileSync(join(repoRoot, '.build', 'errcat.cjs'), 'latin1');
    const found = /.{0,40}[^\x00-\x7f]/.exec(bundle);
    expect(found?.[0] ?? null, 'write the character as a \\u escape in pipeline/ (esbuild leaves regular expressions as written)').toBeNull();
  });

  it('is one function expression ending with its identity; a bundle compiled before either is refused with what to do', () => {
    const bundle = readFileSync(join(repoRoot, '.build', 'errcat.cjs'), 'latin1');
    expect(bundle.startsWith('(function (exports, require, module, __filename, __dirname) {\n')).toBe(true);
    expect(bundle).toMatch(/\n\}\)\n\/\/ errcat bundle [0-9a-f]{16}\n$/);
    const dir = mkdtempSync(join(tmpdir(), 'errcat-stale-'));
    try {
      mkdirSync(join(dir, 'pipeline', 'bin'), { recursive: true });
      mkdirSync(join(dir, '.build'));
      copyFileSync(join(repoRoot, 'pipeline', 'bin', 'errcat.cjs'), join(dir, 'pipeline', 'bin', 'errcat.cjs'));
      const withoutIdentity = bundle.slice(0, bundle.lastIndexOf('// errcat bundle '));
      // The older forms: the module's code alone, without the function around it; the function
      // without the identity after it.
      for (const older of [withoutIdentity.split('\n').slice(1, -2).join('\n'), withoutIdentity]) {
        writeFileSync(join(dir, '.build', 'errcat.cjs'), older);
        const result = spawnSync(process.execPath, [join(dir, 'pipeline', 'bin', 'errcat.cjs'), '--help'], { encoding: 'utf8' });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('errcat: the compiled CLI is from an older errcat; run `npm run compile` in the errcat checkout\n');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // V8 checks a code cache against its script's length only: a cache made for one bundle, given with
  // another of the same length (an edit that keeps the length, such as a corrected typo), ran the
  // first bundle's code. compile.js trained the new cache in a run that consumed the old one, so the
  // edit never reached the command line.
  it('runs a rebuilt bundle of the same length as written, not as its old code cache says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'errcat-cache-'));
    try {
      mkdirSync(join(dir, 'pipeline', 'bin'), { recursive: true });
      mkdirSync(join(dir, '.build'));
      const launcher = join(dir, 'pipeline', 'bin', 'errcat.cjs');
      copyFileSync(join(repoRoot, 'pipeline', 'bin', 'errcat.cjs'), launcher);
      const real = readFileSync(join(repoRoot, '.build', 'errcat.cjs'), 'latin1');
      const ending = real.slice(real.lastIndexOf('\n})\n'));
      // The smallest bundle the launcher runs: main prints a word; compile.js's own ending.
      const bundle = (word: string) =>
        '(function (exports, require, module, __filename, __dirname) {\n' +
        `exports.main = async () => { process.stdout.write(${JSON.stringify(word)}); return 0; };\n` +
        'exports.onStreamError = () => {};\nexports.flushOutput = (done) => done();\nexports.writeStderr = (text) => process.stderr.write(text);' +
        ending.replace(/[0-9a-f]{16}/, word === 'first' ? '1'.repeat(16) : '2'.repeat(16));
      const run = () => spawnSync(process.execPath, [launcher], { encoding: 'utf8' });
      writeFileSync(join(dir, '.build', 'errcat.cjs'), bundle('first'));
      expect(run().stdout).toBe('first');
      expect(run().stdout).toBe('first'); // with the cache the first run wrote
      writeFileSync(join(dir, '.build', 'errcat.cjs'), bundle('other'));
      expect(bundle('other').length).toBe(bundle('first').length);
      expect(run().stdout).toBe('other');
      expect(run().stdout).toBe('other');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
