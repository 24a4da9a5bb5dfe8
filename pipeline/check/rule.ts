/**
 * A divergence rule: a named check with an id, a default severity and a message template, like
 * oasdiff's checks. Rules see the merged catalog and every located row; they return findings, and
 * the check stage turns findings into divergences (severity overrides, fingerprints, order).
 */
import type { ResolvedConfig } from '../config';
import type { Severity } from '../generated/divergences';
import { sharedRows as rowsSharedBy, type Merged } from '../merge';
import type { SourceRow, UnmappedColumn } from '../normalize';

export type { Severity };

export interface RuleContext {
  merged: Merged;
  rows: SourceRow[];
  /** Columns of error-code tables that map to no field (their cells are kept as extra). */
  unmapped: UnmappedColumn[];
  languages: string[];
  config: ResolvedConfig;
}

export interface Finding {
  errorCode?: string;
  /** Values for the rule's message template. */
  params: Record<string, string>;
  rows: SourceRow[];
  texts?: Record<string, string>;
  /** The finding's own severity when the rule grades its findings (duplicate-code: identical rows are info). */
  severity?: Severity;
  /** What, besides rule and code, makes this finding the same one next time (languages, field, text). */
  identity: string[];
  /** Whether the finding's rows are left out of the catalog (they count as reported, not merged). */
  excludesRows?: boolean;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line for the README and the report: what the rule finds. */
  summary: string;
  /** `{name}` placeholders are filled from a finding's params. */
  template: string;
  check(context: RuleContext): Finding[];
}

export function render(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

/** Each variant of a code as its rows, in catalog language order (a language without the variant is absent). */
export function variantRows(context: RuleContext, code: string): SourceRow[][] {
  // Every rule asks for every code's variants: made once per check run.
  let byCode = variantRowsMade.get(context);
  if (!byCode) variantRowsMade.set(context, (byCode = new Map()));
  let rows = byCode.get(code);
  if (!rows) byCode.set(code, (rows = context.merged.variants.get(code)!.map((variant) => context.languages.filter((l) => variant.has(l)).map((l) => variant.get(l)!))));
  return rows;
}

const variantRowsMade = new WeakMap<RuleContext, Map<string, SourceRow[][]>>();

/** Rows of a code that several of its variants hold: one row standing for several rows of another language (variant-group). */
export function sharedRows(context: RuleContext, code: string): ReadonlySet<SourceRow> {
  // Asked once per variant by the message rules: made once per code and check run.
  let byCode = sharedRowsMade.get(context);
  if (!byCode) sharedRowsMade.set(context, (byCode = new Map()));
  let shared = byCode.get(code);
  if (!shared) byCode.set(code, (shared = rowsSharedBy(context.merged.variants.get(code)!)));
  return shared;
}

const sharedRowsMade = new WeakMap<RuleContext, Map<string, Set<SourceRow>>>();

/**
 * The code a row stands under in the catalog, or undefined for a row left out (no code, or a cell
 * that is no code): a finding on such a row names no entry, as empty-field's and invalid-code's do.
 */
export function catalogCode(context: RuleContext, row: SourceRow): string | undefined {
  let leftOut = leftOutMade.get(context);
  if (!leftOut) leftOutMade.set(context, (leftOut = new Set(context.merged.unmergeable)));
  const code = row.values.errorCode ?? '';
  return code !== '' && !leftOut.has(row) ? code : undefined;
}

const leftOutMade = new WeakMap<RuleContext, Set<SourceRow>>();

/** The first row of each language for a code, in catalog language order. */
export function firstRows(context: RuleContext, code: string): SourceRow[] {
  const langs = context.merged.byCode.get(code)!;
  return context.languages.filter((l) => langs.has(l)).map((l) => langs.get(l)![0]!);
}
