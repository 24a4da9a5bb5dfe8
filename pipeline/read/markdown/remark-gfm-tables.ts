/**
 * The parts of remark-gfm that change what a table reads: GFM tables and strikethrough. remark-gfm
 * is assembled from these same packages; errcat plugs them in directly because the rest costs
 * start-up time for nothing a table cell shows: the markdown serializers (mdast-util-to-markdown,
 * ~110 KB errcat never calls), autolink literals (a transform walking every node that changes no
 * text), task lists (list items only) and footnotes (a `[^1]` in a cell stays as written, rather
 * than vanishing as a footnote reference would).
 */
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';

export default function remarkGfmTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push([gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown()]);
}
