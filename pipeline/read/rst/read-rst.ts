import type { SourceTable } from '../../generated/rows';
import type { SourceText } from '../source';
import { parseBody, type ParseContext } from './body';
import { pageLines } from './lines';

const REPLACE_DEF = /^\s*\.\. +\|([^|]+)\| +replace:: +(.*)$/;

/** Reads every grid and simple table of a reStructuredText page, with docutils' cell text. */
export function readRst(source: SourceText): SourceTable[] {
  const block = pageLines(source.text);
  const substitutions = new Map<string, string>();
  for (const line of block.text) {
    const m = REPLACE_DEF.exec(line);
    if (m) substitutions.set(m[1]!.trim(), m[2]!.trim());
  }
  const ctx: ParseContext = { file: source.file, substitutions, tables: [], section: null };
  parseBody(block, ctx, true);
  return ctx.tables;
}
