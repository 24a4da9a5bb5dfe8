import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errcat } from '../helpers/cli';
import { repoRoot } from '../helpers/reference';

// test/fixtures/module-lang (see test/compile/module-lang.test.ts for the table): VPC.0201 is 403 in
// zh and 401 in en; VPC.0401 is zh-only; VPC.0501 has a status in en only.
const work = mkdtempSync(join(tmpdir(), 'errcat-lookup-lang-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const fixture = join('test', 'fixtures', 'module-lang');

beforeAll(() => {
  const built = errcat(['build', '--source', `zh=${join(fixture, 'zh.md')}`, '--source', `en=${join(fixture, 'en.rst')}`, '--catalog', 'modlang', '--out', join(work, 'out')]);
  expect(built.status, built.stderr).toBe(0);
});

const lookup = (...args: string[]) => errcat(['lookup', ...args, '--out', join(work, 'out')]);

describe('errcat lookup --lang', () => {
  it("shows each language's status when they differ, and only the language asked for's texts", () => {
    expect(lookup('VPC.0201', '--lang', 'en')).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'VPC.0201  (catalog modlang)',
        '  HTTP status: 401 [en] · 403 [zh] (the pages differ; the catalog uses 403)',
        `  [en] ${fixture}/en.rst:9`,
        '    module:      Deleting a VPC',
        '    message:     Delete VPC forbidden.',
        '    description: Deleting the VPC is not allowed.',
        '    measure:     Check your permissions.',
        '',
      ].join('\n'),
    });
    // Every language: the primary first.
    expect(lookup('VPC.0201').stdout).toContain('  HTTP status: 403 [zh] · 401 [en] (the pages differ; the catalog uses 403)\n');
  });

  it('a status only one page gives is named with the page that gives none', () => {
    expect(lookup('VPC.0501', '--lang', 'zh').stdout).toContain('  HTTP status: — [zh] · 400 [en] (the pages differ; the catalog uses 400)\n');
  });

  it("a code the language does not document: says so, and the status it shows is named as another language's", () => {
    const { status, stdout } = lookup('VPC.0401', '--lang', 'en');
    expect(status).toBe(0);
    expect(stdout).toBe(['VPC.0401  (catalog modlang)', '  HTTP status: 404 [zh]', '  [en] not documented in en', ''].join('\n'));
  });

  it('where the languages agree, one status and each language its own module', () => {
    expect(lookup('VPC.0101').stdout).toBe(
      [
        'VPC.0101  (catalog modlang)',
        '  HTTP status: 400',
        `  [zh] ${fixture}/zh.md:5`,
        '    module:      创建VPC',
        '    message:     Invalid VPC parameter values.',
        '    description: VPC参数错误',
        '    measure:     检查参数',
        `  [en] ${fixture}/en.rst:7`,
        '    module:      Creating a VPC',
        '    message:     Invalid VPC parameter values.',
        '    description: Invalid VPC parameters.',
        '    measure:     Check the parameters.',
        '',
      ].join('\n'),
    );
  });

  it('--json --lang keeps the language its own status', () => {
    const entry = JSON.parse(lookup('VPC.0201', '--lang', 'en', '--json').stdout);
    expect(entry).toMatchObject({ httpStatus: 403, texts: { en: { module: 'Deleting a VPC', httpStatus: 401 } } });
    expect(Object.keys(entry.texts)).toEqual(['en']);
  });

  it('reads a catalog.json built before the module was per language', () => {
    const old = join(work, 'old');
    mkdirSync(join(old, 'modlang'), { recursive: true });
    cpSync(join(repoRoot, fixture, 'catalog-before-module-per-language.json'), join(old, 'modlang', 'catalog.json'));
    const { status, stdout } = errcat(['lookup', 'EIP.0001', '--out', old]);
    expect(status).toBe(0);
    expect(stdout).toContain('  [en] test/fixtures/module-lang/en.rst:16\n    module:      Assigning an EIP\n');
  });
});
