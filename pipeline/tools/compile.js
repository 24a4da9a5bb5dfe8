#!/usr/bin/env node
// Bundles pipeline/ into .build/ with esbuild: one ES module per command (code splitting), so
// start-up loads only what the command needs. Run by `npm ci` (prepare) and before build/test.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outdir = join(root, '.build');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { errcat: join(root, 'pipeline', 'cli', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  define: { ERRCAT_VERSION: JSON.stringify(version) },
  // Some CommonJS dependencies (ajv) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __errcatRequire } from 'node:module'; const require = __errcatRequire(import.meta.url);" },
  legalComments: 'none',
  // Less to parse at start-up; identifiers kept so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
