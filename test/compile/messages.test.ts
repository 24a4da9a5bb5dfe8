import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldTypography } from '../../pipeline/check/rules/message';
import { differingWords, messageScript } from '../../pipeline/check/rules/message-text';
import { compileCatalog } from '../../pipeline/compile';
import { explicitCatalog } from '../../pipeline/sources';
import { repoRoot } from '../helpers/reference';

const dir = join(repoRoot, 'test', 'fixtures', 'messages');

// test/fixtures/messages: one row per pattern a translator meets (body rows start at line 5 on both
// pages). Every expectation below was worked out by hand from those rows.
describe('message and repeated-code findings a translator would agree with', () => {
  const compiled = compileCatalog(explicitCatalog([`zh=${join(dir, 'zh.md')}`, `en=${join(dir, 'en.md')}`], 'messages'));
  const found = (rule: string) =>
    compiled.report.divergences.filter((d) => d.rule === rule).map((d) => [d.severity, d.errorCode, d.locations.map((l) => `${l.lang}:${l.line}`).join(' '), d.message]);

  it('compares no Chinese message with its English translation, even one holding an identifier or an English word', () => {
    const codes = compiled.report.divergences.filter((d) => d.rule.startsWith('message-')).map((d) => d.errorCode);
    expect(codes).not.toContain('M.001');
    expect(codes).not.toContain('M.002');
  });

  it('calls case, dashes, a trailing full stop, quotes and spacing at punctuation typography (info)', () => {
    expect(found('message-punctuation')).toEqual([
      ['info', 'M.003', 'zh:7 en:7', 'M.003: the zh and en messages differ only in typography'],
      ['info', 'M.004', 'zh:8 en:8', 'M.004: the zh and en messages differ only in typography'],
      ['info', 'M.005', 'zh:9 en:9', 'M.005: the zh and en messages differ only in typography'],
      ['info', 'M.006', 'zh:10 en:10', 'M.006: the zh and en messages differ only in typography'],
    ]);
  });

  it('keeps a real difference a warning naming the differing words, beside a dash difference', () => {
    expect(found('message-mismatch')).toEqual([
      ['warning', 'M.007', 'zh:11 en:11', 'M.007: the zh and en pages give different messages: "20" vs "200"'],
      // An identifier is the same in every language: compared with the English sentence (words only, no stop).
      ['warning', 'M.008', 'zh:12 en:12', 'M.008: the zh and en pages give different messages: "SC_BAD_REQUEST" vs "Invalid parameter"'],
      // Chinese against Chinese is compared, character by character.
      ['warning', 'M.009', 'zh:13 en:13', 'M.009: the zh and en pages give different messages: "错误" vs "无效"'],
    ]);
  });

  it('reports of one code with many causes only identical rows (contradicting rows: test/compile/rules.test.ts)', () => {
    expect(found('duplicate-code')).toEqual([
      // D.1: three rows told apart by module or status are variants: no finding.
      // D.2: two messages under one module and status ("Invalid tag key.", "Invalid tag value."), and
      // no description column to say they are one cause: variants, no finding (VPC.1801 lists 21 such
      // rows under 资源标签, each with a description of its own). Contradicting rows:
      // test/compile/duplicate-code.test.ts.
      ['info', 'D.3', 'zh:19 zh:20', 'D.3 is listed 2 times in zh (1 identical repeat, kept once)'],
    ]);
    expect(compiled.report.divergences.filter((d) => d.errorCode === 'D.1')).toEqual([]);
    expect(compiled.catalog.entries.find((e) => e.errorCode === 'D.1')!.variants).toHaveLength(3);
  });
});

describe('the message helpers', () => {
  it('folds a space before a backtick, en and em dashes, the minus sign and full-width forms', () => {
    expect(foldTypography('characters `~!@')).toBe(foldTypography('characters`~!@'));
    expect(foldTypography('1–168 — 2−3')).toBe(foldTypography('1-168 - 2-3'));
    expect(foldTypography('参数（name）无效。')).toBe(foldTypography('参数(name)无效'));
    expect(foldTypography('range 1-20')).not.toBe(foldTypography('range 1-200'));
  });

  it('decides the script by words, not letters, and leaves identifiers out', () => {
    expect(messageScript('命名空间namespace不存在')).toBe('Han');
    expect(messageScript('无效的project_id: CCI.02.409101')).toBe('Han');
    expect(messageScript('The namespace does not exist.')).toBe('Latin');
    expect(messageScript('SC_BAD_REQUEST')).toBe('none');
    // Half English, half Chinese: neither script is two thirds of the words.
    expect(messageScript('Invalid 名称')).toBe('mixed');
    // Two Han characters are one word; the other word decides between Han and mixed.
    expect(messageScript('名称 userName')).toBe('Han'); // camelCase: an identifier
    expect(messageScript('名称 État')).toBe('mixed'); // a word, its capital not ASCII
    expect(messageScript('名称 éTat')).toBe('Han'); // lower-case then capital: an identifier
    expect(messageScript('名称 ÉTAT')).toBe('Han'); // capitals alone
    expect(messageScript('名称 a.b')).toBe('Han'); // a dot between letters
    expect(messageScript('名称 “end.”')).toBe('mixed'); // the quotes and the full stop are not the word
    expect(messageScript('名称 ab٣')).toBe('Han'); // a digit, in any script
    expect(messageScript('Неверный запрос')).toBe('other');
    expect(messageScript('ОШИБКА')).toBe('none');
  });

  it('names the shortest differing span, widened by a word where one side only adds', () => {
    expect(differingWords('project id invaild', 'project id invalid', foldTypography)).toEqual(['invaild', 'invalid']);
    expect(differingWords('cannot be deleted', 'cannot be deleted now', foldTypography)).toEqual(['deleted', 'deleted now']);
    expect(differingWords('a/b', 'a-b', foldTypography)).toEqual(['/', '-']);
  });
});
