/**
 * Twin of parse5 for plain tables, kept: with parse5 alone, every corpus service's build took
 * 31% more CPU (paired runs, test/bench/compare.js). Held equal to parse5 by
 * test/read/plain-html-table.test.ts.
 *
 * The tree of an HTML `<table>` whose markup is plain, built without an HTML parser: every element
 * closed explicitly and nested properly, table parts only where they belong, only the tags and
 * character references listed below. For such markup the HTML parsing algorithm builds exactly the
 * nesting as written, so this tree reads the same as parse5's (a test holds the two equal on every
 * HTML table of the corpus and on generated tables). Anything else returns null and parse5 reads
 * the table: a doc page of thousands of plain rows costs parse5 several times what this does.
 */

/** The parts of parse5's tree that the table reader looks at (of attributes, rowspan and colspan). */
export interface HtmlText {
  nodeName: '#text';
  value: string;
}
export interface HtmlComment {
  nodeName: '#comment';
}
export interface HtmlElement {
  nodeName: string;
  tagName: string;
  attrs: Array<{ name: string; value: string }>;
  childNodes: HtmlNode[];
  sourceCodeLocation?: { startLine: number };
}
export type HtmlNode = HtmlElement | HtmlText | HtmlComment;

// Where each element may stand (its parent), for elements whose place the parser would otherwise fix.
// Maps, not object literals: tag names come from the page, and `constructor` must not find Object's.
const TABLE_PARTS = new Map<string, readonly string[]>([
  ['caption', ['table']],
  ['colgroup', ['table']],
  ['col', ['colgroup']],
  ['thead', ['table']],
  ['tbody', ['table']],
  ['tfoot', ['table']],
  ['tr', ['thead', 'tbody', 'tfoot']],
  ['td', ['tr']],
  ['th', ['tr']],
]);
/** Containers whose text (other than whitespace) the parser moves out of the table. */
const TABLE_CONTAINERS = new Set(['table', 'colgroup', 'thead', 'tbody', 'tfoot', 'tr']);
/** Content of cells and captions that nests as written, given the rules in `openFlow`. */
const PHRASING = new Set(['span', 'b', 'strong', 'i', 'em', 'u', 's', 'code', 'sup', 'sub', 'a', 'font', 'kbd', 'samp', 'var', 'small', 'big', 'tt', 'strike', 'abbr', 'cite', 'q']);
/** Start tags that close an open `<p>` (the HTML parser's rule): refused inside one. */
const CLOSES_P = new Set(['p', 'div', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'blockquote']);
const FLOW = new Set([...CLOSES_P, 'li', 'dt', 'dd']);
const VOID = new Set(['br', 'img', 'col', 'hr', 'wbr']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Open elements (the table's parts included) beyond which markup is not plain. */
const MAX_DEPTH = 64;
const NAMED_REFERENCES = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0']]);

const TAG = /<(\/?)([A-Za-z][^\t\n\f />]*)((?:[\t\n\f ]+[^\t\n\f />="'<`]+(?:[\t\n\f ]*=[\t\n\f ]*(?:"[^"]*"|'[^']*'|[^\t\n\f >"'<=`]+))?)*)[\t\n\f ]*(\/?)>/y;
const ATTRIBUTE = /[\t\n\f ]+([^\t\n\f />="'<`]+)(?:[\t\n\f ]*=[\t\n\f ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f >"'<=`]+)))?/g;

/** The fragment tree of `html` (one `<table>` … `</table>`), or null when its markup is not plain. */
export function readPlainHtmlTable(html: string): { childNodes: HtmlNode[] } | null {
  if (html.includes('\0') || html.includes('\r')) return null;
  const root: HtmlElement = { nodeName: '#document-fragment', tagName: '', attrs: [], childNodes: [] };
  const stack: HtmlElement[] = [root];
  let line = 1;
  let lineCounted = 0;
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > at && !addText(stack, html.slice(at, textEnd))) return null;
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      // `<!-->`, `<!--->` and `--!>` end a comment early in HTML: left to the parser.
      if (close === -1 || html[lt + 4] === '>' || html.startsWith('->', lt + 4) || html.slice(lt + 4, close).includes('--!>')) return null;
      stack[stack.length - 1]!.childNodes.push({ nodeName: '#comment' });
      at = close + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (!tag) return null;
    const [whole, slash, rawName, rawAttributes, selfClosing] = tag;
    const name = asciiLowerCase(rawName!);
    at = lt + whole.length;
    if (slash) {
      // An end tag closes exactly the current element; anything else the parser would repair.
      const current = stack[stack.length - 1]!;
      if (rawAttributes || selfClosing || stack.length === 1 || current.tagName !== name) return null;
      stack.pop();
      continue;
    }
    if (selfClosing && !VOID.has(name)) return null;
    for (let i = html.indexOf('\n', lineCounted); i !== -1 && i < lt; i = html.indexOf('\n', i + 1)) {
      line++;
      lineCounted = i + 1;
    }
    // Checking where an element may open looks through the open elements; deeper markup than a
    // table needs (or a hostile page's thousands of levels) is left to the parser, linear in depth.
    if (stack.length > MAX_DEPTH) return null;
    const element: HtmlElement = { nodeName: name, tagName: name, attrs: attributes(rawAttributes!), childNodes: [] };
    if (element.attrs === INVALID || !open(stack, element)) return null;
    if (name === 'tr') element.sourceCodeLocation = { startLine: line };
    stack[stack.length - 1]!.childNodes.push(element);
    if (!VOID.has(name)) stack.push(element);
  }
  // Everything closed, and the fragment is the one table.
  return stack.length === 1 && root.childNodes.length === 1 ? root : null;
}

/** Whether `element` may open here as written (no part of the tree the parser would move or close). */
function open(stack: HtmlElement[], element: HtmlElement): boolean {
  const name = element.tagName;
  const parent = stack[stack.length - 1]!;
  if (name === 'table') return stack.length === 1 && parent.childNodes.length === 0;
  const places = TABLE_PARTS.get(name);
  if (places) return places.includes(parent.tagName);
  if (TABLE_CONTAINERS.has(parent.tagName)) return false; // flow content here would be moved out
  return openFlow(stack, name);
}

/** Inside a cell or caption: the parser's implied closings must not apply. */
function openFlow(stack: HtmlElement[], name: string): boolean {
  if (!PHRASING.has(name) && !FLOW.has(name) && !VOID.has(name)) return false;
  const parent = stack[stack.length - 1]!.tagName;
  // Directly in their list (a list is where the parser stops looking for an item to close).
  if (name === 'li') return parent === 'ul' || parent === 'ol';
  if (name === 'dt' || name === 'dd') return parent === 'dl';
  if (HEADINGS.has(name) && HEADINGS.has(parent)) return false;
  const cellStart = lastIndexWhere(stack, (e) => e.tagName === 'td' || e.tagName === 'th' || e.tagName === 'caption');
  const openInCell = (tag: string) => stack.some((e, i) => i > cellStart && e.tagName === tag);
  if (CLOSES_P.has(name) && openInCell('p')) return false;
  if (name === 'a' && openInCell('a')) return false;
  return cellStart > 0;
}

/** HTML lower-cases tag and attribute names in ASCII only. Pages repeat a few names thousands of times. */
const lowerCased = new Map<string, string>();
function asciiLowerCase(name: string): string {
  let lower = lowerCased.get(name);
  if (lower === undefined) {
    lower = name.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (lowerCased.size < 1024) lowerCased.set(name, lower);
  }
  return lower;
}

function lastIndexWhere<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

const INVALID: HtmlElement['attrs'] = [];
const NONE: HtmlElement['attrs'] = [];
/** The only attributes the table reader reads; others cannot change the tree, so are not kept. */
const KEPT_ATTRIBUTES = new Set(['rowspan', 'colspan']);

/** rowspan and colspan of a start tag (the first of a repeated name); INVALID for a reference not plain. */
function attributes(source: string): HtmlElement['attrs'] {
  if (!source || !/span/i.test(source)) return NONE;
  const attrs: HtmlElement['attrs'] = [];
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m !== null; m = ATTRIBUTE.exec(source)) {
    const name = asciiLowerCase(m[1]!);
    if (!KEPT_ATTRIBUTES.has(name) || attrs.some((a) => a.name === name)) continue;
    const value = decodeReferences(m[2] ?? m[3] ?? m[4] ?? '');
    if (value === null) return INVALID;
    attrs.push({ name, value });
  }
  return attrs;
}

function addText(stack: HtmlElement[], raw: string): boolean {
  const parent = stack[stack.length - 1]!;
  if (parent === stack[0]) return false; // text outside the table
  // The parser moves text other than whitespace out of the table's own containers.
  if (TABLE_CONTAINERS.has(parent.tagName) && /[^\t\n\f ]/.test(raw)) return false;
  const value = decodeReferences(raw);
  if (value === null) return false;
  // Never next to another text node: text runs up to a tag or comment, which adds a node or closes one.
  parent.childNodes.push({ nodeName: '#text', value });
  return true;
}

/**
 * Text with its character references replaced: `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;`
 * and numeric ones with `;` for ordinary characters. Null for any other reference (the full entity
 * table, references without `;`, remapped or forbidden code points are the parser's business).
 */
function decodeReferences(text: string): string | null {
  if (!text.includes('&')) return text;
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', from)) {
    out += text.slice(from, amp);
    const next = text[amp + 1];
    if (next === undefined || !/[A-Za-z0-9#]/.test(next)) {
      out += '&'; // a bare ampersand is text
      from = amp + 1;
      continue;
    }
    const reference = /^&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*));/.exec(text.slice(amp, amp + 16));
    if (!reference) return null;
    let decoded: string | undefined;
    if (reference[3] !== undefined) decoded = NAMED_REFERENCES.get(reference[3]);
    else {
      const cp = reference[1] !== undefined ? Number.parseInt(reference[1], 10) : Number.parseInt(reference[2]!, 16);
      if (plainCodePoint(cp)) decoded = String.fromCodePoint(cp);
    }
    if (decoded === undefined) return null;
    out += decoded;
    from = amp + reference[0].length;
  }
  return out + text.slice(from);
}

/** Code points a numeric reference yields as themselves (no control characters, surrogates or noncharacters). */
function plainCodePoint(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0c) return true;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp > 0x10ffff) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return false;
  return true;
}
