/**
 * Page text (cells, headers, codes, catalog and file names) is written by whoever opens a pull
 * request. Wherever errcat shows it, it must stay text: one function per place it lands, each
 * showing the same characters and starting nothing there (no link, mention, HTML, terminal
 * sequence, workflow command or formula).
 */

/**
 * Shown escaped in a terminal, a CI log and a report: C0 and C1 controls, DEL, the line and
 * paragraph separators, and the bidi embeddings, overrides and isolates (which reorder what a
 * reader sees).
 */
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\r`, `\t`, `\x1b` (up to U+00FF) or `\u202e`. */
function shownControl(ch: string): string {
  const short = SHORT[ch];
  if (short !== undefined) return short;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Terminal and CI log

/**
 * `##[` starts a workflow command anywhere in a GitHub Actions log line (the runner's old
 * `##[command]data` form is found with IndexOf), so its bracket is shown escaped.
 */
const TERMINAL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\[/gu;

/**
 * Page text inside a line of errcat's own output: every control character shown escaped, so the
 * text can neither move the cursor or recolour the terminal nor end the line and start one of its
 * own, and `##[` shown as `##\x5b`. A page's own backslash is printed as it is.
 */
export function terminalText(text: string): string {
  return text.replace(TERMINAL, (m) => (m === '##[' ? '##\\x5b' : shownControl(m)));
}

/**
 * Page text that opens a line (a file name before `:line: message`): as {@link terminalText}, and
 * a leading `::`, which the runner takes as a workflow command even after white space, shows its
 * first colon as `\x3a`.
 */
export function terminalLineStart(text: string): string {
  return terminalText(text).replace(/^([\s\u0085]*):(?=:)/u, '$1\\x3a');
}

/**
 * JSON printed to a terminal or a CI log: JSON.stringify escapes C0 controls but leaves DEL, C1
 * controls, the line separators, bidi controls and `##[` raw. The same value, with those as \u
 * escapes (`##\u005b`).
 */
export function terminalJson(json: string): string {
  return json.replace(/[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|(?<=##)\[/gu, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The message of a workflow command (`::error …::message`), as GitHub's runner unescapes it
 * (`%25`, `%0D`, `%0A`); controls are shown escaped first, as in the log around it.
 */
export function workflowData(text: string): string {
  return terminalText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (`file=…,title=…`): as the message, and `:` and `,` too. */
export function workflowProperty(text: string): string {
  return workflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// ---------------------------------------------------------------------------------------------
// Markdown (CommonMark with GitHub's extensions)

/**
 * An empty HTML comment: it renders as nothing and copies as nothing, and it splits the text
 * around it into two text nodes. GitHub finds @mentions, #123 references and www./http:// links
 * in text nodes after Markdown is parsed, where a backslash escape is already gone; the
 * comment is what keeps them from forming.
 */
const BREAK = '<!-- -->';

/**
 * What needs escaping in inline text: punctuation that opens or closes markup (emphasis, code,
 * links and images, HTML and autolinks, entities, table cells, strikethrough, GitHub's math,
 * headings), line breaks, controls, and the places GitHub would link.
 */
const MARKDOWN_INLINE =
  /[\\`*_[\]<>&|~$#]|\r\n?|\n|[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|@(?=[\w-])|:(?=\/\/)|(?<=www)\.|(?<=\bGH-)(?=\d)/giu;

/**
 * Inline Markdown that a CommonMark/GFM renderer (GitHub's included) shows as exactly `text`,
 * in a paragraph, a list item, a heading or a table cell:
 * - ASCII punctuation that can start markup is backslash-escaped;
 * - line breaks become `<br>` (a table row is one line);
 * - controls are shown escaped, as `\x1b` or `\u202e` (see {@link terminalText});
 * - `@user`, `#12`, `GH-12`, `https://…`, `www.…` and e-mail addresses get an empty HTML comment
 *   after the `@`, `#`, `-` or `:`, before the `.` of `www.`, so GitHub makes no mention, reference
 *   or link of them, and the rendered text (and a copy of it) has nothing added.
 * A `+`, `-`, `=` or `1.` opening the text is escaped too, so text that opens a line starts no list
 * or heading. Leading and trailing white space is not kept where Markdown trims it (table cells,
 * paragraph ends).
 */
export function markdownText(text: string): string {
  const escaped = text.replace(MARKDOWN_INLINE, (m, offset: number, whole: string) => {
    if (m === '') return BREAK; // before the digits of GH-12
    if (m === '\n' || m === '\r' || m === '\r\n') return '<br>';
    if (m === '@' || m === ':') return `${m}${BREAK}`;
    if (m === '.') return `${BREAK}.`;
    if (m === '#') return /\d/.test(whole[offset + 1] ?? '') ? `\\#${BREAK}` : '\\#';
    if (/[\\`*_[\]<>&|~$]/.test(m)) return `\\${m}`;
    return shownControl(m).replace(/\\/g, '\\\\');
  });
  return escaped.replace(/^[+\-=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A Markdown code span showing exactly `text` (controls shown escaped, as in {@link terminalText}):
 * fenced with one backtick more than the longest run in the text, padded with a space when the
 * text starts or ends with a backtick or with spaces at both ends (CommonMark strips one of each).
 * Inside a GFM table (`inTable`), every `|` is written `\|`, which the table takes as a pipe of
 * the cell's text. A backslash right before a pipe cannot be written in a table code span the
 * same way for every renderer (micromark reads `\\|` as a backslash and a cell border, GitHub as
 * a backslash and a pipe), so such text is given as {@link markdownText}; so is empty text, and
 * text holding `##[`, which a code span cannot break and the Markdown may be printed to a CI log.
 */
export function markdownCode(text: string, inTable: boolean): string {
  const shown = text.replace(CONTROL, (ch) => (ch === '\t' ? ch : shownControl(ch)));
  if (shown === '' || shown.includes('##[') || (inTable && shown.includes('\\|'))) return markdownText(text);
  let longest = 0;
  for (const run of shown.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(shown) || (/^ /.test(shown) && / $/.test(shown) && /[^ ]/.test(shown)) ? ' ' : '';
  const body = inTable ? shown.replace(/\|/g, '\\|') : shown;
  return `${fence}${pad}${body}${pad}${fence}`;
}

// ---------------------------------------------------------------------------------------------
// CSV

const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * A CSV cell a spreadsheet shows as text: one starting with = + - @, tab, CR or LF gets a leading
 * apostrophe, as OWASP advises against CSV formula injection. Header cells too.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
