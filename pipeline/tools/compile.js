#!/usr/bin/env node
// Bundles pipeline/ into .build/errcat.cjs with esbuild — one script, each command's modules
// initialised only when it runs — and makes a V8 code cache for it (.build/errcat.cache) from a
// training build of the seeds, so start-up deserialises compiled code instead of parsing and
// compiling it again. Run at prepack (the npm package carries the bundle) and before build/test/bench.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outdir = join(root, '.build');
/** The bundle's first line: it is a function of the five names a CommonJS module is run with. */
const BUNDLE_WRAPPER = '(function (exports, require, module, __filename, __dirname) {';
mkdirSync(outdir, { recursive: true });
const result = await build({
  entryPoints: [join(root, 'pipeline', 'cli', 'main.ts')],
  outfile: join(outdir, 'errcat.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { ERRCAT_VERSION: JSON.stringify(version) },
  legalComments: 'none',
  // Less to read and deserialise at every start (minifying identifiers too gained a percent or two
  // of a seeds build). The source map is read only to print an internal error's stack against
  // pipeline/ (see the launcher).
  minify: true,
  // The bundle is one function expression, which the launcher runs as a CommonJS module (see
  // pipeline/bin/errcat.cjs). Written here, not put around the file's text at each start: V8 copies
  // a joined string flat before compiling it (the whole bundle, ~150 page faults).
  banner: { js: BUNDLE_WRAPPER },
  footer: { js: '})' },
  sourcemap: 'external',
  sourcesContent: false,
  logLevel: 'warning',
  write: false,
});
// The bundle ends with its identity, a hash of its text: V8 checks a code cache against the
// script's length only, so the launcher keeps the identity in the cache and uses no cache made for
// another bundle (one of the same length would run that bundle's code).
const bundleIdentity = (text) => `// errcat bundle ${createHash('sha256').update(text).digest('hex').slice(0, 16)}\n`;
// Each file is replaced whole (written beside it, then renamed over it), so a CLI started while this
// runs — a test, an editor's build — finds the old bundle or the new one, never none or half of one.
for (const file of result.outputFiles) {
  const temp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temp, file.path.endsWith('.cjs') ? file.text + bundleIdentity(file.text) : file.contents);
  renameSync(temp, file.path);
}

// The code cache holds the functions a real build compiled, so train on one: the seeds when this
// checkout has them, else the help text (the cache then covers start-up only).
const launcher = join(root, 'pipeline', 'bin', 'errcat.cjs');
const seeds = ['zh.md', 'en.rst'].map((f) => join(root, 'sources', 'cci', f));
const out = mkdtempSync(join(tmpdir(), 'errcat-train-'));
const args = seeds.every(existsSync)
  ? ['build', '--source', `zh=${seeds[0]}`, '--source', `en=${seeds[1]}`, '--catalog', 'cci', '--out', out]
  : ['--help'];
const trained = spawnSync(process.execPath, [launcher, ...args], { env: { ...process.env, ERRCAT_CODE_CACHE: 'write' }, stdio: ['ignore', 'ignore', 'pipe'] });
rmSync(out, { recursive: true, force: true });
if (trained.status !== 0) process.stderr.write(`compile: no code cache made (the training run failed): ${trained.stderr}\n`);
