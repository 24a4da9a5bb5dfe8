/**
 * The HTML table reader is loaded only when a page has HTML tables: parse5 and its entity tables
 * are most of errcat's code by size, and a page of pipe tables (or an RST page) never needs them.
 * Reading stays synchronous; commands call {@link loadHtmlReader} before reading such pages.
 */
import type { readHtmlTable } from './html-table';

type HtmlReader = typeof readHtmlTable;
let reader: HtmlReader | undefined;

export async function loadHtmlReader(): Promise<void> {
  reader ??= (await import('./html-table')).readHtmlTable;
}

export function htmlReader(): HtmlReader {
  if (!reader) throw new Error('internal: the HTML table reader was not loaded (call prepareReaders() before reading pages)');
  return reader;
}

/** Whether reading `text` may need the HTML table reader. */
export function mayHoldHtmlTable(text: string | Uint8Array): boolean {
  const s = typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('latin1');
  return /<table\b/i.test(s);
}
