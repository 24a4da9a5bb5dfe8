/**
 * Stage 1, read: a page on disk → the tables on it, each cell located. The format comes from the
 * file extension (`.txt` is sniffed); the language from the file name (`zh.md` → zh).
 */
import { basename, dirname, extname } from 'node:path';
import { ErrcatError } from '../errors';
import { MAX_PAGE_BYTES, readRegularFile } from '../files';
import type { RowsDocument } from '../generated/rows';
import { loadHtmlReader, mayHoldHtmlTable } from './markdown/html-reader';
import { readMarkdown } from './markdown/read-markdown';
import { readRst } from './rst/read-rst';
import { decodeSource, readSource, type SourceText } from './source';

export type PageFormat = 'md' | 'rst';

export interface ReadOptions {
  format?: PageFormat;
  lang?: string;
}

/** A language as errcat names pages: `zh`, `en`, `pt-BR` (the schema's Language pattern). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

/** zh.md → zh; a corpus path like `vpc/zh/2021-….md` → zh (its folder); otherwise `und`. */
export function languageOf(file: string): string {
  const name = basename(file, extname(file));
  if (LANGUAGE_TAG.test(name)) return name;
  const folder = basename(dirname(file));
  return LANGUAGE_TAG.test(folder) ? folder : 'und';
}

export function formatOf(source: SourceText, explicit?: PageFormat): PageFormat {
  if (explicit) return explicit;
  const ext = extname(source.file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.rst') return 'rst';
  return sniffFormat(source);
}

/** Decides between Markdown and RST by the constructs each page kind uses; refuses to guess on a tie. */
export function sniffFormat(source: SourceText): PageFormat {
  const text = source.text;
  let rst = 0;
  let md = 0;
  if (/^\s*\+-[-+]*-\+\s*$/m.test(text)) rst += 2;
  if (/^\s*=+( +=+)+\s*$/m.test(text)) rst += 1;
  if (/^\.\. [\w-]+::/m.test(text)) rst += 2;
  if (/^\.\. _[^:]+:\s*$/m.test(text)) rst += 1;
  if (/^\s*\|?\s*:?-{2,}:?\s*\|/m.test(text)) md += 2;
  if (/<table\b/i.test(text)) md += 2;
  if (/^#{1,6} \S/m.test(text)) md += 1;
  if (/^```/m.test(text)) md += 1;
  if (rst > md) return 'rst';
  if (md > rst) return 'md';
  throw new ErrcatError(source.file, 0, 'Cannot tell whether this page is Markdown or reStructuredText; name it .md or .rst, or pass --format md|rst');
}

export function readPageText(source: SourceText, options: ReadOptions = {}): RowsDocument {
  const lang = options.lang ?? languageOf(source.file);
  const { tables, notes } = formatOf(source, options.format) === 'rst' ? readRst(source) : readMarkdown(source);
  const doc: RowsDocument = { file: source.file, lang, tables };
  if (notes.length > 0) doc.notes = notes;
  return doc;
}

/** Reads one page from disk (errors: {@link ErrcatError} with file and line). */
export function readPage(file: string, options: ReadOptions = {}): RowsDocument {
  return readPageText(readSource(file), options);
}

/** Reads a page given as bytes (e.g. from git) under the name `file`. */
export function readPageBytes(file: string, bytes: Uint8Array, options: ReadOptions = {}): RowsDocument {
  return readPageText(decodeSource(file, bytes), options);
}

/**
 * Loads what reading these pages needs beyond the core (the HTML table reader, when a page has
 * `<table`). Pages are paths (read from disk) or bytes. Call before reading; cheap to call again.
 */
export async function prepareReaders(pages: Array<string | Uint8Array>): Promise<void> {
  for (const page of pages) {
    let content: string | Uint8Array;
    if (typeof page === 'string') {
      try {
        content = readRegularFile(page, { limit: MAX_PAGE_BYTES, what: 'a page' });
      } catch {
        continue; // reading will report it
      }
    } else content = page;
    if (mayHoldHtmlTable(content)) {
      await loadHtmlReader();
      return;
    }
  }
}
