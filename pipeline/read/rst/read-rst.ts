import type { SourceTable } from '../../generated/rows';
import type { SourceText } from '../source';
import { ADORNMENT, parseBody, type ParseContext } from './body';
import { normalizeName, type PageRefs } from './inline';
import { pageLines } from './lines';

const REPLACE_DEF = /^\s*\.\. +\|([^|]+)\| +replace:: +(.*)$/;
const TARGET_DEF = /^\s*\.\. +_(`[^`]+`|[^:]+):(?: |$)/;
const ANONYMOUS_DEF = /^\s*(?:\.\. +__:|__ )/;

/** Reads every grid and simple table of a reStructuredText page, with docutils' cell text. */
export function readRst(source: SourceText): { tables: SourceTable[]; notes: ParseContext['notes'] } {
  const block = pageLines(source.text);
  const ctx: ParseContext = { file: source.file, refs: pageRefs(block.text), tables: [], section: null, notes: [] };
  parseBody(block, ctx, true);
  return { tables: ctx.tables, notes: ctx.notes };
}

/** Substitutions and link targets defined anywhere on the page (references may precede them). */
function pageRefs(lines: string[]): PageRefs {
  const substitutions = new Map<string, string>();
  const targets = new Set<string>();
  let anonymousTargets = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let m: RegExpExecArray | null;
    if ((m = REPLACE_DEF.exec(line))) substitutions.set(m[1]!.trim(), m[2]!.trim());
    else if ((m = TARGET_DEF.exec(line))) targets.add(normalizeName(m[1]!.replace(/^`|`$/g, '')));
    else if (ANONYMOUS_DEF.test(line)) anonymousTargets = true;
    // Section titles are implicit targets.
    const next = lines[i + 1];
    if (line.trim() && next && ADORNMENT.test(next) && next.length >= 4 && !ADORNMENT.test(line)) targets.add(normalizeName(line));
  }
  return { substitutions, targets, anonymousTargets };
}
