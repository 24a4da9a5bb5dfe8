/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCatalog } from '../../pipeline/compile';
import { diffCatalogSets } from '../../pipeline/diff';
import { resolveSide } from '../../pipeline/diff/side';
import { formatHtml } from '../../pipeline/emit/html/diff-page';
import { explicitCatalog } from '../../pipeline/sources';
import { repoRoot } from '../helpers/reference';
import { builtSeedsProject } from '../helpers/seeds';

// Debian's chromium (apt-get install chromium), driven by playwright-core: no browser download.
const CHROMIUM = process.env.ERRCAT_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`CI needs a browser for the review page tests: ${CHROMIUM} is missing (apt-get install chromium)`);

const output = join(repoRoot, 'test', 'output');
const work = mkdtempSync(join(tmpdir(), 'errcat-browser-'));

interface Visit {
  page: Page;
  requests: string[];
  consoleErrors: string[];
  dialogs: string[];
}

describe.skipIf(!hasChromium)('the review page in a real browser', () => {
  // The seeds' review page, built fresh in a scratch project.
  const cciPage = pathToFileURL(join(builtSeedsProject(), 'dist', 'cci', 'index.html')).href;
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** Opens a URL, recording every request, console error and dialog the page makes. */
  async function visit(url: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
    const page = await context.newPage();
    const visit: Visit = { page, requests: [], consoleErrors: [], dialogs: [] };
    page.on('request', (r) => visit.requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && visit.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => visit.consoleErrors.push(e.message));
    page.on('dialog', async (d) => {
      visit.dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(url);
    return visit;
  }

  const shownCodes = (page: Page) => page.$$eval('tr[data-row]:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-code')));
  const pageOnly = (v: Visit, url: string) => v.requests.filter((r) => r.split('#')[0] !== url.split('#')[0]);

  it('lists all 112 codes, and writes a screenshot to test/output', async () => {
    const v = await visit(cciPage);
    const codes = await shownCodes(v.page);
    expect(codes).toHaveLength(112);
    expect(new Set(codes).size).toBe(112);
    expect(await v.page.locator('#shown').textContent()).toBe('112 of 112 rows shown');
    mkdirSync(output, { recursive: true });
    await v.page.screenshot({ path: join(output, 'cci-review.png') });
    expect(v.consoleErrors).toEqual([]);
    expect(pageOnly(v, cciPage)).toEqual([]);
    await v.page.context().close();
  });

  it('restores the view from the URL hash on load', async () => {
    for (const [hash, expected] of [
      ['#q=CCI.01.403009', ['CCI.01.403009']],
      ['#rule=missing-language', ['CCI.01.403009', 'CCI.01.403010']],
      ['#only=en', ['CCI.01.403009', 'CCI.01.403010']],
      ['#rule=message-punctuation&q=iam', ['CCI.01.400104']],
    ] as const) {
      const v = await visit(cciPage + hash);
      expect(await shownCodes(v.page), hash).toEqual(expected);
      expect(v.consoleErrors).toEqual([]);
      await v.page.context().close();
    }
  });

  it('filters as the user types and picks, keeps the view in the URL, and / focuses the search', async () => {
    const v = await visit(cciPage);
    await v.page.locator('body').click({ position: { x: 5, y: 5 } });
    await v.page.keyboard.press('/');
    expect(await v.page.evaluate(() => document.activeElement?.id)).toBe('q');
    await v.page.keyboard.type('ARREARS'); // case-insensitive: "your account is in arrears" (en.rst line 84)
    expect(await shownCodes(v.page)).toEqual(['CCI.01.403009']);
    expect(new URL(v.page.url()).hash).toBe('#q=ARREARS');
    // Chinese text: 命名 ("naming") is in seven rows of zh.md (grep -c 命名 test/fixtures/cci/zh.md).
    await v.page.fill('#q', '命名');
    expect((await shownCodes(v.page)).sort()).toEqual(['CCI.01.403105', 'CCI.01.403106', 'CCI.01.403107', 'CCI.01.403108', 'CCI.01.403109', 'CCI.02.400122', 'CCI.02.409102']);
    await v.page.fill('#q', '');
    await v.page.selectOption('#filter-rule', 'message-mismatch');
    expect(await shownCodes(v.page)).toHaveLength(10);
    expect(new URL(v.page.url()).hash).toBe('#rule=message-mismatch');
    expect(await v.page.locator('tr[data-row][hidden]').count()).toBe(102);
    // A count in the header filters too.
    await v.page.click('a[href="#severity=error"]');
    // The link changes the hash; the page filters on the hashchange event, which comes after the click.
    await v.page.waitForFunction(() => document.getElementById('shown')?.textContent?.startsWith('2 of '), undefined, { timeout: 5000 });
    expect(await shownCodes(v.page)).toEqual(['CCI.01.403009', 'CCI.01.403010']);
    expect(v.consoleErrors).toEqual([]);
    await v.page.context().close();
  });

  it('marks the differing characters, a punctuation-only difference apart from a wording one', async () => {
    const v = await visit(cciPage + '#q=CCI.01.400104');
    // zh "iam，please" against en "iam, please": the full-width comma against comma and space.
    expect(await v.page.$$eval('tr[data-code="CCI.01.400104"] mark', (m) => m.map((e) => [e.className, e.textContent]))).toEqual([
      ['punct', '，'],
      ['punct', ', '],
    ]);
    expect(await v.page.locator('mark.wording').count()).toBeGreaterThan(0);
    await v.page.context().close();
  });

  it('shows every row without JavaScript, and no dead filter controls', async () => {
    const v = await visit(cciPage + '#rule=missing-language', { javaScriptEnabled: false });
    expect(await shownCodes(v.page)).toHaveLength(112);
    expect(await v.page.locator('#filters').isVisible()).toBe(false);
    await v.page.context().close();
  });

  it('counts in each chip exactly the rows its filter shows', async () => {
    // R.1 has an identical repeat and two contradicting rows (two duplicate-code findings on one
    // row, whose chip said 2 where the filter showed 1); R.2 contradicts in both languages.
    // One description for every row: rows that give one cause different messages contradict.
    const header = (m: string, s: string, c: string, t: string, d: string) => `|${m}|${s}|${c}|${t}|${d}|\n|--|--|--|--|--|\n`;
    const zh = join(work, 'chips-zh.md');
    const en = join(work, 'chips-en.md');
    writeFileSync(zh, `# T\n\n${header('模块', '状态码', '错误码', '错误信息', '描述')}|甲|400|R.1|一|原因|\n|甲|400|R.1|一|原因|\n|甲|400|R.1|二|原因|\n|乙|400|R.2|三|原因|\n|乙|400|R.2|四|原因|\n|乙|400|R.3|五|原因|\n`);
    writeFileSync(en, `# T\n\n${header('Module', 'Status Code', 'Error Code', 'Error Message', 'Description')}|A|400|R.1|one|cause|\n|A|400|R.1|two|cause|\n|B|400|R.2|three|cause|\n|B|400|R.2|four|cause|\n`);
    const compiled = compileCatalog(explicitCatalog([`zh=${zh}`, `en=${en}`], 'chips'));
    const file = join(work, 'chips.html');
    writeFileSync(file, compiled.artifacts.get('chips/index.html')!);
    const url = pathToFileURL(file).href;
    const v = await visit(url);
    const chips = await v.page.locator('ul.counts a[href^="#rule="], ul.counts a[href^="#severity="]').all();
    expect(chips.length).toBeGreaterThanOrEqual(4);
    const seen: Record<string, [number, number]> = {};
    for (const chip of chips) {
      const hash = (await chip.getAttribute('href'))!;
      const said = Number(await chip.locator('b').textContent());
      await chip.click();
      await v.page.waitForFunction((h) => location.hash === h, hash);
      seen[hash] = [said, await v.page.locator('tr[data-row]:visible').count()];
    }
    // Counted by hand: duplicate-code on R.1 (both zh variants it names) and R.2 (both variants).
    expect(seen['#rule=duplicate-code']).toEqual([4, 4]);
    for (const [hash, [said, shown]] of Object.entries(seen)) expect(shown, hash).toBe(said);
    expect(v.consoleErrors).toEqual([]);
  });

  it('keeps hostile cell text as text: nothing runs, nothing is injected, nothing is fetched', async () => {
    const dir = join(repoRoot, 'test', 'fixtures', 'hostile', 'review');
    const compiled = compileCatalog(explicitCatalog([`zh=${join(dir, 'zh.md')}`, `en=${join(dir, 'en.rst')}`], 'hostile'));
    const file = join(work, 'hostile.html');
    writeFileSync(file, compiled.artifacts.get('hostile/index.html')!);
    const url = pathToFileURL(file).href;
    const v = await visit(url);
    await v.page.mouse.move(300, 300);
    for (const row of await v.page.locator('tr[data-row]').all()) await row.hover();
    expect(v.dialogs).toEqual([]);
    expect(pageOnly(v, url)).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    // Only the page's own elements: one script, one style, no injected element or event handler.
    const found = await v.page.evaluate(() => ({
      scripts: document.scripts.length,
      styles: document.querySelectorAll('style').length,
      injected: document.querySelectorAll('#injected, iframe, img, svg, link, body meta, b[onmouseover], a[href^="javascript"]').length,
      handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes).map((a) => a.name)).filter((n) => n.startsWith('on')),
      bodyShown: getComputedStyle(document.body).display,
      text: document.body.innerText,
    }));
    expect(found).toMatchObject({ scripts: 1, styles: 1, injected: 0, handlers: [], bodyShown: 'block' });
    for (const literal of [
      '<script>alert(1)</script>', '<script>alert(10)</script>', '<img src=x onerror=alert(2)>', '"><svg onload=alert(3)>',
      'javascript:alert(4)', '</td></tr></table><b id="injected">x</b>', "{{constructor.constructor('alert(5)')()}}", '${alert(6)}',
      '<a href="javascript:alert(7)">m</a>', '<b onmouseover=alert(8)>Remarks</b>', '<style>body{display:none}</style>',
      '<meta http-equiv="refresh" content="0;url=https://example.com/">',
    ]) {
      expect(found.text).toContain(literal);
    }
    await v.page.context().close();
  });

  it('errcat diff --format html: changes by kind, old and new side by side, filterable', async () => {
    const corpus = join(repoRoot, 'test', 'fixtures', 'variants');
    const base = await resolveSide(join(corpus, 'zh.md'));
    const changedFile = join(work, 'zh.md');
    const { readFileSync } = await import('node:fs');
    writeFileSync(changedFile, readFileSync(join(corpus, 'zh.md'), 'utf8').replace('|查询VPC|400|', '|查询VPC|404|').replace('VPC ID错误', 'VPC的ID错误'));
    const file = join(work, 'diff.html');
    writeFileSync(file, formatHtml(diffCatalogSets(base, await resolveSide(changedFile))));
    const url = pathToFileURL(file).href;
    const v = await visit(`${url}#kind=description-changed`);
    expect(await v.page.$$eval('tr[data-row]:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual(['description-changed']);
    // "VPC ID错误" → "VPC的ID错误": the space went, 的 came.
    expect(await v.page.$$eval('tr[data-row]:not([hidden]) mark', (m) => m.map((e) => [e.className, e.textContent]))).toEqual([['old', ' '], ['new', '的']]);
    await v.page.evaluate(() => { location.hash = ''; });
    await v.page.waitForFunction(() => document.querySelectorAll('tr[data-row]:not([hidden])').length === 2);
    expect(v.consoleErrors).toEqual([]);
    expect(pageOnly(v, url)).toEqual([]);
    await v.page.context().close();
  });
});
