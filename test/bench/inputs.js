// Scaled copies of the CCI seed pages for the benchmark: ×k rows per language, every code unique
// (copy j > 0 gets a `-j` suffix, the same in both languages so they still merge), tables kept
// well-formed (the grid's code column is widened for the suffix).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WIDEN = 5; // room for "-999"

export function scaledZh(source, k) {
  const lines = source.split('\n');
  const delimiter = lines.findIndex((l) => /^\|--/.test(l));
  let end = delimiter + 1;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  const body = lines.slice(delimiter + 1, end);
  const out = [];
  for (let j = 0; j < k; j++) {
    for (const row of body) out.push(j === 0 ? row : row.replace(/^(\|[^|]*\|)([^|]+)\|/, (_, head, code) => `${head}${code}-${j}|`));
  }
  return [...lines.slice(0, delimiter + 1), ...out, ...lines.slice(end)].join('\n');
}

export function scaledEn(source, k) {
  const lines = source.split('\n');
  const top = lines.findIndex((l) => l.startsWith('+-'));
  let end = top;
  while (end < lines.length && (lines[end].startsWith('+') || lines[end].startsWith('|'))) end++;
  const plus = [...lines[top]].flatMap((ch, i) => (ch === '+' ? [i] : []));
  const [codeStart, codeEnd] = [plus[1], plus[2]];
  const widen = (line) => {
    const fill = line[0] === '+' ? line[codeEnd - 1] : ' ';
    return line.slice(0, codeEnd) + fill.repeat(WIDEN) + line.slice(codeEnd);
  };
  const table = lines.slice(top, end).map(widen);
  const separator = table.findIndex((l) => l.startsWith('+='));
  const head = table.slice(0, separator + 1);
  const rows = [];
  let current = [];
  for (const line of table.slice(separator + 1)) {
    current.push(line);
    if (line.startsWith('+')) {
      rows.push(current);
      current = [];
    }
  }
  const out = [];
  for (let j = 0; j < k; j++) {
    for (const row of rows) {
      if (j === 0) {
        out.push(...row);
        continue;
      }
      const [first, ...rest] = row;
      const cell = first.slice(codeStart + 1, codeEnd + WIDEN);
      const code = cell.trim();
      const renamed = code ? ` ${code}-${j}`.padEnd(cell.length) : cell;
      out.push(first.slice(0, codeStart + 1) + renamed + first.slice(codeEnd + WIDEN), ...rest);
    }
  }
  return [...lines.slice(0, top), ...head, ...out, ...lines.slice(end)].join('\n');
}

/** The CCI seeds: the test fixtures' copy, so the benchmark runs whichever catalogs the repository has. */
export const seedsDir = (root) => join(root, 'test', 'fixtures', 'cci');

export function seedPages(root) {
  return {
    zh: readFileSync(join(seedsDir(root), 'zh.md'), 'utf8'),
    en: readFileSync(join(seedsDir(root), 'en.rst'), 'utf8'),
  };
}

/** A zh and an en page of one pipe table (status, code, message) with these body rows. */
const pipePages = (zhRows, enRows = zhRows) => ({
  'zh.md': `# T\n\n|状态码|错误码|错误信息|\n|--|--|--|\n${zhRows.join('\n')}\n`,
  'en.md': `# T\n\n|Status Code|Error Code|Error Message|\n|--|--|--|\n${enRows.join('\n')}\n`,
});

/**
 * Inputs that make naive readers or stages quadratic, at size n. An entry is one page read with
 * `errcat rows` ({ ext, text }), or a catalog built with `errcat build` ({ command: 'build', files:
 * { 'zh.md': text, …, 'catalog.json'?: text }, status? }); `status` 2 when the input is refused with a
 * clear error (timed all the same: the refusal must come at once).
 */
export const pathological = {
  'rst: unterminated * in a paragraph': (n) => ({ ext: 'rst', text: `Title\n=====\n\n${'*a '.repeat(n)}\n` }),
  'rst: grid top border of n columns': (n) => ({
    ext: 'rst',
    text: `${'+-'.repeat(n)}+\n${'| '.repeat(n)}|\n${'+-'.repeat(n)}+\n`,
  }),
  'rst: n-row grid of one column': (n) => ({ ext: 'rst', text: `+-------+\n| code  |\n+=======+\n${'| x     |\n'.repeat(n)}+-------+\n` }),
  'md: unterminated * and [ in a paragraph': (n) => ({ ext: 'md', text: `# T\n\n${'*a [b '.repeat(n)}\n` }),
  'md: HTML table of unclosed cells': (n) => ({ ext: 'md', text: `<table><tr><th>错误码</th></tr>\n${'<tr><td>V.1<td>x\n'.repeat(n)}</table>\n` }),
  'md: pipe table of n rows': (n) => ({ ext: 'md', text: `|错误码|信息|\n|--|--|\n${'|V.1|*x|\n'.repeat(n)}` }),
  // Issue 22's hostile pages. Where a limit refuses the shape past some size, the input repeats it
  // just under the limit, so that the reading (not the refusal) is what is timed.
  'rst: _a_a_a reference names': (n) => ({ ext: 'rst', text: `Title\n=====\n\n${'_a'.repeat(n)}\n` }),
  'rst: a-a-…-a_x, one name of n runs': (n) => ({ ext: 'rst', text: `Title\n=====\n\n${'a-'.repeat(n)}a_x\n` }),
  'rst: bullets nested 60 deep': (n) => ({ ext: 'rst', text: `Title\n=====\n\n${`${'- '.repeat(60)}a\n\n`.repeat(n / 60)}` }),
  'md: *a*a*a emphasis run': (n) => ({ ext: 'md', text: `# T\n\n${`${'*a'.repeat(1000)}\n\n`.repeat(n / 1000)}` }),
  'md: [a] link labels': (n) => ({ ext: 'md', text: `# T\n\n${`${'[a]'.repeat(500)}\n\n`.repeat(n / 500)}` }),
  'md: deep list': (n) => ({ ext: 'md', text: Array.from({ length: n / 4 }, (_, i) => `${'  '.repeat(i % 60)}- a`).join('\n') + '\n' }),
  'md: nested blockquotes': (n) => ({ ext: 'md', text: `${'>'.repeat(60)} a\n\n`.repeat(n / 60) }),
  'md: one-line block quotes': (n) => ({ ext: 'md', text: '> a\n\n'.repeat(n) }),
  'md: nested list without blank lines': (n) => ({ ext: 'md', text: '- a\n  - b\n    - c\n'.repeat(n / 4) }),
  'md: setext headings': (n) => ({ ext: 'md', text: 'a\n---\n'.repeat(n) }),
  'md: quoted paragraphs going on lazily': (n) => ({ ext: 'md', text: `${'> > q\nabc\n'.repeat(50)}\n`.repeat(n / 100) }),
  'md: HTML table with nested divs': (n) => ({ ext: 'md', text: `<table><tr><td>${'<div>'.repeat(n)}x${'</div>'.repeat(n)}</td></tr></table>\n` }),
  'md: HTML table with nested tables': (n) => ({ ext: 'md', text: `<table><tr><td>${'<table><tr><td>'.repeat(n / 4)}x${'</td></tr></table>'.repeat(n / 4)}</td></tr></table>\n` }),
  'md: HTML cell of tags between spaces': (n) => ({ ext: 'md', text: `<table><tr><td>a ${'<i></i> '.repeat(n)}b</td></tr></table>\n` }),
  'md: HTML cells spanning 1000 × 1000': (n) => ({ ext: 'md', text: `<table><tr><th>a</th></tr>\n${'<tr><td colspan="1000" rowspan="1000">x</td></tr>\n'.repeat(n / 10)}</table>\n` }),
  'md: <table> lines nested n deep': (n) => ({ ext: 'md', text: `${'<table>\n'.repeat(n / 4)}${'</table>\n'.repeat(n / 4)}` }),
  'build: n spaces inside a code cell': (n) => ({ command: 'build', files: pipePages([`|400|V.${' '.repeat(n)}0001|m|`, `|400|A${' '.repeat(n)}b|m|`]) }),
  'build: n spaces inside a status cell': (n) => ({ command: 'build', files: pipePages([`|400${' '.repeat(n)}1|V.1|m|`]) }),
  'build: n spaces inside differing messages': (n) => ({ command: 'build', files: pipePages([`|400|V.1|a${' '.repeat(n)}b|`], [`|400|V.1|a${' '.repeat(n)}c|`]) }),
  // Value checks (value-mismatch, value-missing): a cell of n/2 numbers against another's, and
  // n/8 identifiers against n/8 others, each looked up by key, never value against value.
  'build: n/2 listed numbers against others': (n) => ({ command: 'build', files: pipePages([`|400|V.1|${'1,'.repeat(n / 2)}x|`], [`|400|V.1|${'2,'.repeat(n / 2)}x|`]) }),
  'build: n/8 identifiers against others': (n) => ({
    command: 'build',
    files: pipePages([`|400|V.1|${'port_id '.repeat(n / 8)}|`], [`|400|V.1|${Array.from({ length: n / 8 }, (_, i) => `p${i}_x`).join(' ')}|`]),
  }),
  'build: one code listed n/4 times per language': (n) => {
    const rows = (extra) => Array.from({ length: n / 4 + extra }, (_, i) => `|${400 + (i % 3)}|V.1|m${i}|`);
    return { command: 'build', files: pipePages(rows(0), rows(1)) };
  },
  // Many codes, each listed as often as the exact pairing allows: the per-merge budget keeps it linear.
  'build: n/400 codes listed 100 times per language': (n) => {
    const rows = (lang) => Array.from({ length: n / 4 }, (_, i) => `|${400 + (i % 3)}|V.${Math.floor(i / 100)}|${lang} m${i % 100}|`);
    return { command: 'build', files: pipePages(rows('zh'), rows('en')) };
  },
  'build: one header over n/20 columns': (n) => {
    const header = `|错误码|${'备注|'.repeat(n / 20)}`;
    const rule = `|--|${'--|'.repeat(n / 20)}`;
    const row = `|V.1|${'x|'.repeat(n / 20)}`;
    return { command: 'build', files: { 'zh.md': `# T\n\n${header}\n${rule}\n${row}\n` } };
  },
  'build: n/100 cells of colspan and rowspan 1000 (refused)': (n) => {
    const rows = Array.from({ length: n / 100 }, (_, i) => `<tr><td colspan="1000" rowspan="1000">V.${i}</td></tr>`).join('\n');
    return { command: 'build', status: 2, files: { 'zh.md': `# T\n\n<table><tr><th>错误码</th><th>错误信息</th></tr>\n${rows}\n</table>\n` } };
  },
  'build: codePattern (a+)+$ and a cell of n a (refused)': (n) => ({
    command: 'build',
    status: 2,
    files: { ...pipePages([`|400|${'a'.repeat(n)}!|m|`]), 'catalog.json': JSON.stringify({ codePattern: '(a+)+$' }) },
  }),
  // Refused since "columns" must name a header some table has: the refusal is timed, after all n/8 are read.
  'build: n/8 "columns" settings entries (refused)': (n) => ({
    command: 'build',
    status: 2,
    files: {
      ...pipePages(['|400|V.1|m|']),
      'catalog.json': JSON.stringify({ columns: Object.fromEntries(Array.from({ length: n / 8 }, (_, i) => [`col${i}`, 'ignore'])) }),
    },
  }),
};

/** Each corpus service's newest main page per language (the manifest's head versions). */
export function newestMainPages(corpus) {
  const [header, ...rows] = readFileSync(join(corpus, 'manifest.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const col = (name) => header.indexOf(name);
  return rows
    .filter((r) => r[col('page')] === 'main' && r[col('is_head_version')] === 'yes')
    .map((r) => ({ service: r[col('service')], lang: r[col('lang')], file: r[col('file')], ext: r[col('file')].endsWith('.rst') ? 'rst' : 'md', bytes: Number(r[col('bytes')]) }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** Writes every service's newest main pages as one sources/ tree at `tree` (a catalog per service); returns the pages. */
export function writeNewestTree(corpus, tree) {
  const pages = newestMainPages(corpus);
  for (const p of pages) {
    mkdirSync(join(tree, p.service), { recursive: true });
    writeFileSync(join(tree, p.service, `${p.lang}.${p.ext}`), readFileSync(join(corpus, p.file)));
  }
  return pages;
}
