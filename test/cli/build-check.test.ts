import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errcat } from '../helpers/cli';
import { snapshot } from '../helpers/files';
import { repoRoot } from '../helpers/reference';
import { builtSeedsProject, seedsDir, seedsProject } from '../helpers/seeds';

let work: string;
// The seeds' dist/, built once for this file in another scratch project.
const builtDist = join(builtSeedsProject(), 'dist');

/** A throwaway project: the seeds in sources/cci and their built dist/, as a user's checkout has them. */
beforeEach(() => {
  work = seedsProject('errcat-cli-');
  cpSync(builtDist, join(work, 'dist'), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('errcat build', () => {
  // The repository's own committed dist/ is compared with a fresh build by `errcat check` at the end of
  // npm test; here: a build depends on nothing but the project (not the folder it runs from, nor where
  // the project is), and prints a summary.
  it('writes the same dist/ byte for byte from the project root, a subfolder and another location, and prints a summary', () => {
    rmSync(join(work, 'dist'), { recursive: true });
    const { status, stdout } = errcat(['build'], work);
    expect(status).toBe(0);
    const fromRoot = snapshot(join(work, 'dist'));
    expect(Object.keys(fromRoot)).toEqual([
      '.errcat-output',
      'catalog.schema.json',
      ...['README.md', 'catalog.csv', 'catalog.json', 'catalog.ts', 'divergences.json', 'divergences.md', 'index.cjs', 'index.d.cts', 'index.d.ts', 'index.html', 'index.js', 'package.json'].map((f) => `cci/${f}`),
    ]);
    expect(stdout).toContain('222 rows read = 222 kept + 0 left out: 100% kept, in 112 entries');
    expect(stdout).toContain('divergences: missing-language 2 (error), message-mismatch 10 (warning), message-punctuation 4 (info)');
    expect(readdirSync(work).sort()).toEqual(['dist', 'sources']);
    rmSync(join(work, 'dist'), { recursive: true });
    expect(errcat(['build'], join(work, 'sources', 'cci')).status).toBe(0);
    expect(snapshot(join(work, 'dist'))).toEqual(fromRoot);
    expect(snapshot(builtDist)).toEqual(fromRoot);
    expect(readdirSync(work).sort()).toEqual(['dist', 'sources']);
  });

  it('leaves dist/ untouched when a page is malformed', () => {
    const before = snapshot(join(work, 'dist'));
    writeFileSync(join(work, 'sources', 'cci', 'en.rst'), readFileSync(join(repoRoot, 'test', 'fixtures', 'malformed', 'ragged-right-border.rst')));
    const { status, stderr } = errcat(['build'], work);
    expect(status).toBe(2);
    expect(stderr).toBe('sources/cci/en.rst:8: Malformed table: ragged right border; expected "+" or "|" at column 17 as on the table\'s first line, found a line 18 columns wide\n');
    expect(snapshot(join(work, 'dist'))).toEqual(before);
  });

  it('leaves dist/ byte-identical when writing fails midway', () => {
    writeFileSync(join(work, 'sources', 'cci', 'zh.md'), readFileSync(join(work, 'sources', 'cci', 'zh.md'), 'utf8').replace('|400|CCI.01.400101|', '|401|CCI.01.400101|'));
    const before = snapshot(join(work, 'dist'));
    const result = spawnSync(process.execPath, [join(repoRoot, 'pipeline', 'bin', 'errcat.cjs'), 'build'], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, ERRCAT_TEST_FAIL_AFTER_FILES: '3' },
    });
    expect(result.stderr).toContain('ERRCAT_TEST_FAIL_AFTER_FILES: stopped after 3 files');
    expect(result.status).toBe(3);
    // The bundle's identifiers are minified; the stack still names the source line that threw.
    const throwLine = readFileSync(join(repoRoot, 'pipeline', 'output.ts'), 'utf8').split('\n').findIndex((l) => l.includes('ERRCAT_TEST_FAIL_AFTER_FILES: stopped')) + 1;
    expect(result.stderr).toContain(`${join(repoRoot, 'pipeline', 'output.ts')}:${throwLine}:`);
    expect(snapshot(join(work, 'dist'))).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['dist', 'sources']);
  });

  it('compiles explicit pages without a sources/ folder; one language is a catalog', () => {
    const { status } = errcat(['build', '--source', `zh=${join(seedsDir, 'zh.md')}`, '--catalog', 'solo', '--out', 'out'], work);
    expect(status).toBe(0);
    const catalog = JSON.parse(readFileSync(join(work, 'out', 'solo', 'catalog.json'), 'utf8'));
    expect(catalog.languages).toEqual(['zh']);
    expect(catalog.entries).toHaveLength(110);
  });
});

describe('errcat check', () => {
  it('passes on the sources and their built dist/', () => {
    expect(errcat(['check'], work)).toMatchObject({ status: 0, stdout: expect.stringContaining('dist/ is up to date') });
  });

  it('fails naming the file when one byte of dist/ changed', () => {
    const file = join(work, 'dist', 'cci', 'catalog.csv');
    const bytes = readFileSync(file);
    bytes[100] = bytes[100] === 0x41 ? 0x42 : 0x41;
    writeFileSync(file, bytes);
    const { status, stdout } = errcat(['check'], work);
    expect(status).toBe(1);
    expect(stdout).toContain('differs    dist/cci/catalog.csv');
    expect(stdout).toContain('errcat check: dist/ is out of date with the sources (run errcat build and commit dist/):\n');
  });

  it('names missing and unexpected files', () => {
    rmSync(join(work, 'dist', 'cci', 'divergences.md'));
    writeFileSync(join(work, 'dist', 'cci', 'stray.txt'), 'x');
    const { status, stdout } = errcat(['check'], work);
    expect(status).toBe(1);
    expect(stdout).toContain('missing    dist/cci/divergences.md');
    expect(stdout).toContain('unexpected dist/cci/stray.txt');
    // A build would refuse to replace a file it did not write: check says so, not "run errcat build".
    expect(stdout).toContain(
      'errcat check: dist/ is out of date with the sources (errcat build refuses until that is mended: dist/cci/stray.txt: was not written by errcat ' +
        '(.errcat-output does not list it); errcat never deletes or replaces what it did not write: move it out of dist, or build into another folder with --out):\n',
    );
    expect(JSON.parse(errcat(['check', '--format', 'json'], work).stdout).remedy).toMatch(/^errcat build refuses until that is mended: dist\/cci\/stray\.txt: /);
    expect(errcat(['build'], work)).toMatchObject({ status: 2, stderr: expect.stringContaining('dist/cci/stray.txt: was not written by errcat') });
  });

  it('fails on divergences the baseline does not accept, with file:line', () => {
    rmSync(join(work, 'sources', 'cci', 'baseline.json'));
    const text = errcat(['check'], work);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('error missing-language sources/cci/en.rst:84: CCI.01.403009 is documented in en only; missing in zh');
    const github = errcat(['check', '--format', 'github'], work);
    expect(github.stdout.split('\n')).toContain('::error file=sources/cci/en.rst,line=84,title=errcat missing-language::CCI.01.403009 is documented in en only; missing in zh');
    const json = JSON.parse(errcat(['check', '--format', 'json'], work).stdout);
    expect(json.catalogs[0].failing).toHaveLength(2);
  });

  it('--fail-on warning also fails on the 10 message mismatches; never ignores divergences', () => {
    const warning = errcat(['check', '--fail-on', 'warning'], work);
    expect(warning.status).toBe(1);
    expect(warning.stdout).toContain('cci: 10 divergences at or above warning not accepted');
    expect(errcat(['check', '--fail-on', 'never'], work).status).toBe(0);
  });

  it('--update-baseline accepts what is there, and stale entries are listed', () => {
    expect(errcat(['check', '--fail-on', 'warning', '--update-baseline'], work).status).toBe(0);
    const baseline = JSON.parse(readFileSync(join(work, 'sources', 'cci', 'baseline.json'), 'utf8'));
    expect(baseline.accepted).toHaveLength(12);
    // Fix one divergence in the zh page: its accepted entry becomes stale.
    const zh = join(work, 'sources', 'cci', 'zh.md');
    writeFileSync(zh, readFileSync(zh, 'utf8').replace('The official charts is forbidden', 'The official chart is forbidden'));
    expect(errcat(['build'], work).status).toBe(0);
    const after = errcat(['check', '--fail-on', 'warning'], work);
    expect(after.status).toBe(0);
    expect(after.stdout).toContain('cci: 1 accepted divergence no longer found');
    // Shown at its place in the baseline: the line of that entry's fingerprint.
    const stale = /^ {2}message-mismatch sources\/cci\/baseline\.json:(\d+): CCI\.04\.403124: the zh and en pages give different messages/m.exec(after.stdout);
    expect(stale).not.toBeNull();
    const entry = baseline.accepted.find((e: { message: string }) => e.message.startsWith('CCI.04.403124: the zh and en pages give different messages'));
    expect(readFileSync(join(work, 'sources', 'cci', 'baseline.json'), 'utf8').split('\n')[Number(stale![1]) - 1]).toBe(`      "fingerprint": "${entry.fingerprint}",`);
  });

  it('shows an entry no longer found on its line of the baseline, in text, github and sarif', () => {
    // The seeds' two accepted errors, then one that never occurs, its fingerprint on line 17.
    const baseline = [
      '{',
      '  "catalog": "cci",',
      '  "accepted": [',
      '    {',
      '      "fingerprint": "bf08fadce81dd75f",',
      '      "rule": "missing-language",',
      '      "errorCode": "CCI.01.403009",',
      '      "message": "CCI.01.403009 is documented in en only; missing in zh"',
      '    },',
      '    {',
      '      "fingerprint": "8eec45ed4a9861af",',
      '      "rule": "missing-language",',
      '      "errorCode": "CCI.01.403010",',
      '      "message": "CCI.01.403010 is documented in en only; missing in zh"',
      '    },',
      '    {',
      '      "fingerprint": "0123456789abcdef",',
      '      "rule": "message-mismatch",',
      '      "message": "fixed since"',
      '    }',
      '  ]',
      '}',
      '',
    ].join('\n');
    writeFileSync(join(work, 'sources', 'cci', 'baseline.json'), baseline);
    const text = errcat(['check'], work);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('cci: no new divergences at or above error (2 accepted in sources/cci/baseline.json)');
    expect(text.stdout).toContain('\n  message-mismatch sources/cci/baseline.json:17: fixed since\n');
    const github = errcat(['check', '--format', 'github'], work);
    expect(github.stdout.split('\n')).toContain('::warning file=sources/cci/baseline.json,line=17,title=errcat baseline::cci: accepted message-mismatch no longer found: fixed since');
    const sarif = JSON.parse(errcat(['check', '--format', 'sarif'], work).stdout);
    const gone = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'baseline-entry-gone');
    expect(gone.map((r: { locations: Array<{ physicalLocation: unknown }> }) => r.locations[0]!.physicalLocation)).toEqual([
      { artifactLocation: { uri: 'sources/cci/baseline.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 17 } },
    ]);
    const json = JSON.parse(errcat(['check', '--format', 'json'], work).stdout);
    expect(json.catalogs[0].stale).toEqual([{ fingerprint: '0123456789abcdef', rule: 'message-mismatch', message: 'fixed since', line: 17 }]);
  });

  it.each([
    ['JSON null', 'null', 'sources/cci/baseline.json: expected a baseline, {"catalog", "accepted": [{"fingerprint", "rule", "message"}, …]}; found null (errcat check --update-baseline writes one)'],
    ['an array', '[]', 'sources/cci/baseline.json: expected a baseline, {"catalog", "accepted": [{"fingerprint", "rule", "message"}, …]}; found an array (errcat check --update-baseline writes one)'],
    ['a misspelt key', '{"acepted": []}', 'sources/cci/baseline.json: unknown key "acepted" (did you mean "accepted"?); expected one of catalog, accepted'],
    ['no "accepted"', '{"catalog": "cci"}', 'sources/cci/baseline.json: "accepted" must be an array of {"fingerprint", "rule", "message"}; found nothing'],
    ['a catalog that is no string', '{"catalog": 1, "accepted": []}', 'sources/cci/baseline.json: "catalog" must be a string; found the number 1'],
    ['an entry that is no object (no fingerprint to find its line by)', '{"accepted": [\n  {"fingerprint": "a", "rule": "r", "message": "m"},\n  "b"\n]}', 'sources/cci/baseline.json: "accepted[1]" must be an object {"fingerprint", "rule", "message"}; found the string "b"'],
    ['a rule that is a number, on line 2', '{"accepted": [\n  {"fingerprint": "a", "rule": 5, "message": "m"}\n]}', 'sources/cci/baseline.json:2: "accepted[0].rule" must be a string; found the number 5'],
    ['a message that is an object, on line 3', '{"accepted": [\n  {"fingerprint": "a", "rule": "r", "message": "m"},\n  {"fingerprint": "b", "rule": "r", "message": {"x": 1}}\n]}', 'sources/cci/baseline.json:3: "accepted[1].message" must be a string; found an object'],
    ['no fingerprint', '{"accepted": [{"rule": "r", "message": "m"}]}', 'sources/cci/baseline.json: "accepted[0].fingerprint" must be a string; found nothing'],
    ['a misspelt entry key, on line 2', '{"accepted": [\n  {"fingerprint": "a", "rule": "r", "mesage": "m"}\n]}', 'sources/cci/baseline.json:2: unknown key "accepted[0].mesage" (did you mean "accepted[0].message"?); expected one of fingerprint, rule, errorCode, message'],
    ['an errorCode that is no string', '{"accepted": [{"fingerprint": "a", "rule": "r", "errorCode": 400, "message": "m"}]}', 'sources/cci/baseline.json:1: "accepted[0].errorCode" must be a string; found the number 400'],
    ['not JSON: a trailing comma, on line 3', '{\n  "accepted": [],\n}\n', 'sources/cci/baseline.json:3: Invalid JSON: '],
  ])('refuses a baseline that is %s, naming the file, the line and the key (exit 2)', (_, content, message) => {
    writeFileSync(join(work, 'sources', 'cci', 'baseline.json'), content);
    for (const format of ['text', 'github', 'json', 'sarif']) {
      const run = errcat(['check', '--format', format], work);
      expect(run.status).toBe(2);
      expect(run.stderr.startsWith(message)).toBe(true);
      expect(run.stdout).toBe('');
    }
  });

  it('rejects a bad option value with exit 2', () => {
    const { status, stderr } = errcat(['check', '--fail-on', 'fatal'], work);
    expect(status).toBe(2);
    expect(stderr).toContain('--fail-on must be one of error, warning, info, never; got "fatal"');
  });
});

describe('errcat lookup', () => {
  it('prints an entry in every language, or one', () => {
    const all = errcat(['lookup', 'CCI.02.409101'], work);
    expect(all.status).toBe(0);
    expect(all.stdout).toContain('[zh] sources/cci/zh.md:119');
    expect(all.stdout).toContain('[en] sources/cci/en.rst:220');
    const en = JSON.parse(errcat(['lookup', 'CCI.02.409101', '--lang', 'en', '--json'], work).stdout);
    expect(Object.keys(en.texts)).toEqual(['en']);
  });

  it('exits 1 for an unknown code', () => {
    expect(errcat(['lookup', 'CCI.99.000000'], work)).toMatchObject({ status: 1, stderr: 'errcat lookup: CCI.99.000000 is not in cci\n' });
  });

  it('names the catalogs built when --catalog names none of them (a build would not make it)', () => {
    expect(errcat(['lookup', 'CCI.02.409101', '--catalog', 'ccj'], work)).toMatchObject({
      status: 2,
      stderr: 'dist: no built catalog "ccj"; built: cci (did you mean "cci"?); a catalog of the project not built yet is made by errcat build\n',
    });
    rmSync(join(work, 'dist'), { recursive: true });
    expect(errcat(['lookup', 'CCI.02.409101', '--catalog', 'cci'], work)).toMatchObject({ status: 2, stderr: 'dist: no built catalog "cci"; run errcat build\n' });
  });
});
