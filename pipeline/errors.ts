/**
 * The one error type that escapes errcat's stages. It always names where the problem is
 * (file and 1-based line; line 0 when the problem is the file as a whole) so the CLI can print
 * `file:line: message` and exit 2.
 */
import { terminalLineStart, terminalText } from './escape';

export class ErrcatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'ErrcatError';
  }

  /**
   * `file:line: message`, or `file: message` when no line applies: one line, whatever page text the
   * file name and message quote (controls and line breaks shown escaped, see escape.ts), so an
   * error printed in a CI log starts no workflow command.
   */
  format(): string {
    const file = terminalLineStart(this.file);
    const message = terminalText(this.message);
    return this.line > 0 ? `${file}:${this.line}: ${message}` : `${file}: ${message}`;
  }
}

export function isErrcatError(error: unknown): error is ErrcatError {
  return error instanceof ErrcatError;
}
