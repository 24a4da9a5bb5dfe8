import { isErrcatError } from '../errors';
import type { RowsDocument } from '../generated/rows';
import type { PageFormat } from '../read';
import { prepareReaders, readPage } from '../read';
import { UsageError, oneOf, parseCommandArgs } from './args';
import { writeStdout, writeStderr } from './stdio';

export const rowsHelp = `Usage: errcat rows [--format md|rst] [--lang LANG] FILE...

Prints the tables read from each page as JSON: one indented document for one file,
one document per line (JSON Lines) for several.

  {"file", "lang", "tables": [{"line", "section", "caption", "headerRows",
    "rows": [{"line", "cells": [{"text", "rowSpan", "colSpan"}]}]}], "notes"?}

A spanning cell appears once, in the row where it starts. "notes" lists repairs made the
way the reference renderer makes them (a short pipe-table row padded with empty cells).

Options:
  --format md|rst  read every FILE in this format (default: by extension; .txt is sniffed)
  --lang LANG      language to report (default: the file name, zh.md → zh)
  -h, --help       show this help

Exit status: 0 when every page was read; 2 when a page is missing, not UTF-8, or holds
a malformed table (reported as file:line: message on stderr).
`;

export async function runRows(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' }, lang: { type: 'string' } });
  if (values.help) {
    writeStdout(rowsHelp);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('rows needs at least one FILE');
  const format = values.format === undefined ? undefined : oneOf<PageFormat>('--format', values.format, ['md', 'rst'], 'md');
  await prepareReaders(positionals);
  let failed = false;
  for (const file of positionals) {
    let doc: RowsDocument;
    try {
      doc = readPage(file, { format, lang: values.lang });
    } catch (error) {
      if (!isErrcatError(error)) throw error;
      writeStderr(`${error.format()}\n`);
      failed = true;
      continue;
    }
    // One indented document, or one document per line.
    writeStdout(`${positionals.length === 1 ? JSON.stringify(doc, null, 2) : JSON.stringify(doc)}\n`);
  }
  return failed ? 2 : 0;
}
