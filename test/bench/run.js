#!/usr/bin/env node
// npm run bench: whole-process timings of `errcat build` on scaled seeds (×1, ×10, ×100 rows per
// language) against the references on the same inputs (pandoc, docutils, when installed) and the
// floor (`node -e 0`), all in this one run. Medians of several runs, peak RSS from /usr/bin/time.
// Prints one table, checks the targets as ratios, writes test/bench/results/latest.json.
// Not a test: nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathological, scaledEn, scaledZh, seedPages, seedsDir, writeNewestTree } from './inputs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const errcat = join(root, 'pipeline', 'bin', 'errcat.cjs');
const work = mkdtempSync(join(tmpdir(), 'errcat-bench-'));
// Removed however the run ends (a failed build throws), so no run leaves its inputs behind.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const quick = process.argv.includes('--quick'); // ×1 and ×10 only, fewer runs: for trying things out

const has = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const timeTool = existsSync('/usr/bin/time') && has('/usr/bin/time', ['-f', '%M', 'true']);
const pandoc = has('pandoc', ['--version']);
const docutils = has('python3', ['-c', 'import docutils']);
const notes = [];
if (!timeTool) notes.push('no /usr/bin/time (Debian: apt-get install time): peak RSS not measured');
if (!pandoc) notes.push('pandoc not installed (Debian: apt-get install pandoc): pandoc columns and the pandoc targets skipped');
if (!docutils) notes.push('python3-docutils not installed (Debian: apt-get install python3-docutils): docutils column skipped');

/** Runs a command `runs` times; median wall time (ms), the largest peak RSS (MB) and the median count of page faults. */
function measure(cmd, args, runs, { timeoutMs = 600_000, status = 0 } = {}) {
  const times = [];
  const faults = [];
  let rss = null;
  for (let i = 0; i < runs; i++) {
    const [file, argv] = timeTool ? ['/usr/bin/time', ['-f', '@@%M %R', cmd, ...args]] : [cmd, args];
    const start = process.hrtime.bigint();
    const result = spawnSync(file, argv, { encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutMs, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error?.code === 'ETIMEDOUT') return { ms: null, rss, note: `timed out after ${timeoutMs / 1000} s` };
    const peak = /@@(\d+) (\d+)\s*$/.exec(result.stderr ?? '');
    if (result.status !== status) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}, expected ${status}: ${(result.stderr ?? '').slice(-500)}`);
    if (peak) {
      rss = Math.max(rss ?? 0, Number(peak[1]) / 1024);
      faults.push(Number(peak[2]));
    }
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], rss, faults: faults.length > 0 ? median(faults) : null };
}

/** One timed run of a list of commands, one after the other (ms). */
function once(commands) {
  const start = process.hrtime.bigint();
  for (const [cmd, args] of commands) {
    const result = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}): ${String(result.stderr).slice(-500)}`);
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * A and B timed alternately, `runs` times each (after one warm-up of each): the median of each and
 * the median of the per-pair ratios A/B, so load on the machine during the run hits both sides alike.
 */
function paired(a, b, runs) {
  once(a);
  once(b);
  const as = [];
  const bs = [];
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    const x = once(a);
    const y = once(b);
    as.push(x);
    bs.push(y);
    ratios.push(x / y);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios), runs };
}

const seeds = seedPages(root);
const sizes = quick ? [1, 10] : [1, 10, 100];
const runsFor = (k) => (quick ? 3 : k === 100 ? 3 : k === 10 ? 5 : 9);
const rows = [];
const floor = measure(process.execPath, ['-e', '0'], quick ? 5 : 11);
for (const k of sizes) {
  const dir = join(work, `x${k}`);
  mkdirSync(dir, { recursive: true });
  const zh = join(dir, 'zh.md');
  const en = join(dir, 'en.rst');
  writeFileSync(zh, scaledZh(seeds.zh, k));
  writeFileSync(en, scaledEn(seeds.en, k));
  const runs = runsFor(k);
  process.stderr.write(`bench ×${k}: errcat build …\n`);
  const build = measure(process.execPath, [errcat, 'build', '--source', `zh=${zh}`, '--source', `en=${en}`, '--catalog', 'cci', '--out', join(dir, 'out')], runs);
  const row = { size: `×${k}`, bytes: seedsBytes(zh, en), errcat: build };
  if (pandoc) {
    process.stderr.write(`bench ×${k}: pandoc …\n`);
    row.pandocRst = measure('pandoc', ['-f', 'rst', '-t', 'json', '-o', '/dev/null', en], runs);
    row.pandocGfm = measure('pandoc', ['-f', 'gfm', '-t', 'json', '-o', '/dev/null', zh], runs);
    row.pandoc = { ms: row.pandocRst.ms + row.pandocGfm.ms, rss: Math.max(row.pandocRst.rss ?? 0, row.pandocGfm.rss ?? 0) || null };
  }
  if (docutils) {
    process.stderr.write(`bench ×${k}: docutils …\n`);
    const script = 'import sys\nfrom docutils.core import publish_doctree\npublish_doctree(open(sys.argv[1], encoding="utf-8").read(), settings_overrides={"report_level": 5, "halt_level": 5})';
    row.docutils = measure('python3', ['-c', script, en], k === 100 ? 1 : runs, { timeoutMs: 300_000 });
  }
  rows.push(row);
}

function seedsBytes(...files) {
  return files.reduce((n, f) => n + spawnSync('stat', ['-c', '%s', f], { encoding: 'utf8' }).stdout.trim() * 1, 0);
}

// Linearity on inputs that make naive readers or stages quadratic: time at n and 4n (errcat rows,
// or errcat build for an entry with pages and settings).
const linearity = [];
for (const [name, make] of Object.entries(pathological)) {
  const n = quick ? 5_000 : 20_000;
  const timed = [n, 4 * n].map((size) => {
    const input = make(size);
    if (input.command !== 'build') {
      const file = join(work, `patho-${size}.${input.ext}`);
      writeFileSync(file, input.text);
      return measure(process.execPath, [errcat, 'rows', file], 3);
    }
    const dir = join(work, `patho-${size}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const args = [errcat, 'build', '--catalog', 'patho', '--out', join(dir, 'out')];
    for (const [file, text] of Object.entries(input.files)) {
      writeFileSync(join(dir, file), text);
      args.push(...(file === 'catalog.json' ? ['--config', join(dir, file)] : ['--source', `${file.split('.')[0]}=${join(dir, file)}`]));
    }
    return measure(process.execPath, args, 3, { status: input.status ?? 0 });
  });
  linearity.push({ input: name, n, ms: timed[0].ms, ms4n: timed[1].ms, ratio: timed[1].ms / timed[0].ms, rss4n: timed[1].rss });
}

// ---- the targets of issue 12: paired ratios, medians of 15 runs ----
const PAIRS = quick ? 5 : 15;
const node0 = [[process.execPath, ['-e', '0']]];
const seedDir = join(work, 'seeds');
mkdirSync(seedDir, { recursive: true });
const seedFolder = seedsDir(root);
const seedArgs = ['--source', `zh=${join(seedFolder, 'zh.md')}`, '--source', `en=${join(seedFolder, 'en.rst')}`, '--catalog', 'cci', '--config', join(seedFolder, 'catalog.json')];
const seedBuild = [[process.execPath, [errcat, 'build', ...seedArgs, '--out', seedDir]]];
const seedCheck = [[process.execPath, [errcat, 'check', ...seedArgs, '--out', seedDir, '--baseline', join(seedFolder, 'baseline.json')]]];
const pandocSeeds = [['pandoc', ['-f', 'gfm', '-t', 'json', '-o', '/dev/null', join(seedFolder, 'zh.md')]], ['pandoc', ['-f', 'rst', '-t', 'json', '-o', '/dev/null', join(seedFolder, 'en.rst')]]];
process.stderr.write('bench seeds: build vs node -e 0, vs pandoc, check vs build …\n');
const startup = {
  floor: paired(seedBuild, node0, PAIRS),
  pandoc: pandoc ? paired(seedBuild, pandocSeeds, PAIRS) : null,
  check: paired(seedCheck, seedBuild, PAIRS),
  alone: measure(...seedBuild[0], 3),
};
startup.rss = startup.alone.rss;

// What a first touch of memory costs on this machine: a child fills 64 MB of fresh memory, then the
// same memory again; the difference per page fault. Where it is high, a process that touches more
// pages than `node -e 0` pays it for each of them, and the seeds ratios move with the machine, not
// with errcat; the report says how much of the seeds build it was.
const FAULT_PROBE = `const size = 64 << 20, b = Buffer.allocUnsafeSlow(size), faults = () => process.resourceUsage().minorPageFault;
let f = faults(), t = process.hrtime.bigint(); b.fill(1); const first = Number(process.hrtime.bigint() - t), n = faults() - f;
t = process.hrtime.bigint(); b.fill(2); const again = Number(process.hrtime.bigint() - t);
process.stdout.write(String((first - again) / 1e3 / n));`;
const faultProbe = median(Array.from({ length: 3 }, () => Number(spawnSync(process.execPath, ['-e', FAULT_PROBE], { encoding: 'utf8' }).stdout)));
const faultMicros = Number.isFinite(faultProbe) && faultProbe > 0 ? faultProbe : null;
const machine = { faultMicros, extraCaCerts: Boolean(process.env.NODE_EXTRA_CA_CERTS), buildFaults: startup.alone.faults, floorFaults: floor.faults };

// Every service's newest main pages as one sources/ tree, one catalog per service.
const corpus = join(root, '..', 'shared', 'corpus');
let many = null;
if (existsSync(join(corpus, 'manifest.tsv'))) {
  const tree = join(work, 'many', 'sources');
  const pages = writeNewestTree(corpus, tree);
  process.stderr.write(`bench many services: ${pages.length} pages of ${new Set(pages.map((p) => p.service)).size} services …\n`);
  const build = [[process.execPath, [errcat, 'build', '--sources', tree, '--out', join(work, 'many', 'dist')]]];
  const perPage = pages.map((p) => ['pandoc', ['-f', p.ext === 'md' ? 'gfm' : 'rst', '-t', 'json', '-o', '/dev/null', join(corpus, p.file)]]);
  many = {
    pages: pages.length,
    bytes: pages.reduce((n, p) => n + p.bytes, 0),
    vs: pandoc ? paired(build, perPage, PAIRS) : { a: median(Array.from({ length: PAIRS }, () => once(build))), b: null, ratio: null },
    rss: measure(...build[0], 3).rss,
  };
} else notes.push('../shared/corpus absent: the many-services targets skipped');

// ---- report ----
const fmt = (v, digits = 0) => (v == null ? '—' : v.toFixed(digits));
const byId = Object.fromEntries(rows.map((r) => [r.size, r]));
const lines = [];
lines.push(`errcat bench — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`);
lines.push('');
lines.push('| input | bytes | errcat build ms | errcat peak MB | pandoc rst+gfm ms | pandoc peak MB | docutils (rst) ms | errcat / pandoc | errcat / node -e 0 |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  lines.push(`| ${r.size} | ${r.bytes} | ${fmt(r.errcat.ms)} | ${fmt(r.errcat.rss)} | ${fmt(r.pandoc?.ms)} | ${fmt(r.pandoc?.rss)} | ${r.docutils?.note ?? fmt(r.docutils?.ms)} | ${r.pandoc ? fmt(r.errcat.ms / r.pandoc.ms, 2) : '—'} | ${fmt(r.errcat.ms / floor.ms, 2)} |`);
}
lines.push(`| node -e 0 | | ${fmt(floor.ms)} | ${fmt(floor.rss)} | | | | | 1.00 |`);
lines.push('');
lines.push('| pathological input (errcat rows, or build) | n | ms at n | ms at 4n | 4n / n (linear ≈ 4) | peak MB at 4n |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const l of linearity) lines.push(`| ${l.input} | ${l.n} | ${fmt(l.ms)} | ${fmt(l.ms4n)} | ${fmt(l.ratio, 1)} | ${fmt(l.rss4n)} |`);

lines.push('');
lines.push(`| paired, median of ${PAIRS} runs | errcat ms | reference ms | errcat / reference |`);
lines.push('| --- | ---: | ---: | ---: |');
lines.push(`| seeds: errcat build / node -e 0 | ${fmt(startup.floor.a)} | ${fmt(startup.floor.b)} | ${fmt(startup.floor.ratio, 2)} |`);
if (startup.pandoc) lines.push(`| seeds: errcat build / pandoc parsing both pages | ${fmt(startup.pandoc.a)} | ${fmt(startup.pandoc.b)} | ${fmt(startup.pandoc.ratio, 2)} |`);
lines.push(`| seeds: errcat check / errcat build | ${fmt(startup.check.a)} | ${fmt(startup.check.b)} | ${fmt(startup.check.ratio, 2)} |`);
if (many) lines.push(`| ${many.pages} newest main pages of every corpus service, one build / pandoc per page, own process each | ${fmt(many.vs.a)} | ${fmt(many.vs.b)} | ${fmt(many.vs.ratio, 3)} |`);
if (machine.faultMicros != null && machine.buildFaults != null && machine.floorFaults != null) {
  const touched = machine.buildFaults - machine.floorFaults;
  lines.push('');
  lines.push(`machine: a first touch of a 4 KB page of memory costs ${fmt(machine.faultMicros, 1)} µs here (64 MB filled, then filled again). ` +
    `A seeds build takes ${machine.buildFaults} page faults, node -e 0 ${machine.floorFaults}: at that cost the ${touched} more are ~${fmt((touched * machine.faultMicros) / 1000)} ms of the build's ${fmt(startup.floor.a - startup.floor.b)} ms above node -e 0.` +
    (machine.extraCaCerts ? ' NODE_EXTRA_CA_CERTS is set: every Node process, node -e 0 too, parses that CA bundle at start.' : ''));
}

const targets = [];
const target = (name, value, limit, unit = '') => targets.push({ name, value, limit, ok: value == null ? null : value <= limit, unit });
const x10 = byId['×10'];
const x100 = byId['×100'];
target('seeds: errcat build / node -e 0', startup.floor.ratio, 2.0);
if (startup.pandoc) target('seeds: errcat build / pandoc parsing both pages', startup.pandoc.ratio, 0.5);
target('seeds: errcat check / errcat build', startup.check.ratio, 1.1);
if (many?.vs.ratio != null) target('every service: one errcat build / pandoc per page', many.vs.ratio, 0.15);
if (many && timeTool) target('every service: errcat build peak RSS (MB)', many.rss, 250);
if (x100?.pandoc) target('×100 errcat build / pandoc', x100.errcat.ms / x100.pandoc.ms, 0.5);
if (x100) target('×100 / ×10 errcat build time', x100.errcat.ms / x10.errcat.ms, 11);
if (x100 && timeTool) target('×100 errcat peak RSS (MB)', x100.errcat.rss, 300);
for (const l of linearity) target(`linear: ${l.input} (4n/n)`, l.ratio, 6);
lines.push('');
lines.push('| target | value | limit | |');
lines.push('| --- | ---: | ---: | --- |');
for (const t of targets) lines.push(`| ${t.name} | ${fmt(t.value, 2)} | ${t.limit} | ${t.ok === null ? '—' : t.ok ? 'holds' : 'MISSED'} |`);
for (const note of notes) lines.push(`note: ${note}`);
if (quick) lines.push('note: --quick: ×100 and its targets not run');

process.stdout.write(`${lines.join('\n')}\n`);
const resultsDir = join(root, 'test', 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, machine, floor, rows, startup, many, linearity, targets, notes }, null, 2)}\n`);
