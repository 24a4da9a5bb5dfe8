import { ErrcatError } from './errors';
import { closest } from './language';

/**
 * Whether parsed JSON is an object (`{…}`): not null, not an array. Every file errcat reads as JSON
 * (settings, a baseline, a built catalog) is checked with it before its keys are read.
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The parsed text of a JSON file errcat reads (`shown` as the reader should see its name); text that
 * is not JSON is an input error on the line where the parser stopped.
 */
export function parseJson(shown: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new ErrcatError(shown, text.slice(0, errorOffset(text, message)).split('\n').length, `Invalid JSON: ${message}`);
  }
}

/**
 * Where JSON.parse stopped in `text`. V8 names a position for most errors but none for an unexpected
 * token (`[,`, a stray `'`), so then: the end of the shortest prefix of the text that fails other
 * than by running out (see {@link failsBeforeEnd}). Prefixes before the bad character only run out,
 * every longer one reaches it, so a binary search finds it in a few parses. Run only on a bad file.
 */
function errorOffset(text: string, message: string): number {
  const position = AT_POSITION.exec(message);
  if (position) return Number(position[1]);
  if (message.includes('end of JSON input')) return text.length;
  let fine = 0;
  let failing = text.length;
  while (failing - fine > 1) {
    const middle = (fine + failing) >>> 1;
    if (failsBeforeEnd(text.slice(0, middle))) failing = middle;
    else fine = middle;
  }
  return failing - 1;
}

/** V8's own position, at the end of its message: the text it quotes from the file may say "at position" too. */
const AT_POSITION = /JSON at position (\d+)(?: \(line \d+ column \d+\))?$/;

/** Whether `prefix` is not JSON for a reason within it: not the end of input, not an error at its very end. */
function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    if (message.includes('end of JSON input')) return false;
    const position = AT_POSITION.exec(message);
    return position === null || Number(position[1]) < prefix.length;
  }
}

/**
 * A key a JSON file errcat reads may not hold (`noun`: "setting", "key"), at `where` (`catalogs[0].`),
 * with the nearest known key as a guess.
 */
export function unknownKeyMessage(noun: string, key: string, known: readonly string[], where: string): string {
  const guess = closest(key, known);
  return `unknown ${noun} "${where}${key}"${guess ? ` (did you mean "${where}${guess}"?)` : ''}; expected one of ${known.join(', ')}`;
}
