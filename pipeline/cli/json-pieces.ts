/**
 * JSON.stringify(value, null, indent), handed to `write` in pieces: the top levels of objects and
 * arrays are written here, member by member, and what lies below them by JSON.stringify. The text
 * is the same. What changes is that no string of the whole is made: V8 builds a long JSON.stringify
 * result as a rope, which must be copied flat before it can be encoded, about 5 ms for the 4 MB
 * that `errcat rows` prints for a 5,500-row page. Only arrays and plain objects are walked;
 * anything else (a Date, a class instance, a boxed string) is left to JSON.stringify whole.
 */

/** Levels written here: a rows document, its tables, a table; its rows go to JSON.stringify in batches. */
const WALKED_LEVELS = 3;
/** Elements of an array stringified at once: pieces of tens of kilobytes, which V8 copies flat cheaply. */
const BATCH = 64;

/**
 * `release`: the caller no longer needs `value`, so the elements of a long array are dropped from
 * it once written and can be collected while the rest is written (the collector then copies fewer
 * live objects; ~1 ms of printing a 5,500-row page).
 */
export function writeJsonPieces(value: unknown, indent: 0 | 2, write: (piece: string) => void, options: { release?: boolean } = {}): void {
  writeValue(value, indent === 0 ? '' : '\n', ' '.repeat(indent), 0, write, options.release ?? false);
}

/** `newline` is what starts a member's line at this level: a line break and the indentation, or nothing. */
function writeValue(value: unknown, newline: string, unit: string, level: number, write: (piece: string) => void, release: boolean): void {
  if (level >= WALKED_LEVELS || !isWalked(value)) {
    if (value === null || typeof value !== 'object' || level === 0 || unit === '') {
      const text = JSON.stringify(value, null, unit);
      if (text !== undefined) write(text);
      return;
    }
    // An object below the top: stringified at this depth, inside its frame (see nest), and cut out.
    const frame = framing(level, unit);
    const text = JSON.stringify(nest(value, level), null, unit);
    write(text.slice(frame.start, text.length - frame.after));
    return;
  }
  const inner = newline === '' ? '' : newline + unit;
  const colon = unit === '' ? ':' : ': ';
  if (Array.isArray(value)) {
    if (value.length === 0) return write('[]');
    // A long array (a table's rows) by batches. Each batch is stringified inside `level` one-element
    // arrays, so JSON.stringify indents it for this depth itself, and cut out of that frame: where a
    // lone 0 sits in the same frame says where the elements start and end.
    const frame = framing(level + 1, unit);
    const start = frame.start - inner.length;
    write('[');
    for (let from = 0; from < value.length; from += BATCH) {
      const text = JSON.stringify(nest(value.slice(from, from + BATCH), level), null, unit);
      if (release) value.fill(undefined, from, from + BATCH);
      if (from > 0) write(','); // apart: joined to the piece, the piece would be copied once more
      write(text.slice(start, text.length - frame.after));
    }
    write(`${newline}]`);
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member: unknown = (value as Record<string, unknown>)[key];
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    write(`${first ? '{' : ','}${inner}${JSON.stringify(key)}${colon}`);
    first = false;
    writeValue(member, inner, unit, level + 1, write, release);
  }
  write(first ? '{}' : `${newline}}`);
}

/** An array, or a plain object without toJSON: what this walk writes as JSON.stringify would. */
function isWalked(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** `value` inside `depth` one-element arrays: JSON.stringify then indents it as at that depth. */
function nest(value: unknown, depth: number): unknown {
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Where a value nested `depth` deep starts in JSON.stringify's text, and how much follows it. */
function framing(depth: number, unit: string): { start: number; after: number } {
  const frame = JSON.stringify(nest(0, depth), null, unit);
  const at = frame.indexOf('0');
  return { start: at, after: frame.length - at - 1 };
}
