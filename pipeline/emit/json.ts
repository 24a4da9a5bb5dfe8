/** JSON artifacts: two-space indent, keys in schema order, LF, a final newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
