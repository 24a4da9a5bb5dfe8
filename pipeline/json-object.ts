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
 * is not JSON is an input error on the line where the parser stopped (Node 20 gives only a position).
 */
export function parseJson(shown: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : 0;
    throw new ErrcatError(shown, line, `Invalid JSON: ${message}`);
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
