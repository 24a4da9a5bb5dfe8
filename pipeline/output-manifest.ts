/**
 * Which output folders errcat may replace. errcat replaces its output folder whole, so it must know
 * the folder is its own: it writes a manifest into it (.errcat-output, listing every file it wrote)
 * and builds only into a folder that does not exist, is empty, or holds nothing but its manifest
 * and the files listed there. Anything else — a folder without the manifest (`--out docs`,
 * `--out "$PWD"`), a file not listed, a symbolic link or a device — is refused with exit 2, so no
 * file errcat did not write is ever deleted or replaced.
 */
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ErrcatError } from './errors';
import { kindOf, readOwnFile, unsafeSegmentReason } from './files';

/** The manifest's name inside the output folder (a dot file: `dist/*\/` loops do not see it). */
export const MANIFEST_NAME = '.errcat-output';

/** The most bytes a manifest may hold: a few hundred thousand catalogs' files. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

const HEADER = [
  '# errcat output: this folder is written by `errcat build`, which replaces it whole on each build.',
  '# errcat builds only into a new or empty folder or one holding just the files listed below, and',
  '# never deletes or replaces a file it did not write. To start over, delete the folder.',
];

/** The manifest's text for these output paths (`/`-separated, relative to the folder): sorted, one a line. */
export function manifestText(paths: Iterable<string>): string {
  const sorted = [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${[...HEADER, ...sorted].join('\n')}\n`;
}

/** The paths a manifest lists; an ErrcatError (file and line) when it is not one errcat wrote. */
export function parseManifest(file: string, text: string): Set<string> {
  const lines = text.split('\n');
  if (!lines[0]?.startsWith('# errcat output')) throw new ErrcatError(file, 1, 'not an errcat output manifest; expected a first line starting "# errcat output"');
  const paths = new Set<string>();
  lines.forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const bad = line.split('/').map((segment) => [segment, unsafeSegmentReason(segment)] as const).find(([, why]) => why !== null);
    if (bad) throw new ErrcatError(file, i + 1, `not a path errcat writes: segment ${JSON.stringify(bad[0])} ${bad[1]}`);
    paths.add(line);
  });
  return paths;
}

/** What is at an output folder: nothing, an empty folder, or errcat's own output with its files. */
export type OutputState = { kind: 'absent' } | { kind: 'empty' } | { kind: 'owned'; files: Set<string> };

/**
 * Whether errcat may replace `outDir`, and which files it holds (every one listed in its
 * manifest). Throws an ErrcatError naming the first thing errcat did not write. `artifactPaths`
 * (what this build writes) only shape the hint for a folder an older errcat wrote without a manifest.
 * `shallow` only checks that the folder is absent, empty or holds a manifest (its files then unread).
 */
export function inspectOutput(outDir: string, artifactPaths: Iterable<string>, { shallow = false } = {}): OutputState {
  const stats = lstatSync(outDir, { throwIfNoEntry: false });
  if (stats === undefined) return { kind: 'absent' };
  if (stats.isSymbolicLink()) {
    throw new ErrcatError(outDir, 0, `is a symbolic link (to ${JSON.stringify(readlinkSync(outDir))}); errcat replaces its output folder whole and follows no link to one: pass the folder itself with --out`);
  }
  if (!stats.isDirectory()) throw new ErrcatError(outDir, 0, `is ${kindOf(stats)}, expected an output folder; choose another with --out`);
  const names = readdirSync(outDir);
  if (names.length === 0) return { kind: 'empty' };
  const manifestFile = join(outDir, MANIFEST_NAME);
  const manifestBytes = names.includes(MANIFEST_NAME) ? readOwnFile(manifestFile, { limit: MAX_MANIFEST_BYTES, what: 'an errcat output manifest' }) : null;
  if (manifestBytes === null) {
    const older = looksLikeOlderOutput(outDir, artifactPaths)
      ? '. It holds only files named as errcat names its outputs, so an errcat that did not yet mark its folders may have written it: if so, delete it and build again'
      : '';
    throw new ErrcatError(
      outDir,
      0,
      `exists and was not written by errcat (it holds no ${MANIFEST_NAME}); errcat replaces its output folder whole, so it builds only into a new or empty folder or one it wrote: choose another with --out${older}`,
    );
  }
  // Shallow: the folder is errcat's by its manifest; what else it holds is looked at later.
  if (shallow) return { kind: 'owned', files: new Set() };
  const listed = parseManifest(manifestFile, manifestBytes.toString('utf8'));
  const folders = new Set<string>();
  for (const path of listed) for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) folders.add(path.slice(0, i));
  const files = new Set<string>();
  const foreign = (path: string, what: string) =>
    new ErrcatError(join(outDir, path), 0, `${what}; errcat never deletes or replaces what it did not write: move it out of ${outDir}, or build into another folder with --out`);
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (path === MANIFEST_NAME) continue;
      if (entry.isSymbolicLink()) throw foreign(path, `is a symbolic link (to ${JSON.stringify(readlinkSync(join(dir, entry.name)))}), and errcat writes no links`);
      if (entry.isDirectory()) {
        if (!folders.has(path)) throw foreign(path, `is a folder errcat did not write (no file in it is listed in ${MANIFEST_NAME})`);
        walk(join(dir, entry.name), `${path}/`);
      } else if (entry.isFile()) {
        if (!listed.has(path)) throw foreign(path, `was not written by errcat (${MANIFEST_NAME} does not list it)`);
        files.add(path);
      } else {
        throw foreign(path, `is ${kindOf(lstatSync(join(dir, entry.name)))}, which errcat never writes`);
      }
    }
  };
  walk(outDir, '');
  return { kind: 'owned', files };
}

/**
 * Whether every file in `outDir` has a name errcat gives its outputs: a top-level one this build
 * writes (catalog.schema.json), or `<folder>/<name>` as in a catalog's folder. Links mean no.
 */
function looksLikeOlderOutput(outDir: string, artifactPaths: Iterable<string>): boolean {
  const top = new Set<string>();
  const inner = new Set<string>();
  for (const path of artifactPaths) {
    const slash = path.indexOf('/');
    if (slash < 0) top.add(path);
    else inner.add(path.slice(slash + 1));
  }
  let files = 0;
  const walk = (dir: string, prefix: string): boolean => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        if (prefix !== '' || !walk(join(dir, entry.name), `${path}/`)) return false;
      } else if (!entry.isFile()) return false;
      else if (prefix === '' ? !top.has(path) : !inner.has(path.slice(path.indexOf('/') + 1))) return false;
      else files++;
    }
    return true;
  };
  return walk(outDir, '') && files > 0;
}
