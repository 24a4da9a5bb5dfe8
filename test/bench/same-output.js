#!/usr/bin/env node
// Checks that two compiled CLIs make the same bytes on the corpus: one build of every service's
// newest main pages (one catalog per service) into two folders, compared file by file, and
// `errcat rows` on every page of the corpus (all versions), compared output for output. For a change
// that must not change what errcat makes (a faster path removed or added):
//
//   node test/bench/compare.js --save DIR      (before the change, on the old code)
//   node test/bench/same-output.js DIR [NEW]   (after it: DIR's CLI against NEW's, default this checkout's)
//
// Exits 1 and names the files or pages that differ.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMainPages } from './inputs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [oldDir, newDir = root] = process.argv.slice(2);
const launcher = (dir) => join(resolve(dir), 'pipeline', 'bin', 'errcat.cjs');
if (!oldDir || !existsSync(launcher(oldDir)) || !existsSync(launcher(newDir))) {
  process.stderr.write('usage: node test/bench/same-output.js OLD [NEW]  (OLD, NEW made by compare.js --save)\n');
  process.exit(2);
}
const cli = { old: launcher(oldDir), new: launcher(newDir) };
const corpus = join(root, '..', 'shared', 'corpus');
if (!existsSync(join(corpus, 'manifest.tsv'))) {
  process.stderr.write('same-output: ../shared/corpus absent: nothing to compare\n');
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'errcat-same-'));
// Removed however the run ends (a failed build throws), so no run leaves its inputs behind.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const run = (side, args) => spawnSync(process.execPath, [cli[side], ...args], { maxBuffer: 1 << 30 });
const differ = [];

// One build of every service's newest pages, old and new.
const tree = join(work, 'sources');
const pages = newestMainPages(corpus);
for (const p of pages) {
  mkdirSync(join(tree, p.service), { recursive: true });
  writeFileSync(join(tree, p.service, `${p.lang}.${p.ext}`), readFileSync(join(corpus, p.file)));
}
const out = { old: join(work, 'dist-old'), new: join(work, 'dist-new') };
for (const side of ['old', 'new']) {
  const built = run(side, ['build', '--sources', tree, '--out', out[side]]);
  if (built.status !== 0) throw new Error(`${side} build failed (${built.status}): ${built.stderr}`);
}
const files = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
const oldFiles = files(out.old);
const newFiles = files(out.new);
if (oldFiles.join('\n') !== newFiles.join('\n')) differ.push(`build: the file lists differ (${oldFiles.length} old, ${newFiles.length} new)`);
let bytes = 0;
for (const file of oldFiles.filter((f) => newFiles.includes(f))) {
  const a = readFileSync(join(out.old, file));
  const b = readFileSync(join(out.new, file));
  bytes += a.length;
  if (!a.equals(b)) differ.push(`build: ${file}`);
}
const services = new Set(pages.map((p) => p.service)).size;
process.stdout.write(`build of ${pages.length} pages of ${services} services: ${oldFiles.length} files, ${bytes} bytes compared\n`);

// errcat rows on every page of the corpus: what the readers make of each, and their errors.
const manifest = readFileSync(join(corpus, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[2]);
let same = 0;
for (const file of manifest) {
  const [a, b] = ['old', 'new'].map((side) => run(side, ['rows', join(corpus, file)]));
  if (a.status === b.status && a.stdout.equals(b.stdout) && a.stderr.equals(b.stderr)) same++;
  else differ.push(`rows: ${file}`);
}
process.stdout.write(`errcat rows on ${manifest.length} corpus pages: ${same} the same (stdout, stderr, status)\n`);
if (differ.length) {
  process.stdout.write(`DIFFERENT:\n${differ.map((d) => `  ${d}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('byte-identical\n');
