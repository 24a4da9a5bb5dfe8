/**
 * pipeline/escape.ts: page text stays text in Markdown (read back by a real CommonMark/GFM parser),
 * in a terminal and a CI log (read as GitHub's runner reads workflow commands) and in JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotation } from '../../pipeline/emit/github';
import { markdownCode, markdownText, neutralizeFormula, terminalJson, terminalLineStart, terminalText } from '../../pipeline/escape';
import { allNodes, inertText, parseMarkdown, tables } from '../helpers/markdown';
import { expectInertLog, parseWorkflowCommand } from '../helpers/ci-log';
import type { Nodes } from 'mdast';

/** The one block a snippet parses to, and its inline nodes. */
function onlyBlock(markdown: string, type: string): Nodes[] {
  const blocks = parseMarkdown(markdown).children;
  if (blocks.length === 0) return [];
  expect(blocks.map((b) => b.type)).toEqual([type]);
  return (blocks[0] as { children: Nodes[] }).children;
}

/** Where errcat puts inline page text, and what a reader sees there. */
const CONTEXTS: Record<string, (md: string) => string> = {
  'a table cell': (md) => inertText(tables(parseMarkdown(`| a | b |\n| --- | --- |\n| x | ${md} |\n`))[0]![1]![1]!),
  'a paragraph, opening its line': (md) => inertText(onlyBlock(`${md}\n`, 'paragraph')),
  'a list item, after bold': (md) => {
    const [item] = onlyBlock(`- **error** ${md}\n`, 'list') as Array<{ children: Array<{ children: Nodes[] }> }>;
    const [bold, ...rest] = item!.children[0]!.children;
    expect(bold!.type).toBe('strong');
    return inertText(rest).replace(/^ /, '');
  },
  'a heading': (md) => inertText(onlyBlock(`# ${md}\n`, 'heading')),
};

/** Text that would be live markup (or a GitHub link, mention or reference) if written as it is. */
const HOSTILE = [
  '[click](https://evil.example/x)',
  '![pixel](https://evil.example/p.png)',
  '<https://evil.example> <mail@evil.example>',
  '@octocat and @org/team, cc:@someone',
  'mail@evil.example',
  'https://evil.example/y, http://evil.example and www.evil.example or WWW.EVIL.EXAMPLE',
  '#1 and GH-2 and owner/repo#3',
  '**bold** __bold__ *em* _em_ ~~del~~ ~del~',
  '<img src=x onerror=alert(1)> <script>alert(1)</script> <!-- c --> </td><td>',
  '&copy; &amp; &#64; &#x40;',
  '`code` ``two`` ```',
  'a | b \\| c',
  '\\ back\\slash\\',
  '[^1] [x] [x]: https://evil.example',
  '$x^2$ and $$y$$',
  '# heading #',
  '- item',
  '+ item',
  '* item',
  '1. item',
  '2) item',
  '> quote',
  '===',
  '---',
  '<br>',
  '[ ] task',
];

describe('markdownText', () => {
  for (const [where, read] of Object.entries(CONTEXTS)) {
    it(`reads back as the same text, nothing live, in ${where}`, () => {
      for (const text of HOSTILE) expect(read(markdownText(text)), text).toBe(text);
    });

    it(`shows line breaks as line breaks and controls escaped, in ${where}`, () => {
      expect(read(markdownText('one\ntwo\r\nthree\rfour'))).toBe('one\ntwo\nthree\nfour');
      expect(read(markdownText('esc \x1b[31m bell \x07 nul \x00 del \x7f csi \x9b rlo \u202e lri \u2066 ls \u2028 tab\tok'))).toBe(
        'esc \\x1b[31m bell \\x07 nul \\x00 del \\x7f csi \\x9b rlo \\u202e lri \\u2066 ls \\u2028 tab\tok',
      );
    });
  }

  it('keeps GitHub from linking: an empty comment inside each mention, reference and link', () => {
    expect(markdownText('@octocat #12 GH-3 https://x.example www.x.example a@b.example')).toBe(
      '@<!-- -->octocat \\#<!-- -->12 GH-<!-- -->3 https:<!-- -->//x.example www<!-- -->.x.example a@<!-- -->b.example',
    );
    // Plain text keeps its look in the Markdown source.
    expect(markdownText('namespace name is already exist (请修改名称)')).toBe('namespace name is already exist (请修改名称)');
  });

  it('reads back as the same text for any text (property)', () => {
    const unit = fc.oneof(
      fc.constantFrom(...'\\`*_[]()<>&|~$#@:./!-+=^{}"\'0123456789 \nwwWGHhttps'.split(''), 'www.', 'http://', '```', '<!--', '-->', '&amp;', '好'),
      fc.string({ unit: 'grapheme', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (raw) => {
        // Markdown trims a cell's and a paragraph's ends; controls other than line breaks are tested above.
        const text = raw.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '').trim();
        for (const read of Object.values(CONTEXTS)) expect(read(markdownText(text))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('markdownCode', () => {
  const cases: Array<[string, string]> = [
    ['LIVE`|</td><td>x`.0002', 'LIVE`|</td><td>x`.0002'],
    ['`starts', '`starts'],
    ['ends`', 'ends`'],
    ['``', '``'],
    [' both ', ' both '],
    ['  ', '  '],
    ['a|b||c', 'a|b||c'],
    ['C:\\dir\\file', 'C:\\dir\\file'],
    ['@octocat https://x.example <!-- --> *a* [b](c)', '@octocat https://x.example <!-- --> *a* [b](c)'],
    ['line\nbreak \x1b[31m', 'line\\nbreak \\x1b[31m'],
  ];

  it.each(cases)('%j is one code span of that text, in a table and outside one', (text, shown) => {
    expect(onlyBlock(`x ${markdownCode(text, false)} y\n`, 'paragraph')[1]).toEqual(expect.objectContaining({ type: 'inlineCode', value: shown }));
    const cell = tables(parseMarkdown(`| a | b |\n| --- | --- |\n| x | ${markdownCode(text, true)} |\n`))[0]![1]!;
    expect(cell).toHaveLength(2);
    expect(cell[1]).toEqual([expect.objectContaining({ type: 'inlineCode', value: shown })]);
  });

  it('gives a backslash before a pipe in a table, ##[ and empty text as plain text', () => {
    const cell = (md: string) => tables(parseMarkdown(`| a | b |\n| --- | --- |\n| x | ${md} |\n`))[0]![1]!;
    expect(cell(markdownCode('a\\|b', true))).toHaveLength(2);
    expect(inertText(cell(markdownCode('a\\|b', true))[1]!)).toBe('a\\|b');
    expect(inertText(cell(markdownCode('##[error]x', true))[1]!)).toBe('##[error]x');
    expect(markdownCode('##[error]x', false)).toBe('\\#\\#\\[error\\]x');
    expect(markdownCode('', true)).toBe('');
  });

  it('is one code span of the same text for any text (property)', () => {
    const unit = fc.oneof(fc.constantFrom(...'`|\\ <>*_@:/a1'.split(''), '``', '好'), fc.string({ unit: 'grapheme', maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 30 }), (raw) => {
        const text = raw.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '') || 'x';
        expect(onlyBlock(`x ${markdownCode(text, false)} y\n`, 'paragraph')[1]).toEqual(expect.objectContaining({ type: 'inlineCode', value: text }));
        const cell = tables(parseMarkdown(`| a | b |\n| --- | --- |\n| x | ${markdownCode(text, true)} |\n`))[0]![1]!;
        expect(cell).toHaveLength(2);
        // Given as plain text, whose spaces at the cell's ends GFM trims (documented in markdownText).
        if (text.includes('\\|')) expect(inertText(cell[1]!)).toBe(text.replace(/^[ \t]+|[ \t]+$/g, ''));
        else expect(cell[1]).toEqual([expect.objectContaining({ type: 'inlineCode', value: text })]);
      }),
      { numRuns: Number(process.env.ERRCAT_FUZZ_RUNS ?? 200) },
    );
  });
});

describe('terminalText and terminalLineStart', () => {
  it('shows controls, line breaks and bidi controls escaped, and keeps the rest', () => {
    expect(terminalText('a\nb\r\n\tc \x1b[31m \x07 \x00 \x7f \x85 \x9b \u2028 \u2029 \u202a \u202e \u2066 \u2069 C:\\dir 好 é')).toBe(
      'a\\nb\\r\\n\\tc \\x1b[31m \\x07 \\x00 \\x7f \\x85 \\x9b \\u2028 \\u2029 \\u202a \\u202e \\u2066 \\u2069 C:\\dir 好 é',
    );
  });

  it('breaks ##[ wherever it is, the runner finds it anywhere in a line', () => {
    expect(terminalText('##[error]x and ##[set-output name=a]b')).toBe('##\\x5berror]x and ##\\x5bset-output name=a]b');
    expect(terminalText('# [x] ## x [##]')).toBe('# [x] ## x [##]');
  });

  it('a line opening with page text never opens with ::, even after white space', () => {
    expect(terminalLineStart('::error::x')).toBe('\\x3a:error::x');
    expect(terminalLineStart(' \u3000\u00a0::warning::x')).toBe(' \u3000\u00a0\\x3a:warning::x');
    expect(terminalLineStart('a::b')).toBe('a::b');
    expect(terminalLineStart(':a')).toBe(':a');
  });

  it('for any text, one line with no raw control and no workflow command (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\n', '\r', ':', '#', '[', ' ', '\u3000', '\x1b', '\u0085'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 30 }), (text) => {
        expectInertLog(`${terminalLineStart(text)}\n`);
        expectInertLog(`  x: ${terminalText(text)}\n`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('terminalJson', () => {
  it('is the same JSON value with C1, bidi controls and ##[ as \\u escapes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('#', '[', '\x9b', '\u202e', '\u2028', '\x7f'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 30 }), (text) => {
        const json = terminalJson(JSON.stringify({ text }, null, 2));
        expect(JSON.parse(json)).toEqual({ text });
        expectInertLog(`${json}\n`);
      }),
      { numRuns: 200 },
    );
    expect(terminalJson(JSON.stringify('##[error]\u202e'))).toBe('"##\\u005berror]\\u202e"');
  });
});

describe('workflow commands (--format github)', () => {
  it('each annotation is one line the runner reads back as errcat wrote it, whatever the text (property)', () => {
    const unit = fc.oneof(fc.constantFrom('\n', '\r', '%', '%0A', '%25', ':', '::', ',', '=', '##[', '\x1b'), fc.string({ unit: 'binary', maxLength: 1 }));
    fc.assert(
      // An empty file= is no property to the runner; errcat always names a file there.
      fc.property(fc.string({ unit, maxLength: 20 }).filter((f) => f !== ''), fc.string({ unit, maxLength: 40 }), (file, message) => {
        const line = annotation('error', { file, line: 7, title: 'errcat code-removed' }, message);
        expect(line).not.toMatch(/[\r\n]/);
        expect(parseWorkflowCommand(line)).toEqual({
          command: 'error',
          properties: { file: terminalText(file), line: '7', title: 'errcat code-removed' },
          data: terminalText(message),
        });
      }),
      { numRuns: 200 },
    );
  });

  it('escapes a hostile message, file and title', () => {
    expect(annotation('warning', { file: 'a:b,c%.md', line: 2, title: 'x::y' }, '100%\n::error::owned\r##[error]x')).toBe(
      '::warning file=a%3Ab%2Cc%25.md,line=2,title=x%3A%3Ay::100%25\\n::error::owned\\r##\\x5berror]x',
    );
  });
});

describe('neutralizeFormula', () => {
  it('puts an apostrophe before what a spreadsheet would run', () => {
    expect(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\nx', 'ok', "'=x"].map(neutralizeFormula)).toEqual([
      "'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "'\nx", 'ok', "'=x",
    ]);
  });
});

it('the parser used here does find what is live (the checks above can fail)', () => {
  const live = parseMarkdown('[a](https://x.example) ![b](c) https://y.example www.z.example a@b.example <b>x</b> *e* ~~d~~ `c`\n');
  expect(new Set(allNodes(live).map((n) => n.type))).toEqual(new Set(['root', 'paragraph', 'link', 'image', 'text', 'html', 'emphasis', 'delete', 'inlineCode']));
  expect(() => inertText((live.children[0] as { children: Nodes[] }).children)).toThrow(/live markup: link/);
  expect(() => expectInertLog('ok\n  ::error::x\n')).toThrow();
  expect(() => expectInertLog('a ##[error]x\n')).toThrow();
  expect(() => expectInertLog('a \x1b[31m\n')).toThrow();
});
