/**
 * Vitest's global setup: every temporary file of a test run goes under one folder made for the run,
 * removed when it ends. Tests, and the CLIs, compilers and browsers they start, ask os.tmpdir() for
 * a place (which reads TMPDIR), so no test has to clean up after itself to leave the machine's
 * temporary folder as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'errcat-test-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
