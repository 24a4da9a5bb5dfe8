// A project's settings (errcat.json) and the mistakes a team makes in them or in its pages: each is
// an exit-2 error naming the file and what was expected, with a suggestion where one is likely.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errcat } from '../helpers/cli';
import { repoRoot } from '../helpers/reference';

const fixtures = join(repoRoot, 'test', 'fixtures', 'cci');
const work = mkdtempSync(join(tmpdir(), 'errcat-project-'));
let projects = 0;

/** A fresh project folder with the CCI pages at docs/zh.md and docs/en.rst, and `settings` as errcat.json. */
function project(settings?: unknown): string {
  const dir = join(work, `p${++projects}`);
  mkdirSync(join(dir, 'docs'), { recursive: true });
  cpSync(join(fixtures, 'zh.md'), join(dir, 'docs', 'zh.md'));
  cpSync(join(fixtures, 'en.rst'), join(dir, 'docs', 'en.rst'));
  if (settings !== undefined) writeFileSync(join(dir, 'errcat.json'), typeof settings === 'string' ? settings : JSON.stringify(settings));
  return dir;
}

const cci = (extra: Record<string, unknown> = {}) => ({
  name: 'cci',
  pages: [
    { lang: 'zh', path: 'docs/zh.md' },
    { lang: 'en', path: 'docs/en.rst' },
  ],
  ...extra,
});

describe('bad settings: exit 2, naming errcat.json and the key', () => {
  const cases: Array<[string, unknown, string]> = [
    [
      'an unknown rule id in severity',
      { catalogs: [cci({ severity: { 'duplicate-codes': 'warning' } })] },
      'errcat.json: unknown rule id "duplicate-codes" at "catalogs[0].severity.duplicate-codes" (did you mean "duplicate-code"?); expected one of missing-language, status-mismatch, variant-mismatch, variant-group, message-mismatch, message-punctuation, value-mismatch, value-missing, duplicate-code, invalid-code, status-in-code, empty-field, invalid-status, code-whitespace, short-row, long-row, unmapped-column',
    ],
    [
      'an unknown catalog setting',
      { catalogs: [cci({ primaryLanguag: 'zh' })] },
      'errcat.json: unknown setting "catalogs[0].primaryLanguag" (did you mean "catalogs[0].primaryLanguage"?); expected one of name, pages, baseline, primaryLanguage, codePattern, severity, columns, package',
    ],
    [
      'an unknown project setting',
      { catalog: [cci()] },
      'errcat.json: unknown setting "catalog" (did you mean "catalogs"?); expected one of $schema, out, sources, baselines, csvBom, catalogs',
    ],
    ['cn as a language', { catalogs: [cci({ pages: [{ lang: 'cn', path: 'docs/zh.md' }] })] }, 'errcat.json: "catalogs[0].pages[0].lang": "cn" is not a language tag; expected a BCP 47 tag such as zh, en, zh-CN or en-US (did you mean "zh"?)'],
    ['und as a language', { catalogs: [cci({ pages: [{ lang: 'und', path: 'docs/zh.md' }] })] }, 'errcat.json: "catalogs[0].pages[0].lang": "und" is not a language tag; expected a BCP 47 tag such as zh, en, zh-CN or en-US'],
    ['a typo in a language', { catalogs: [cci({ pages: [{ lang: 'zn', path: 'docs/zh.md' }] })] }, 'errcat.json: "catalogs[0].pages[0].lang": "zn" is not a language tag; expected a BCP 47 tag such as zh, en, zh-CN or en-US (did you mean "zh"?)'],
    ['a primary language that is not a language', { catalogs: [cci({ primaryLanguage: 'chinese' })] }, 'errcat.json: "catalogs[0].primaryLanguage": "chinese" is not a language tag; expected a BCP 47 tag such as zh, en, zh-CN or en-US'],
    ['a primary language with no page', { catalogs: [cci({ primaryLanguage: 'ja' })] }, 'errcat.json: primaryLanguage "ja" has no page; pages: zh, en'],
    ['two catalogs of one name', { catalogs: [cci(), cci()] }, 'errcat.json: two catalogs are named "cci" (catalogs[0] and catalogs[1], names compared without case); each catalog needs its own name'],
    [
      'two catalogs making one npm package',
      { catalogs: [cci({ package: { name: 'errors' } }), cci({ name: 'cci2', package: { name: 'errors' } })] },
      'errcat.json: catalogs "cci" and "cci2" both make the npm package "errors"; give one its own "package.name"',
    ],
    ['a catalog name that is a path', { catalogs: [cci({ name: '..' })] }, 'errcat.json: "catalogs[0].name" must be a catalog name (letters, digits, dots, underscores and hyphens, starting with a letter or digit); got ".."'],
    ['two pages of one language', { catalogs: [cci({ pages: [{ lang: 'zh-cn', path: 'docs/zh.md' }, { lang: 'zh-CN', path: 'docs/en.rst' }] })] }, 'errcat.json: "catalogs[0].pages[1]" is a second zh-CN page (the first is catalogs[0].pages[0]); a catalog has one page per language'],
    ['a column header no page has', { catalogs: [cci({ columns: { Descripton: 'description' } })] }, 'errcat.json: "columns" names the header "Descripton", which no table of docs/zh.md, docs/en.rst has (did you mean "Description"?)'],
    [
      'a code pattern that matches no code',
      { catalogs: [cci({ codePattern: 'VPC\\.[0-9]{4}' })] },
      'docs/zh.md:30: "codePattern" "VPC\\\\.[0-9]{4}" matches none of this page\'s 110 code cells (e.g. "CCI.01.400101", "CCI.01.400102", "CCI.01.400103"); fix the pattern in the catalog\'s settings',
    ],
    ['settings that are not JSON: a trailing comma, with its line', '{\n  "out": "dist",\n  "catalogs": [],\n}\n', 'errcat.json:4: Invalid JSON: '],
    // V8 names no position for an unexpected token: the line is still the one with the stray comma.
    ['settings that are not JSON: a stray comma, with its line', '{\n  "out": "dist",\n  "catalogs": [,\n  ]\n}\n', 'errcat.json:3: Invalid JSON: Unexpected token \',\''],
    ['settings that are not JSON: a word cut short, with its line', '{\n  "out": "dist",\n  "csvBom": tru\n}\n', 'errcat.json:3: Invalid JSON: Unexpected token'],
    // V8 quotes the file in that message: a quoted "at position 0" is not where it stopped.
    ['settings that are not JSON: the file quotes "at position"', '["at position 0",\n,]\n', 'errcat.json:2: Invalid JSON: Unexpected token'],
    ['a key with two letters swapped', { catalogs: [cci({ pages: [{ lang: 'zh', paht: 'docs/zh.md' }] })] }, 'errcat.json: unknown setting "catalogs[0].pages[0].paht" (did you mean "catalogs[0].pages[0].path"?); expected one of lang, path'],
    ['catalog names that differ only in case', { catalogs: [cci(), cci({ name: 'CCI' })] }, 'errcat.json: two catalogs are named "CCI" (catalogs[0] and catalogs[1], names compared without case); each catalog needs its own name'],
    ['one page given as two languages', { catalogs: [cci({ pages: [{ lang: 'zh', path: 'docs/zh.md' }, { lang: 'en', path: './docs/zh.md' }] })] }, 'errcat.json: "catalogs[0].pages[1].path" is the page catalogs[0].pages[0] already is; a catalog has one page per language'],
    ['an absolute page path', { catalogs: [cci({ pages: [{ lang: 'zh', path: '/srv/docs/zh.md' }] })] }, 'errcat.json: "catalogs[0].pages[0].path" must be relative to errcat.json (e.g. docs/errors.md or ../docs-en/errors.rst); got the absolute path "/srv/docs/zh.md"'],
    ['a page that is not there', { catalogs: [cci({ pages: [{ lang: 'zh', path: 'docs/zh.mdx' }] })] }, 'errcat.json: "catalogs[0].pages[0].path": no such file docs/zh.mdx (did you mean "docs/zh.md"?)'],
  ];
  for (const [name, settings, expected] of cases) {
    it(name, () => {
      const dir = project(settings);
      const { status, stdout, stderr } = errcat(['build'], join(dir, 'docs'));
      if (expected.includes('Invalid JSON: ')) expect(stderr.startsWith(expected)).toBe(true);
      else expect(stderr).toBe(`${expected}\n`);
      expect(status).toBe(2);
      expect(stdout).toBe('');
    });
  }
});

describe('what the trial of a new user asked for', () => {
  it('"csvBom" in errcat.json makes build and check agree on the BOM', () => {
    const dir = project({ csvBom: true, catalogs: [cci()] });
    expect(errcat(['build'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'dist', 'cci', 'catalog.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(errcat(['check', '--fail-on', 'never'], dir)).toMatchObject({ status: 0 });
  });

  it('check --update-baseline says what it wrote', () => {
    const dir = project({ catalogs: [cci()] });
    expect(errcat(['build'], dir).status).toBe(0);
    const first = errcat(['check', '--update-baseline'], join(dir, 'docs'));
    expect(first.stdout.split('\n')[0]).toBe('errcat check: wrote baselines/cci.json: 2 accepted (2 added, 0 removed)');
    expect(errcat(['check', '--update-baseline', '--fail-on', 'warning'], dir).stdout.split('\n')[0]).toBe(
      'errcat check: wrote baselines/cci.json: 12 accepted (10 added, 0 removed)',
    );
  });

  it('lookup names a code that differs only in case; help CMD is the command\'s help', () => {
    const dir = project({ catalogs: [cci()] });
    expect(errcat(['build'], dir).status).toBe(0);
    expect(errcat(['lookup', 'cci.02.409101'], join(dir, 'docs'))).toMatchObject({
      status: 1,
      stderr: 'errcat lookup: cci.02.409101 is not in cci (codes are matched exactly; did you mean CCI.02.409101?)\n',
    });
    expect(errcat(['help', 'init']).stdout).toMatch(/^Usage: errcat init /);
    expect(errcat(['constructor'])).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown command "constructor"') });
  });
});

describe('wrong pages', () => {
  it('a page whose only table has a code-like column but no codes gives 0 entries: an error, nothing written', () => {
    const dir = project({ catalogs: [cci({ pages: [{ lang: 'en', path: 'docs/params.md' }] })] });
    writeFileSync(join(dir, 'docs', 'params.md'), '# Response\n\n| Parameter | Returned Value |\n| --- | --- |\n| name | The name of the namespace. |\n| uid | The unique ID. |\n');
    const { status, stderr } = errcat(['build'], dir);
    expect(stderr).toBe(
      'docs/params.md:5: the error-code tables give 0 entries: 2 rows, none with a code (code cells such as "The name of the namespace.", "The unique ID." are not codes); expected a table of error codes such as CCI.02.409101\n',
    );
    expect(status).toBe(2);
    expect(() => readFileSync(join(dir, 'dist', 'cci', 'catalog.json'))).toThrow();
  });

  it('--source without LANG= is an error, not und', () => {
    const dir = project();
    const { status, stderr } = errcat(['build', '--source', 'docs/zh.md'], dir);
    expect(stderr).toBe('docs/zh.md: expected LANG=PATH (e.g. zh=docs/errors.md, en=docs/errors.rst); got "docs/zh.md"\n');
    expect(status).toBe(2);
    expect(errcat(['build', '--source', 'cn=docs/zh.md'], dir).stderr).toContain('"cn" is not a language tag');
  });

  it('a page named zh-CN.md in sources/ is Chinese and stays the primary language', () => {
    const dir = join(work, 'zh-cn-layout');
    mkdirSync(join(dir, 'sources', 'cci'), { recursive: true });
    cpSync(join(fixtures, 'zh.md'), join(dir, 'sources', 'cci', 'zh-CN.md'));
    cpSync(join(fixtures, 'en.rst'), join(dir, 'sources', 'cci', 'en.rst'));
    expect(errcat(['build'], dir).status).toBe(0);
    const catalog = JSON.parse(readFileSync(join(dir, 'dist', 'cci', 'catalog.json'), 'utf8'));
    expect(catalog.languages).toEqual(['zh-CN', 'en']);
    expect(catalog.primaryLanguage).toBe('zh-CN');
  });
});

describe('commands outside a project and --source catalogs', () => {
  it('errcat version, build and check outside a project: exit 2 with one line', () => {
    const empty = mkdtempSync(join(tmpdir(), 'errcat-no-project-'));
    for (const command of ['version', 'build', 'check']) {
      const { status, stderr } = errcat([command], empty);
      expect(status).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain('no errcat project here: no errcat.json and no sources/ folder in this folder or any above it');
    }
  });

  it('a --source catalog is named after its folder, or "catalog"; the same pages typed another way give the same artifacts', () => {
    const dir = project();
    const relative = errcat(['build', '--source', 'zh=docs/zh.md', '--source', 'en=docs/en.rst', '--out', 'a'], dir);
    expect(relative.stdout).toContain('\ndocs\n');
    const absolute = errcat(['build', '--source', `zh=${join(dir, 'docs', 'zh.md')}`, '--source', `en=${join(dir, 'docs', 'en.rst')}`, '--out', join(dir, 'b')], dir);
    expect(absolute.status).toBe(0);
    // check agrees: the output built from relative paths is up to date for the absolute ones.
    expect(errcat(['check', '--source', `zh=${join(dir, 'docs', 'zh.md')}`, '--source', `en=./docs/../docs/en.rst`, '--out', 'a', '--fail-on', 'never'], dir)).toMatchObject({ status: 0 });
    for (const file of ['catalog.json', 'index.js', 'README.md', 'catalog.csv']) {
      expect(readFileSync(join(dir, 'b', 'docs', file), 'utf8'), file).toBe(readFileSync(join(dir, 'a', 'docs', file), 'utf8'));
    }
    expect(JSON.parse(readFileSync(join(dir, 'a', 'docs', 'package.json'), 'utf8')).name).toBe('docs-error-codes');
    mkdirSync(join(dir, '错误码'));
    cpSync(join(fixtures, 'zh.md'), join(dir, '错误码', 'page.md'));
    const unnamed = errcat(['build', '--source', 'zh=错误码/page.md', '--out', 'c'], dir);
    expect(unnamed.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'c', 'catalog', 'package.json'), 'utf8')).name).toBe('catalog-error-codes');
  });

  it('diff of single pages takes --lang per side and --catalog', () => {
    const dir = project();
    cpSync(join(fixtures, 'zh.md'), join(dir, 'old.md'));
    writeFileSync(join(dir, 'new.md'), readFileSync(join(fixtures, 'zh.md'), 'utf8').replace(/\|400\|CCI\.01\.400101\|[^\n]*\n/, ''));
    expect(errcat(['diff', 'old.md', 'new.md'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining("old.md: cannot tell the page's language") });
    const json = JSON.parse(errcat(['diff', 'old.md', 'new.md', '--lang', 'zh', '--catalog', 'cci', '--format', 'json'], dir).stdout);
    expect(json.changes).toMatchObject([{ kind: 'code-removed', catalog: 'cci', errorCode: 'CCI.01.400101', oldLocation: { file: 'old.md', line: 30 } }]);
    // Two languages: the zh page against the en page is a language change for every code both have.
    const mixed = JSON.parse(errcat(['diff', 'old.md', 'docs/en.rst', '--lang', 'zh', '--lang', 'en', '--format', 'json'], dir).stdout);
    expect(mixed.counts['language-added']).toBeGreaterThan(100);
  });
});
