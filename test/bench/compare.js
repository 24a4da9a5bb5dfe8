#!/usr/bin/env node
// A/B timing of two compiled CLIs on the workloads users wait for: the seeds build and one build of
// every corpus service's newest main pages. The two CLIs run alternately (after one warm-up each),
// so load from other work on the machine hits both alike; the result is the median of the per-pair
// ratios new/old. Not a test: nothing here asserts a time.
//
//   node test/bench/compare.js --save DIR          copy this checkout's compiled CLI (launcher, bundle,
//                                                   code cache) to DIR, e.g. before a change
//   node test/bench/compare.js OLD [NEW] [--pairs N] [--pathological [--only TEXT]]
//                                                   time OLD's CLI against NEW's (default: this
//                                                   checkout's); --pathological adds the n and 4n
//                                                   inputs of inputs.js (--only: those whose name
//                                                   contains TEXT)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathological, seedsDir, writeNewestTree } from './inputs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const option = (name) => {
  const at = argv.indexOf(name);
  return at < 0 ? undefined : argv[at + 1];
};

/** The files a compiled CLI runs from, relative to a checkout (the launcher finds the bundle beside it). */
const CLI_FILES = ['pipeline/bin/errcat.cjs', '.build/errcat.cjs', '.build/errcat.cjs.map', '.build/errcat.cache'];

if (option('--save')) {
  const dir = resolve(option('--save'));
  for (const file of CLI_FILES) {
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  process.stdout.write(`saved the compiled CLI to ${dir}\n`);
  process.exit(0);
}

const [oldDir, newDir = root] = argv.filter((a, i) => !a.startsWith('--') && !['--pairs', '--only'].includes(argv[i - 1]));
const launcher = (dir) => join(resolve(dir), 'pipeline', 'bin', 'errcat.cjs');
if (!oldDir || !existsSync(launcher(oldDir)) || !existsSync(launcher(newDir))) {
  process.stderr.write('usage: node test/bench/compare.js OLD [NEW] [--pairs N] [--pathological [--only TEXT]]  (OLD, NEW made by --save)\n');
  process.exit(2);
}
const PAIRS = Number(option('--pairs') ?? 21);
const cli = { old: launcher(oldDir), new: launcher(newDir) };
const work = mkdtempSync(join(tmpdir(), 'errcat-compare-'));
// Removed however the run ends (a failed build throws), so no run leaves its inputs behind.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The CPU time (user + system) a run took, beside its wall time: on a machine others are using,
// wall time counts the time the run waited for a core, CPU time much less so. The run reports it
// itself, at exit (cpu-at-exit.cjs, preloaded alike into both sides).
const cpuAtExit = join(dirname(fileURLToPath(import.meta.url)), 'cpu-at-exit.cjs');

/** One run: wall and CPU milliseconds. */
function once(args, status = 0) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', cpuAtExit, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== status) throw new Error(`${args.join(' ')} exited ${result.status}, expected ${status}: ${String(result.stderr).slice(-500)}`);
  const cpu = /@@cpu (\d+)\n$/.exec(result.stderr);
  return { wall, cpu: cpu ? Number(cpu[1]) / 1000 : null };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `args(side)` run for the old and the new CLI alternately: medians, and the medians of new/old. */
function paired(args, pairs, status = 0) {
  once(args('old'), status);
  once(args('new'), status);
  const runs = { old: [], new: [] };
  for (let i = 0; i < pairs; i++) {
    // Alternate which side goes first, so neither always runs right after the other.
    for (const side of i % 2 ? ['new', 'old'] : ['old', 'new']) runs[side].push(once(args(side), status));
  }
  const of = (key) => {
    if (runs.old[0][key] === null) return null;
    const ratios = runs.new.map((r, i) => r[key] / runs.old[i][key]);
    return { old: median(runs.old.map((r) => r[key])), new: median(runs.new.map((r) => r[key])), ratio: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
  };
  return { wall: of('wall'), cpu: of('cpu') };
}

const results = [];
const seeds = seedsDir(root);
const seedArgs = ['--source', `zh=${join(seeds, 'zh.md')}`, '--source', `en=${join(seeds, 'en.rst')}`, '--catalog', 'cci', '--config', join(seeds, 'catalog.json')];
process.stderr.write(`compare: seeds build, ${PAIRS} pairs …\n`);
results.push({ name: 'seeds: errcat build', ...paired((side) => [cli[side], 'build', ...seedArgs, '--out', join(work, `seeds-${side}`)], PAIRS) });

const corpus = join(root, '..', 'shared', 'corpus');
if (existsSync(join(corpus, 'manifest.tsv'))) {
  const tree = join(work, 'many', 'sources');
  const pages = writeNewestTree(corpus, tree);
  process.stderr.write(`compare: every service's newest pages (${pages.length}), ${PAIRS} pairs …\n`);
  results.push({ name: `every service: one build of ${pages.length} pages`, ...paired((side) => [cli[side], 'build', '--sources', tree, '--out', join(work, `many-${side}`)], PAIRS) });
} else process.stderr.write('compare: ../shared/corpus absent: the many-services build skipped\n');

const linearity = [];
if (argv.includes('--pathological')) {
  // Medians of 3 runs per size and side: enough to tell a ratio of 4 from one of 16.
  const n = 20_000;
  for (const [name, make] of Object.entries(pathological).filter(([name]) => name.includes(option('--only') ?? ''))) {
    process.stderr.write(`compare: ${name} …\n`);
    const row = { name };
    for (const side of ['old', 'new']) {
      const [small, large] = [n, 4 * n].map((size) => {
        const input = make(size);
        const dir = join(work, `patho-${side}-${size}`);
        mkdirSync(dir, { recursive: true });
        if (input.command !== 'build') {
          const file = join(dir, `page.${input.ext}`);
          writeFileSync(file, input.text);
          return median([0, 1, 2].map(() => once([cli[side], 'rows', file]).wall));
        }
        const args = [cli[side], 'build', '--catalog', 'patho', '--out', join(dir, 'out')];
        for (const [file, text] of Object.entries(input.files)) {
          writeFileSync(join(dir, file), text);
          args.push(...(file === 'catalog.json' ? ['--config', join(dir, file)] : ['--source', `${file.split('.')[0]}=${join(dir, file)}`]));
        }
        return median([0, 1, 2].map(() => once(args, input.status ?? 0).wall));
      });
      row[side] = { ms: small, ms4n: large, ratio: large / small };
    }
    linearity.push(row);
  }
}

const fmt = (v, digits = 0) => v.toFixed(digits);
const lines = [`| workload, ${PAIRS} pairs | old ms | new ms | new / old (median of pairs) | range of pairs |`, '| --- | ---: | ---: | ---: | --- |'];
for (const r of results) {
  for (const [key, label] of [['wall', 'wall'], ['cpu', 'CPU']]) {
    const m = r[key];
    if (m) lines.push(`| ${r.name}, ${label} | ${fmt(m.old)} | ${fmt(m.new)} | ${fmt(m.ratio, 3)} | ${fmt(m.min, 2)}–${fmt(m.max, 2)} |`);
  }
}
if (linearity.length) {
  lines.push('', '| pathological input (n = 20000) | old 4n ms | old 4n / n | new 4n ms | new 4n / n |', '| --- | ---: | ---: | ---: | ---: |');
  for (const l of linearity) lines.push(`| ${l.name} | ${fmt(l.old.ms4n)} | ${fmt(l.old.ratio, 1)} | ${fmt(l.new.ms4n)} | ${fmt(l.new.ratio, 1)} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
