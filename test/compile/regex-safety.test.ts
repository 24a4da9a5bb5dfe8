/**
 * The `codePattern` setting is checked for catastrophic backtracking before it runs; the settings'
 * objects are bounded in size; a code cell longer than MAX_CODE_LENGTH is no code.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { DEFAULT_CODE_PATTERN, loadConfig } from '../../pipeline/config';
import { MAX_CODE_LENGTH } from '../../pipeline/merge';
import { backtrackingHazard } from '../../pipeline/regex-safety';
import { explicitCatalog } from '../../pipeline/sources';
import { errorOf } from '../helpers/errors';

const dir = mkdtempSync(join(tmpdir(), 'errcat-regex-'));
function settings(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

const NESTED = 'can match one text in ever more ways as it grows (a repetition of something that itself repeats, or of alternatives that match ' +
  'the same characters), so a cell it does not match takes exponential time; write it so each character can be matched one way only';
const ADJACENT = "two repetitions can take the same characters one after the other, so a cell it does not match costs a power of the cell's " +
  'length; make what they repeat exclude each other';
const MANY = 'can match one text in more than 1000 ways (repeated alternatives or optional parts that match the same characters), and a ' +
  'cell it does not match tries them all; write it so each character can be matched one way only';

describe('backtrackingHazard: patterns that backtrack catastrophically are refused, naming the part', () => {
  it.each([
    ['(a+)+$', '"(a+)+"'],
    ['V\\.(?:\\d+)*x', '"(?:\\\\d+)*"'],
    ['(a|a)*', '"(a|a)*"'],
    ['(a?b?)*c', '"(a?b?)*"'],
    ['(x+x+)+y', '"(x+x+)+"'],
    ['^(\\w+\\s?)*$', '"(\\\\w+\\\\s?)*"'],
    ['(?:\\w|\\d)+', '"(?:\\\\w|\\\\d)+"'],
    ['A(?=(a+)+b)\\w+', '"(a+)+"'],
  ])('nested: %s', (pattern, part) => {
    expect(backtrackingHazard(pattern)).toBe(`can backtrack catastrophically: ${part} ${NESTED}`);
  });

  it.each([
    ['\\d+\\d+', '\\d+\\d+'],
    ['V\\.\\d+\\.?\\d+', '\\d+\\.?\\d+'],
    ['[A-Z]+[A-Z0-9]*', '[A-Z]+[A-Z0-9]*'],
    ['\\s*\\w*\\s*x', '\\s*\\w*\\s*'],
    ['(.*a){12}', '(.*a){12}'],
  ])('adjacent: %s', (pattern, part) => {
    expect(backtrackingHazard(pattern)).toBe(`can backtrack catastrophically: in ${JSON.stringify(part)} ${ADJACENT}`);
  });

  it.each([
    ['(?:a{1,10}){1,10}', '"(?:a{1,10}){1,10}"'],
    ['(?:\\w|\\d){12}', '"(?:\\\\w|\\\\d){12}"'],
  ])('finitely many, but too many ways: %s', (pattern, part) => {
    expect(backtrackingHazard(pattern)).toBe(`can backtrack catastrophically: ${part} ${MANY}`);
  });

  it.each([
    DEFAULT_CODE_PATTERN,
    'CCI\\.\\d{2}\\.(?<status>\\d{3})\\d{3}',
    '[A-Z]+\\.[0-9]+',
    '(?:[A-Z]+\\.)*[A-Z]+',
    '\\w+(?:[.-]\\w+)*',
    '[\\w.-]+',
    '(\\w+)-\\1',
    'a{1,100}',
    '(\\d{3})+',
    '(?:ab|a)(?:c|bc)',
    '[A-Z]{2,10}(?:\\.[0-9A-Z]{1,8}){1,4}',
    // The code shapes of the corpus manifest.
    '\\b(?:AOM\\.\\d{4,8}|SVCSTG[._][A-Z]+[._]\\d{3,7}(?:\\.\\d{3})?)\\b',
    '\\b(?:SMN\\.?\\d{4,5}|ERROR_\\d{3})\\b',
    '\\bDCS\\.\\s?\\d{4}\\b',
    '(?!)',
    '^(?:(?:KMS\\.)?[A-Z][A-Za-z-]*(?: [A-Za-z-]+)*)$',
    '\\b(?:VOD\\.\\d{5}|VST\\.\\d{5}|LIVE\\.\\d{9})\\b',
    '\\u{1F600}+[\\u4e00-\\u9fff]+\\p{Lu}',
  ])('accepts %s', (pattern) => {
    expect(backtrackingHazard(pattern)).toBeNull();
  });

  it('never throws on any valid pattern of a small grammar, and gives the same answer twice', () => {
    const atom = fc.constantFrom('a', 'b', '\\d', '\\w', '.', '[ab]', '[^a]', '\\s', '\\b', '^', '$');
    const pattern: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc.tuple(tie('node'), tie('node')).map(([x, y]) => `${x}${y}`),
        fc.tuple(tie('node'), tie('node')).map(([x, y]) => `(?:${x}|${y})`),
        fc.tuple(tie('node'), fc.constantFrom('*', '+', '?', '{2}', '{1,3}', '{2,}', '{0,20}', '*?')).map(([x, q]) => `(?:${x})${q}`),
        tie('node').map((x) => `(?=${x})`),
      ),
    })).node as fc.Arbitrary<string>;
    fc.assert(
      fc.property(pattern, (source) => {
        new RegExp(source, 'u');
        const verdict = backtrackingHazard(source);
        expect(verdict === null || typeof verdict === 'string').toBe(true);
        expect(backtrackingHazard(source)).toBe(verdict);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the settings, as loaded', () => {
  it('refuses a codePattern that backtracks catastrophically, naming the setting and the part', () => {
    const path = settings('nested.json', { codePattern: '(a+)+$' });
    expect(errorOf(() => loadConfig(path))).toBe(`${path}: "codePattern" can backtrack catastrophically: "(a+)+" ${NESTED}`);
  });

  it('stops a build before the pattern meets the 34-character cell that hung it', () => {
    const page = join(dir, 'zh.md');
    writeFileSync(page, `# T\n\n|错误码|错误信息|\n|--|--|\n|${'a'.repeat(33)}!|m|\n`);
    const spec = explicitCatalog([`zh=${page}`], 'hang');
    spec.configPath = settings('hang.json', { codePattern: '(a+)+$' });
    expect(errorOf(() => compileCatalog(spec))).toBe(`${spec.configPath}: "codePattern" can backtrack catastrophically: "(a+)+" ${NESTED}`);
  });

  it('refuses "columns" and "severity" with more than 10,000 entries', () => {
    const columns = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`col${i}`, 'ignore']));
    const path = settings('columns.json', { columns });
    expect(errorOf(() => loadConfig(path))).toBe(`${path}: "columns" has 20000 entries; at most 10000 are allowed`);
    const severity = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`rule-${i}`, 'off']));
    const path2 = settings('severity.json', { severity });
    expect(errorOf(() => loadConfig(path2))).toBe(`${path2}: "severity" has 10001 entries; at most 10000 are allowed`);
  });

  it('maps a header by the last of 10,000 columns entries', () => {
    const columns = Object.fromEntries(Array.from({ length: 9_999 }, (_, i) => [`col${i}`, 'ignore']));
    columns['内部 说明'] = 'measure';
    // Every entry names a header of the page (a "columns" entry no page has is an error).
    const page = join(dir, 'cols.md');
    const names = Object.keys(columns).filter((k) => k.startsWith('col'));
    const row = (cells: string[]) => `|${cells.join('|')}|\n`;
    writeFileSync(page, `# T\n\n${row(['错误码', ...names, '内部说明'])}${row(['--', ...names.map(() => '--'), '--'])}${row(['V.1', ...names.map(() => 'x'), 'm'])}`);
    const spec = explicitCatalog([`zh=${page}`], 'cols');
    spec.configPath = settings('many-columns.json', { columns });
    expect(compileCatalog(spec).catalog.entries[0]!.texts.zh).toMatchObject({ measure: 'm' });
  });
});

describe('a code cell longer than MAX_CODE_LENGTH', () => {
  it('is no code, whatever the pattern says', () => {
    const page = join(dir, 'long.md');
    const long = `V.${'1'.repeat(MAX_CODE_LENGTH - 1)}`;
    writeFileSync(page, `# T\n\n|错误码|错误信息|\n|--|--|\n|${long}|m|\n|V.${'1'.repeat(MAX_CODE_LENGTH - 2)}|n|\n`);
    const compiled = compileCatalog(explicitCatalog([`zh=${page}`], 'long'));
    expect(compiled.catalog.entries.map((e) => e.errorCode.length)).toEqual([MAX_CODE_LENGTH]);
    expect(compiled.report.divergences.map((d) => [d.rule, d.locations[0]!.line])).toEqual([['invalid-code', 5]]);
  });
});
