import { readFileSync } from 'node:fs';
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
});
