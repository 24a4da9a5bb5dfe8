import { isErrcatError } from '../../pipeline/errors';

/** The `file:line: message` an ErrcatError thrown by `run` gives; any other outcome fails the test. */
export function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isErrcatError(error)) return error.format();
    throw error;
  }
  throw new Error('no error');
}
