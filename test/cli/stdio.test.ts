import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench's inputs are plain JavaScript
import { scaledZh } from '../bench/inputs.js';
import { errcat } from '../helpers/cli';
import { repoRoot } from '../helpers/reference';
import { seedsDir } from '../helpers/seeds';

// errcat writes stdout and stderr through Node's streams; the launcher ends it quietly when a reader
// leaves early. `rows` on both seeds prints about 80 KB, more than a pipe holds (64 KB on Linux), so a reader that is slow or leaves
// early is really felt.
const launcher = join(repoRoot, 'pipeline', 'bin', 'errcat.cjs');
const rowsArgs = ['rows', 'test/fixtures/cci/zh.md', 'test/fixtures/cci/en.rst'];

/**
 * Runs a bash pipeline (`$ERRCAT` is the launcher, `$NODE` this Node) in the checkout: real pipes,
 * of the kernel's size, unlike the socket pairs Node's spawn gives a child.
 */
function pipeline(script: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', `set -o pipefail; ${script}`], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ERRCAT: launcher, NODE: process.execPath },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const rows = rowsArgs.join(' ');

describe('standard output', () => {
  const expected = errcat(rowsArgs);

  it('is all there through a pipe its reader empties late', () => {
    expect(expected.status).toBe(0);
    expect(Buffer.byteLength(expected.stdout)).toBeGreaterThan(64 * 1024);
    const got = pipeline(`"$NODE" "$ERRCAT" ${rows} | (sleep 0.3; cat)`);
    expect(got.stderr).toBe('');
    expect(got.status).toBe(0);
    expect(got.stdout.length).toBe(expected.stdout.length);
    expect(got.stdout === expected.stdout).toBe(true);
  });

  // A program may leave a pipe non-blocking (the flag belongs to the pipe, not the process), and
  // errcat then inherits it. Perl, which Debian always has, sets the flag here and runs errcat.
  const hasPerl = spawnSync('perl', ['-v']).status === 0;
  const nonBlocking = `perl -MFcntl -e 'my $f = fcntl(STDOUT, F_GETFL, 0) or die; fcntl(STDOUT, F_SETFL, $f | O_NONBLOCK) or die; exec @ARGV or die'`;
  it.skipIf(!hasPerl)('is all there through a non-blocking pipe, where a write is refused (EAGAIN) until the reader catches up', () => {
    const got = pipeline(`${nonBlocking} "$NODE" "$ERRCAT" ${rows} | (sleep 0.3; cat)`);
    expect(got.stderr).toBe('');
    expect(got.status).toBe(0);
    expect(got.stdout.length).toBe(expected.stdout.length);
    expect(got.stdout === expected.stdout).toBe(true);
  });

  it('closed early by its reader (`errcat rows … | head`) is not an error', () => {
    const got = pipeline(`"$NODE" "$ERRCAT" ${rows} | head -c 10`);
    expect(got.stderr).toBe('');
    expect(got.status).toBe(0);
    expect(got.stdout).toBe(expected.stdout.slice(0, 10));
  });

  it.skipIf(!hasPerl)('closed early by its reader after a refused write is not an error either', () => {
    const got = pipeline(`${nonBlocking} "$NODE" "$ERRCAT" ${rows} | (sleep 0.3; head -c 10)`);
    expect(got.stderr).toBe('');
    expect(got.status).toBe(0);
    expect(got.stdout).toBe(expected.stdout.slice(0, 10));
  });

  // One page's JSON of several pipe-fulls: once a write is refused, the rest must wait in order.
  it.skipIf(!hasPerl)('of one big page is all there through a non-blocking pipe', () => {
    const dir = mkdtempSync(join(tmpdir(), 'errcat-stdio-'));
    try {
      const page = join(dir, 'zh.md');
      writeFileSync(page, scaledZh(readFileSync(join(seedsDir, 'zh.md'), 'utf8'), 10));
      const direct = errcat(['rows', page]);
      expect(direct.status).toBe(0);
      expect(Buffer.byteLength(direct.stdout)).toBeGreaterThan(8 * 64 * 1024);
      const got = pipeline(`${nonBlocking} "$NODE" "$ERRCAT" rows "${page}" | (sleep 0.3; cat)`);
      expect(got.stderr).toBe('');
      expect(got.status).toBe(0);
      expect(got.stdout === direct.stdout).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
