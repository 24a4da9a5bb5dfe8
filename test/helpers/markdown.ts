/**
 * Markdown read back as a renderer reads it: remark with every GFM extension (tables, autolink
 * literals, footnotes, strikethrough, task lists), so a test sees the links, mentions-as-links,
 * HTML and emphasis a pull-request comment or a README would show.
 */
import type { Nodes, Root, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

/** errcat's own inline HTML in a report: a line break, the empty comment that keeps GitHub from linking, bold. */
const OWN_HTML: Record<string, string> = { '<br>': '\n', '<!-- -->': '' };

/**
 * The text inline nodes show, when they are only text and errcat's own HTML (`<br>` as a line
 * break, `<!-- -->` as nothing, and the `extra` HTML given, e.g. `<b>` as nothing). Anything else
 * (a link, an image, other HTML, emphasis, code, a footnote) throws, naming it.
 */
export function inertText(nodes: readonly Nodes[], extra: Record<string, string> = {}): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'html' && (node.value in OWN_HTML || node.value in extra)) text += OWN_HTML[node.value] ?? extra[node.value];
    else throw new Error(`live markup: ${node.type} ${JSON.stringify('value' in node ? node.value : (node as { url?: string }).url ?? '')}`);
  }
  return text;
}

/** Every node of a tree, depth first. */
export function allNodes(root: Nodes): Nodes[] {
  const out: Nodes[] = [root];
  if ('children' in root) for (const child of root.children as RootContent[]) out.push(...allNodes(child));
  return out;
}

/** Each table's rows, each row's cells' inline nodes. */
export function tables(root: Root): Nodes[][][][] {
  return allNodes(root)
    .filter((n): n is Table => n.type === 'table')
    .map((t) => t.children.map((row) => row.children.map((cell) => cell.children)));
}
