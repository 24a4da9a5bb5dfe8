/**
 * Twin of hast-util-to-html, kept: with that library instead, every corpus service's newest pages
 * took 22% more CPU to build (seeds 4%; paired runs, test/bench/compare.js). Held byte-equal to
 * it by test/emit/hast.test.ts.
 *
 * The hast trees of errcat's pages: built with `h` and serialised with `toHtml`, a small
 * serialiser for exactly the elements and properties these pages use. Its output is byte for byte
 * what hast-util-to-html writes for the same tree (a test holds the two equal on real and hostile
 * pages); it exists because the general serialiser and hastscript cost a cold start ~30 ms per
 * build. Text is escaped as hast-util-to-html escapes it (`&` `<` in text; NUL, `"`, `&`, `'` and
 * backtick in attribute values), so no cell text can become markup.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';

type Child = ElementContent | string | null | undefined | false | Child[];

/** An element: `h('td', {className: ['x']}, ['text', h('b', 'bold')])`; properties may be left out. */
export function h(tag: string, props?: Properties | Child, children?: Child): Element {
  const isProps = isProperties(props);
  const kids: ElementContent[] = [];
  addChildren(kids, isProps ? children : (props as Child));
  const properties: Properties = {};
  if (isProps) {
    for (const key in props as Properties) {
      const value = (props as Properties)[key];
      if (value !== undefined && value !== null) properties[key] = value;
    }
  }
  return { type: 'element', tagName: tag, properties, children: kids };
}

/**
 * Whether `h`'s second argument is properties rather than a child. A node in that place is an
 * element, or a text or raw node (`type` and `value` only); any other object with a `type` is
 * properties (`<input type="search">`).
 */
function isProperties(value: Properties | Child): value is Properties {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { type } = value as { type?: unknown };
  if (type === 'element') return !('tagName' in value);
  if (type === 'text' || type === 'raw') return !('value' in value && Object.keys(value).length === 2);
  return true;
}

function addChildren(into: ElementContent[], child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) for (const c of child) addChildren(into, c);
  else if (typeof child === 'string') into.push({ type: 'text', value: child });
  else into.push(child);
}

const VOID = new Set(['meta', 'input', 'br', 'hr', 'img', 'link']);
const RAW = new Set(['script', 'style']);
/** Property names whose attribute is not the lower-cased name. */
const ATTRIBUTE: Record<string, string> = { className: 'class', httpEquiv: 'http-equiv', htmlFor: 'for' };
const BOOLEAN = new Set(['hidden']);

const escapeWith = (pattern: RegExp, any: RegExp) => (value: string) =>
  any.test(value) ? value.replace(pattern, (c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`) : value;
const escapeText = escapeWith(/[<&]/g, /[<&]/);
const escapeAttribute = escapeWith(/[\0"&'`]/g, /[\0"&'`]/);

const attributeNames = new Map<string, string>();

function attributeName(property: string): string {
  let name = attributeNames.get(property);
  if (name === undefined) {
    name = ATTRIBUTE[property];
    // dataRow → data-row, ariaLive → aria-live
    if (!name && /^(data|aria)[A-Z]/.test(property)) name = property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (!name && /^[a-z]+$/.test(property)) name = property;
    if (!name) throw new Error(`hast: no attribute known for property ${property}`);
    attributeNames.set(property, name);
  }
  return name;
}

function attributes(properties: Properties): string {
  let out = '';
  for (const key in properties) {
    const value = properties[key];
    if (value === undefined || value === null || value === false) continue;
    const name = attributeName(key);
    if (BOOLEAN.has(key)) {
      if (value) out += ` ${name}`;
      continue;
    }
    // Every list property these pages use (class, http-equiv) is space-separated.
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    out += ` ${name}="${escapeAttribute(text)}"`;
  }
  return out;
}

function serialize(node: RootContent | Root, raw: boolean, out: string[]): void {
  switch (node.type) {
    case 'root':
      for (const child of node.children) serialize(child, false, out);
      return;
    case 'doctype':
      out.push('<!doctype html>');
      return;
    case 'text':
      out.push(raw ? node.value : escapeText(node.value));
      return;
    case 'raw' as RootContent['type']:
      // Markup this serialiser wrote already (see {@link serialized}).
      out.push((node as unknown as { value: string }).value);
      return;
    case 'element': {
      out.push(`<${node.tagName}${attributes(node.properties)}>`);
      if (VOID.has(node.tagName)) return;
      const childRaw = RAW.has(node.tagName);
      for (const child of node.children) serialize(child, childRaw, out);
      out.push(`</${node.tagName}>`);
      return;
    }
    default:
      throw new Error(`hast: cannot serialise a ${node.type} node`);
  }
}

/** `h` or {@link written}: page code that takes either builds the same markup. */
export type ElementBuilder = (tag: string, props?: Properties | Child, children?: Child) => ElementContent;

/**
 * `h`'s twin for the rows of large pages: the element is written at once, as `toHtml` would write
 * `h`'s element, and kept as a `raw` node, so no tree of it is built. A test holds pages built
 * with it equal to pages built with `h` and serialised by hast-util-to-html.
 */
export function written(tag: string, props?: Properties | Child, children?: Child): ElementContent {
  const isProps = isProperties(props);
  let out = `<${tag}${isProps ? attributes(props as Properties) : ''}>`;
  if (VOID.has(tag)) return raw(out);
  out += writeChildren(isProps ? children : (props as Child), RAW.has(tag));
  return raw(`${out}</${tag}>`);
}

function writeChildren(child: Child, rawText: boolean): string {
  if (child === null || child === undefined || child === false) return '';
  if (typeof child === 'string') return rawText ? child : escapeText(child);
  if (Array.isArray(child)) {
    let out = '';
    for (const c of child) out += writeChildren(c, rawText);
    return out;
  }
  if (child.type === 'text') return rawText ? child.value : escapeText(child.value);
  // Markup `written` made already.
  if ((child.type as string) === 'raw') return (child as unknown as { value: string }).value;
  const out: string[] = [];
  serialize(child as RootContent, rawText, out);
  return out.join('');
}

const raw = (value: string) => ({ type: 'raw', value }) as unknown as ElementContent;

/**
 * An element serialised at once and kept as a `raw` node: a page of ten thousand rows need not
 * hold ten thousand row trees at the same time. `serialize` must be the page's own serialiser.
 */
export function serialized(element: Element, serialize: (tree: Root) => string): ElementContent {
  return { type: 'raw', value: serialize({ type: 'root', children: [element] }) } as unknown as ElementContent;
}

export function toHtml(tree: Root): string {
  const out: string[] = [];
  serialize(tree, false, out);
  // Concatenated, not joined: V8 keeps the pieces as a rope and copies them once, when written.
  let html = '';
  for (const piece of out) html += piece;
  return html;
}

export type { Element, ElementContent, Root };
