/**
 * A catalog's accepted divergences (sources/<catalog>/baseline.json; its shape is
 * schema/baseline.schema.json). `errcat check` fails only on divergences that are not accepted, and
 * lists accepted ones that no longer occur so the baseline shrinks as the docs are fixed. Entries are
 * matched by fingerprint, which survives line moves.
 */
import { ErrcatError } from './errors';
import { MAX_SETTINGS_BYTES, readRegularFileIfPresent, writeFileNoFollow } from './files';
import type { Baseline, BaselineEntry } from './generated/baseline';
import type { Divergence } from './generated/divergences';
import { toJson } from './emit/json';
import { isJsonObject, parseJson, unknownKeyMessage } from './json-object';
import baselineSchema from '../schema/baseline.schema.json';

export type { Baseline, BaselineEntry };

/** An entry as read from its file, with the line of its fingerprint (0 where it cannot be told). */
export interface ReadBaselineEntry extends BaselineEntry {
  line: number;
}

export interface ReadBaseline extends Baseline {
  accepted: ReadBaselineEntry[];
}

// The keys are the schema's: it is the one definition of the file's shape (every entry key a string).
const BASELINE_KEYS = Object.keys(baselineSchema.properties);
const ENTRY_KEYS = Object.keys(baselineSchema.$defs.BaselineEntry.properties);
const ENTRY_REQUIRED: readonly string[] = baselineSchema.$defs.BaselineEntry.required;
const SHAPE = '{"catalog", "accepted": [{"fingerprint", "rule", "message"}, …]}';

/**
 * A missing baseline accepts nothing; one that is not a regular file of at most 1 MiB, not JSON, or
 * not of the baseline's shape is an input error naming the file, the entry's line and the key.
 */
export function loadBaseline(path: string | null, catalog: string): ReadBaseline {
  const bytes = path === null ? null : readRegularFileIfPresent(path, { limit: MAX_SETTINGS_BYTES, what: 'a baseline' });
  if (path === null || bytes === null) return { catalog, accepted: [] };
  const text = bytes.toString('utf8');
  const data = parseJson(path, text);
  if (!isJsonObject(data)) throw new ErrcatError(path, 0, `expected a baseline, ${SHAPE}; found ${jsonKind(data)} (errcat check --update-baseline writes one)`);
  for (const key of Object.keys(data)) if (!BASELINE_KEYS.includes(key)) throw new ErrcatError(path, 0, unknownKey(key, BASELINE_KEYS, ''));
  if (data.catalog !== undefined && typeof data.catalog !== 'string') throw new ErrcatError(path, 0, `"catalog" must be a string; found ${jsonKind(data.catalog)}`);
  if (!Array.isArray(data.accepted)) throw new ErrcatError(path, 0, `"accepted" must be an array of {"fingerprint", "rule", "message"}; found ${jsonKind(data.accepted)}`);
  const lines = entryLines(text, data.accepted);
  const accepted = data.accepted.map((entry: unknown, i): ReadBaselineEntry => {
    const at = `accepted[${i}]`;
    const fail = (why: string) => new ErrcatError(path, lines[i]!, why);
    if (!isJsonObject(entry)) throw fail(`"${at}" must be an object {"fingerprint", "rule", "message"}; found ${jsonKind(entry)}`);
    for (const key of Object.keys(entry)) if (!ENTRY_KEYS.includes(key)) throw fail(unknownKey(key, ENTRY_KEYS, `${at}.`));
    for (const key of ENTRY_KEYS) {
      if (entry[key] === undefined && !ENTRY_REQUIRED.includes(key)) continue;
      if (typeof entry[key] !== 'string') throw fail(`"${at}.${key}" must be a string; found ${jsonKind(entry[key])}`);
    }
    return { ...(entry as unknown as BaselineEntry), line: lines[i]! };
  });
  return { ...(data.catalog !== undefined ? { catalog: data.catalog as string } : {}), accepted };
}

/**
 * The line of each entry's fingerprint in `text`: the fingerprint as JSON writes it, searched for in
 * the entries' order, each after the one before. 0 for an entry whose fingerprint is no string or is
 * written otherwise (escaped by hand).
 */
function entryLines(text: string, accepted: unknown[]): number[] {
  let from = 0;
  let line = 1;
  let counted = 0;
  return accepted.map((entry) => {
    const fingerprint = isJsonObject(entry) && typeof entry.fingerprint === 'string' ? entry.fingerprint : null;
    if (fingerprint === null) return 0;
    const at = text.indexOf(JSON.stringify(fingerprint), from);
    if (at < 0) return 0;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
    counted = at;
    from = at + 1;
    return line;
  });
}

const unknownKey = (key: string, known: string[], where: string) => unknownKeyMessage('key', key, known, where);

function jsonKind(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value);
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown}`;
}

export function baselineFrom(catalog: string, divergences: Divergence[]): Baseline {
  return {
    catalog,
    accepted: divergences.map((d) => ({
      fingerprint: d.fingerprint,
      rule: d.rule,
      ...(d.errorCode !== undefined ? { errorCode: d.errorCode } : {}),
      message: d.message,
    })),
  };
}

/**
 * Replaces the baseline file; a symbolic link there is refused, never written through (see
 * writeFileNoFollow). With `within` (the sources folder), the folders below it must be real ones.
 */
export function saveBaseline(path: string, baseline: Baseline, within?: string): void {
  writeFileNoFollow(path, toJson(baseline), within === undefined ? {} : { within });
}
