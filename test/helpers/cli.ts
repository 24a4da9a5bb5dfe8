import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './reference';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the compiled errcat (as `npx errcat` would) in `cwd`. */
export function errcat(args: string[], cwd = repoRoot, input?: string): CliResult {
  const result = spawnSync(process.execPath, [join(repoRoot, 'pipeline', 'bin', 'errcat.cjs'), ...args], {
    cwd,
    encoding: 'utf8',
    input,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
