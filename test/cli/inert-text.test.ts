/**
 * What errcat prints for a terminal or a CI log, on pages written to break out of it
 * (test/fixtures/hostile/live-text and workflow-header.md): no raw control character, and no line
 * GitHub's runner would take as a workflow command (see test/helpers/ci-log.ts), whatever the
 * cells, headers, codes and baseline hold.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errcat } from '../helpers/cli';
import { expectInertLog, parseWorkflowCommand } from '../helpers/ci-log';
import { repoRoot } from '../helpers/reference';

const HOSTILE = join(repoRoot, 'test', 'fixtures', 'hostile');
let work: string;

/** A project whose one catalog is live-text (with its baseline), built into dist/, and an older copy of its pages in old/. */
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'errcat-inert-'));
  cpSync(join(HOSTILE, 'live-text'), join(work, 'sources', 'live'), { recursive: true });
  mkdirSync(join(work, 'old', 'live'), { recursive: true });
  for (const lang of ['zh', 'en']) {
    const page = readFileSync(join(HOSTILE, 'live-text', `${lang}.md`), 'utf8');
    // The old docs: without LIVE.0002's row, and with plain messages where the new ones are hostile.
    const old = page
      .split('\n')
      .filter((line) => !line.includes('.0002'))
      .map((line) => line.replace(/^\|(\d+)\|([^|]*LIVE\.000[13])\|[^|]*\|/, '|$1|$2|plain|'))
      .join('\n');
    writeFileSync(join(work, 'old', 'live', `${lang}.md`), old);
  }
  cpSync(join(HOSTILE, 'live-text', 'catalog.json'), join(work, 'old', 'live', 'catalog.json'));
  expect(errcat(['build'], work).status).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('errors (ErrcatError.format)', () => {
  it('"No error-code table" quotes a header with line breaks and commands on one line', () => {
    const { status, stdout, stderr } = errcat(['build', '--source', `zh=${join(HOSTILE, 'workflow-header.md')}`, '--out', 'x'], work);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    // Shown relative to the project's root (work), as every path errcat shows.
    expect(stderr).toBe(
      `${relative(work, join(HOSTILE, 'workflow-header.md'))}: No error-code table; expected a table with a header such as 错误码 or Error Code ` +
        '(tables found: line 3: 名称\\n::error title=pwned::from a header\\n##\\x5bwarning]also | 值)\n',
    );
    expectInertLog(stderr);
  });

  it('a file name that opens the line cannot open a workflow command', () => {
    const { status, stderr } = errcat(['build', '--source', 'zh=::error title=pwned::x.md', '--out', 'x'], work);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^\\x3a:error title=pwned::x\.md: /);
    expectInertLog(stderr);
  });
});

describe('build and check', () => {
  it('build --verbose lists a skipped table header as one escaped line', () => {
    const { status, stdout } = errcat(['build', '--verbose', '--out', 'verbose'], work);
    expect(status).toBe(0);
    expect(stdout).toContain('      skipped table at line 13: 名称\\n::error title=pwned::skipped table\\n##\\x5bwarning]also | 值\n');
    expectInertLog(stdout);
  });

  it("check's text report: divergence messages, locations and the baseline's entries stay on their lines", () => {
    const { status, stdout } = errcat(['check', '--fail-on', 'warning'], work);
    expect(status).toBe(1);
    expect(stdout).toContain('  warning message-mismatch sources/live/zh.md:9, sources/live/en.md:7: ##\\x5berror]LIVE.0003: the zh and en pages give different messages: "heading ::error title=pwned::owned" vs "warning::en ##\\x5berror]two"\n');
    expect(stdout).toContain('column "备注\\n::error title=pwned::from a header" in zh maps to no field');
    expect(stdout).toContain('  stale\\n::error title=pwned::from the baseline sources/live/baseline.json:4: ##\\x5berror]stale \\x1b[31mred\\x1b[0m\n');
    expectInertLog(stdout);
  });

  it('check --format github: every line is one of its own annotations, the page text inside it', () => {
    const { status, stdout } = errcat(['check', '--fail-on', 'warning', '--format', 'github'], work);
    expect(status).toBe(1);
    expectInertLog(stdout, true);
    const commands = stdout.trimEnd().split('\n').map(parseWorkflowCommand);
    expect(commands.map((c) => c?.command)).toEqual(Array(commands.length).fill('warning'));
    expect(commands.map((c) => c!.data)).toContain(
      'column "备注\\n::error title=pwned::from a header" in zh maps to no field; its cells are kept as extra["备注\\n::error title=pwned::from a header"] (map it in the catalog\'s "columns" setting)',
    );
    expect(commands.map((c) => c!.data)).toContain('live: accepted stale\\n::error title=pwned::from the baseline no longer found: ##\\x5berror]stale \\x1b[31mred\\x1b[0m');
  });

  it('check --format json: the same values, nothing raw', () => {
    const { stdout } = errcat(['check', '--fail-on', 'warning', '--format', 'json'], work);
    expectInertLog(stdout);
    const stale = JSON.parse(stdout).catalogs[0].stale[0];
    expect(stale).toEqual({ fingerprint: '0000000000000000', rule: 'stale\n::error title=pwned::from the baseline', message: '##[error]stale \x1b[31mred\x1b[0m', line: 4 });
  });
});

describe('lookup', () => {
  it('prints terminal escapes, bidi overrides and line breaks escaped', () => {
    const { status, stdout } = errcat(['lookup', 'LIVE.0001'], work);
    expect(status).toBe(0);
    expectInertLog(stdout);
    expect(stdout).toContain('    measure:     \\x1b[31mred\\x1b[0m \\u202ereversed\\u202c ##\\x5berror]workflow\n');
    expect(stdout).toContain('    measure:     \\x1b]0;title\\x07 ok\n');
    expect(stdout).toContain('    备注\\n::error title=pwned::from a header: n\n');
  });

  it('a code that reads as a command opens its line escaped', () => {
    const { status, stdout } = errcat(['lookup', '##[error]LIVE.0003'], work);
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe('##\\x5berror]LIVE.0003  (catalog live)');
    expect(stdout).toContain('    message:     # heading\\n::error title=pwned::owned\n');
    expectInertLog(stdout);
    expectInertLog(errcat(['lookup', 'LIVE`|</td><td>x`.0002'], work).stdout);
  });

  it('--json gives the entry as built, nothing raw', () => {
    const { stdout } = errcat(['lookup', 'LIVE.0001', '--json'], work);
    expectInertLog(stdout);
    const built = JSON.parse(readFileSync(join(work, 'dist', 'live', 'catalog.json'), 'utf8')).entries.find((e: { errorCode: string }) => e.errorCode === 'LIVE.0001');
    expect(JSON.parse(stdout)).toEqual(built);
  });
});

describe('diff', () => {
  it.each([['text'], ['github'], ['markdown'], ['json']])('--format %s prints nothing raw and no workflow command but its own', (format) => {
    const { status, stdout } = errcat(['diff', 'old', 'sources', '--format', format], work);
    expect(status).toBe(0);
    expect(stdout).toContain('LIVE.0001');
    expectInertLog(stdout, format === 'github');
  });

  it('--format text shows a value with its line breaks escaped, on its line', () => {
    const { stdout } = errcat(['diff', 'old', 'sources'], work);
    expect(stdout).toContain('      - plain\n      + # heading\\n::error title=pwned::owned\n');
    expect(stdout).toContain('      + ::warning::en\\n##\\x5berror]two\n');
  });
});
