/**
 * Whether parsed JSON is an object (`{…}`): not null, not an array. Every file errcat reads as JSON
 * (settings, a built catalog) is checked with it before its keys are read.
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
