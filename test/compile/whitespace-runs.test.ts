/**
 * Long whitespace runs in code, status and message cells. The patterns that strip whitespace around
 * a separator used to be `\s*(sep)\s*`, quadratic in a run that no separator ends; spacedAround()
 * matches the same text, match for match, in linear time. The old patterns are the reference here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTypography } from '../../pipeline/check/rules/message';
import { compileCatalog } from '../../pipeline/compile';
import { normalizeCode, parseStatuses } from '../../pipeline/normalize';
import { explicitCatalog } from '../../pipeline/sources';
import { PUNCTUATION_WITH_SPACE, spacedAround } from '../../pipeline/text';

// The patterns as they were (quadratic in a whitespace run), as the reference for what is matched.
const OLD_PUNCTUATION = /\s*(\p{P})\s*/gu;
const OLD_STATUS_SEPARATOR = /\s*(?:[/,;\uff0c\u3001\uff1b|]|\bor\b|\u6216)\s*/;
const OLD_CODE_JOINER = /\s*([._\-:/])\s*/g;

// Whitespace of several kinds, separators, punctuation and letters that make `or` and word edges.
const alphabet = [' ', ' ', '\t', '\n', '\u3000', '\u00a0', 'a', 'o', 'r', '4', '0', '/', ',', '.', '-', '_', ':', '|', '\uff0c', '\u6216', '!', '(', '\u3001'];
const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join(''));

describe('spacedAround: \\s*(core)\\s* in linear time, with the same matches', () => {
  it('replaces exactly what the old punctuation pattern replaced', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(text.replace(PUNCTUATION_WITH_SPACE, '$1')).toBe(text.replace(OLD_PUNCTUATION, '$1'));
        expect(text.replace(PUNCTUATION_WITH_SPACE, '')).toBe(text.replace(OLD_PUNCTUATION, ''));
      }),
      { numRuns: 2000 },
    );
  });

  it('splits a status list exactly where the old separator did', () => {
    const separator = spacedAround('[/,;\\uff0c\\u3001\\uff1b|]|\\bor\\b|\\u6216');
    fc.assert(
      fc.property(texts, (text) => {
        expect(text.split(separator)).toEqual(text.split(OLD_STATUS_SEPARATOR));
      }),
      { numRuns: 2000 },
    );
  });

  it('joins code parts exactly as the old joiner did', () => {
    const joiner = spacedAround('([._\\-:/])', 'g');
    fc.assert(
      fc.property(texts, (text) => {
        expect(text.replace(joiner, '$1')).toBe(text.replace(OLD_CODE_JOINER, '$1'));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads cells with long whitespace runs as before', () => {
    const run = ' '.repeat(20_000);
    expect(normalizeCode(`SVC.${run}0001`)).toBe('SVC.0001');
    expect(normalizeCode(`SVC${run}0001`)).toBe(`SVC${run}0001`);
    expect(parseStatuses(`400${run}/${run}404`)).toEqual([400, 404]);
    expect(parseStatuses(`400${run}1`)).toBeNull();
    expect(foldTypography(`a${run},${run}b${run}c`)).toBe('a,b c');
  });
});

describe('a page with 20,000-space runs in its code, status and message cells', () => {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-ws-'));
  const run = ' '.repeat(20_000);
  writeFileSync(join(dir, 'zh.md'), `# T\n\n|状态码|错误码|错误信息|\n|--|--|--|\n|400${run}1|V.${run}0001|a${run}b|\n|404|A${run}b|m|\n`);
  writeFileSync(join(dir, 'en.md'), `# T\n\n|Status Code|Error Code|Error Message|\n|--|--|--|\n|400${run}1|V.0001|a${run}c|\n|404|A${run}b|m|\n`);
  const compiled = compileCatalog(explicitCatalog([`zh=${join(dir, 'zh.md')}`, `en=${join(dir, 'en.md')}`], 'ws'));

  it('joins the wrapped code, keeps the two-word code visibly invalid, and finds the status invalid', () => {
    expect(compiled.catalog.entries.map((e) => e.errorCode)).toEqual(['V.0001']);
    const entry = compiled.catalog.entries[0]!;
    expect(entry.httpStatus).toBeNull();
    expect(entry.texts.zh!.message).toBe(`a${run}b`);
    expect(compiled.accounting).toMatchObject({ read: 4, kept: 2, excluded: { 'invalid-code': 2 } });
    const rules = compiled.report.divergences.map((d) => `${d.rule} ${d.locations.map((l) => `${l.lang}:${l.line}`).join(',')}`);
    expect(rules).toEqual([
      'message-mismatch zh:5,en:5',
      'invalid-code en:6',
      'invalid-code zh:6',
      'invalid-status en:5',
      'invalid-status zh:5',
      'code-whitespace zh:5',
    ]);
  });
});
