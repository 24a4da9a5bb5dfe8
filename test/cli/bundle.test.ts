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

  it('is one function expression; a bundle compiled before that is refused with what to do', () => {
    const bundle = readFileSync(join(repoRoot, '.build', 'errcat.cjs'), 'latin1');
    expect(bundle.startsWith('(function (exports, require, module, __filename, __dirname) {\n')).toBe(true);
    expect(bundle.endsWith('\n})\n')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'errcat-stale-'));
    try {
      mkdirSync(join(dir, 'pipeline', 'bin'), { recursive: true });
      mkdirSync(join(dir, '.build'));
      copyFileSync(join(repoRoot, 'pipeline', 'bin', 'errcat.cjs'), join(dir, 'pipeline', 'bin', 'errcat.cjs'));
      // The older form: the module's code alone, without the function around it.
      writeFileSync(join(dir, '.build', 'errcat.cjs'), bundle.split('\n').slice(1, -2).join('\n'));
      const result = spawnSync(process.execPath, [join(dir, 'pipeline', 'bin', 'errcat.cjs'), '--help'], { encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('errcat: the compiled CLI is from an older errcat; run `npm run compile` in the errcat checkout\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
