/**
 * The one error type that escapes errcat's stages. It always names where the problem is
 * (file and 1-based line; line 0 when the problem is the file as a whole) so the CLI can print
 * `file:line: message` and exit 2.
 */
export class ErrcatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'ErrcatError';
  }

  /** `file:line: message`, or `file: message` when no line applies. */
  format(): string {
    return this.line > 0 ? `${this.file}:${this.line}: ${this.message}` : `${this.file}: ${this.message}`;
  }
}

export function isErrcatError(error: unknown): error is ErrcatError {
  return error instanceof ErrcatError;
}
