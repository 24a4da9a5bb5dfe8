import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableEnd } from '../../pipeline/read/markdown/cut-page';
import { readHtmlTable } from '../../pipeline/read/markdown/html-table';
import { readPlainHtmlTable } from '../../pipeline/read/markdown/plain-html-table';
import { corpusDir, hasCorpus, repoRoot } from '../helpers/reference';

// Plain HTML tables are read without parse5; parse5 (the HTML parsing algorithm) is the reference.
const viaParse5 = (html: string) => readHtmlTable(html, 1, null, { parse5Only: true });
const asRead = (html: string) => readHtmlTable(html, 1, null);

/** Every outermost `<table>` … `</table>` of a page. */
function htmlTables(text: string): string[] {
  const found: string[] = [];
  const open = /<table\b/gi;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const end = tableEnd(text, m.index);
    if (end < 0) break;
    found.push(text.slice(m.index, end));
    open.lastIndex = end;
  }
  return found;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

describe('HTML tables read without parse5 read as parse5 reads them', () => {
  it('on the fixtures', () => {
    const tables = markdownFiles(join(repoRoot, 'test', 'fixtures')).flatMap((f) => htmlTables(readFileSync(f, 'utf8')));
    expect(tables.length).toBeGreaterThan(3);
    for (const html of tables) expect(asRead(html)).toEqual(viaParse5(html));
  });

  it.skipIf(!hasCorpus)('on every HTML table of the corpus, most of them taking the plain path', () => {
    const tables = markdownFiles(corpusDir).flatMap((f) => htmlTables(readFileSync(f, 'utf8')));
    expect(tables.length).toBeGreaterThan(20);
    let plain = 0;
    for (const html of tables) {
      if (readPlainHtmlTable(html)) plain++;
      expect(asRead(html)).toEqual(viaParse5(html));
    }
    // The doc pages' tables are plain markup; a fast path they never took would prove nothing.
    expect(plain / tables.length).toBeGreaterThan(0.9);
  });

  // Pieces of cell content: mostly plain markup (so most generated tables take the plain path), and
  // now and then markup the HTML parser repairs, or references it maps.
  const plainPiece = fc.constantFrom(
    'text', ' spaced  out ', '\n', '中文，全角', '<p>para</p>', '<p id="x">a</p>', '<br>', '<br/>', '<BR />', '<b>bold</b>', '<strong>s</strong>',
    '<a name="n"></a>', '<a href=x>link</a>', '<span>s</span>', '<code>c</code>', '<ul><li>one</li><li>two</li></ul>', '<div>d</div>', '<h3>h</h3>',
    '<dl><dt>t</dt><dd>d</dd></dl>', '&amp;', '&lt;tag&gt;', '&nbsp;', '&#20013;', '&#x4E2D;', 'a & b', '<!-- note -->', '<img src="i.png">', '<hr>',
    '<font color=red>f</font>', '<P>UPPER</P>', '<span title="a&amp;b">t</span>', "<span title='q'>t</span>", '<b><p>x</p></b>',
  );
  const trickyPiece = fc.constantFrom(
    '</br>', '<a><a>x</a></a>', '<ol><li>a<ul><li>b</li></ul></li></ol>', '<p><div>x</div></p>', '<p>open', '</p>', '<b>unclosed', '<i>x</b>',
    '<h3><h4>x</h4></h3>', '<li>stray</li>', '&#128;', '&#x9F;', '&#0;', '&#xD800;', '&#xFFFE;', '&#1114112;', '&#9;', '&copy;', '&amp', 'AT&T', '&#x;',
    '<!---->', '<!-->', '<!-- a --!> b -->', '<table><tr><td>nested</td></tr></table>', '<td>cell in cell</td>', '<tr>', '< not a tag',
    '<x-custom>c</x-custom>', '<pre>\npre</pre>', '<span a="1"b="2">t</span>', '<td/>', '<p/>', '<span/>', '<textarea>t</textarea>', '\r\n',
  );
  const always = (weight: number) => fc.oneof({ arbitrary: fc.constant(true), weight }, { arbitrary: fc.constant(false), weight: 1 });
  /** Tables whose cell pieces are plain `plainWeight` times as often as tricky. */
  const tables = (plainWeight: number) => {
    const piece = fc.oneof({ arbitrary: plainPiece, weight: plainWeight }, { arbitrary: trickyPiece, weight: 1 });
    const cellContent = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
    const cell = fc.record({
      tag: fc.constantFrom('td', 'th', 'TD'),
      attrs: fc.constantFrom('', ' rowspan="2"', ' colspan=3', ' class="cellrowborder" valign="top" width="8.7%"', ' ROWSPAN="0"', ' colspan="2" colspan="5"'),
      content: cellContent,
      close: always(15),
    });
    const row = fc.record({
      cells: fc.array(cell, { minLength: 1, maxLength: 4 }),
      close: always(15),
      lead: fc.oneof({ arbitrary: fc.constantFrom('', '\n', ' '), weight: 12 }, { arbitrary: fc.constant('x'), weight: 1 }),
    });
    return fc.record({
      caption: fc.option(cellContent),
      head: fc.option(row),
      body: fc.array(row, { maxLength: 4 }),
      tbody: always(6),
      colgroup: fc.constantFrom('', '', '', '<colgroup><col><col/></colgroup>', '<colgroup>\n<col span="2">\n</colgroup>', '<col>'),
    });
  };
  type Cell = { tag: string; attrs: string; content: string; close: boolean };
  type Row = { cells: Cell[]; close: boolean; lead: string };
  const render = (t: { caption: string | null; head: Row | null; body: Row[]; tbody: boolean; colgroup: string }) => {
    const tr = (r: Row) => `${r.lead}<tr>${r.cells.map((c) => `<${c.tag}${c.attrs}>${c.content}${c.close ? `</${c.tag}>` : ''}`).join('\n')}${r.close ? '</tr>' : ''}\n`;
    const body = t.body.map(tr).join('');
    return `<table>${t.caption === null ? '' : `<caption>${t.caption}</caption>`}${t.colgroup}\n` +
      (t.head ? `<thead>${tr(t.head)}</thead>` : '') + (t.tbody ? `<tbody>\n${body}</tbody>` : body) + '</table>';
  };

  it.each([
    ['mostly plain', 40, 300],
    ['often repaired by the parser', 2, 0],
  ])('on generated tables, %s', (_, plainWeight, atLeastPlain) => {
    let plain = 0;
    fc.assert(fc.property(tables(plainWeight), (t) => {
      const html = render(t);
      if (readPlainHtmlTable(html)) plain++;
      expect(asRead(html)).toEqual(viaParse5(html));
    }), { numRuns: Number(process.env.ERRCAT_FUZZ_RUNS ?? 1500) });
    expect(plain).toBeGreaterThanOrEqual(atLeastPlain);
  });

  it('on plain tables with one tricky piece put into one cell', () => {
    fc.assert(fc.property(tables(1000), trickyPiece, fc.nat(), (t, tricky, at) => {
      const html = render(t);
      const ends = [...html.matchAll(/<\/t[dh]>/gi)].map((m) => m.index!);
      const where = ends.length === 0 ? html.length - '</table>'.length : ends[at % ends.length]!;
      const spliced = html.slice(0, where) + tricky + html.slice(where);
      expect(asRead(spliced)).toEqual(viaParse5(spliced));
    }), { numRuns: Number(process.env.ERRCAT_FUZZ_RUNS ?? 1500) });
  });
});
