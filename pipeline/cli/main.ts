/**
 * The errcat command line: a thin layer over the pipeline stages. Each command lives in its own
 * module and is imported only when run, so `errcat rows` does not load the emitters.
 */
import { isErrcatError } from '../errors';
import { UsageError } from './args';
import { writeStdout, writeStderr } from './stdio';

/** For the launcher (pipeline/bin/errcat.cjs): its internal-error message, and waiting for output before exit. */
export { flushOutput, onStreamError, writeStderr } from './stdio';

export const mainHelp = `Usage: errcat <command> [options]

Compiles the error-code tables of documentation pages (Markdown and reStructuredText,
one page per language) into one bilingual catalog, reports where the languages disagree,
and emits JSON, TypeScript, CSV, a JSON Schema, a review page (index.html) and an npm
package per catalog.

Commands:
  init             add a catalog (its pages, where they live) to the project's errcat.json
  build            compile the project's catalogs into its output folder (default dist/)
  check            verify dist/ is up to date and divergences are accepted
  lookup CODE      print one catalog entry
  diff OLD NEW     report what changed between two versions of the docs
  version          the package version the changes since a revision call for
  rows FILE...     print the tables read from pages, as JSON

A project is the nearest folder at or above the current one with an errcat.json (or a
sources/ folder: sources/<catalog>/<lang>.md|.rst); every command works from any folder
of it, and every path it shows is relative to the project's root.

Run errcat <command> --help (or errcat help <command>) for a command's options;
errcat --version prints errcat's version.

Exit status: 0 ok; 1 a check or diff threshold failed; 2 usage or input error;
3 internal error (a bug, or the disk refused a write).
`;

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./init')).runInit,
  rows: async () => (await import('./rows')).runRows,
  build: async () => (await import('./build')).runBuild,
  check: async () => (await import('./check')).runCheck,
  lookup: async () => (await import('./lookup')).runLookup,
  diff: async () => (await import('./diff')).runDiff,
  version: async () => (await import('./version')).runVersion,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest[0] !== undefined && Object.hasOwn(commands, rest[0])) return main([rest[0], '--help']);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    writeStdout(mainHelp);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    writeStdout(`${ERRCAT_VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    writeStderr(`errcat: unknown command "${name}"; expected one of ${Object.keys(commands).join(', ')}\n`);
    return 2;
  }
  try {
    return await (await load())(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      writeStderr(`errcat ${name}: ${error.message}\nRun errcat ${name} --help for usage.\n`);
      return 2;
    }
    if (isErrcatError(error)) {
      writeStderr(`${error.format()}\n`);
      return 2;
    }
    throw error;
  }
}

declare const ERRCAT_VERSION: string;
