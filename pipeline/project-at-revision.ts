/**
 * A project's catalogs as of a git revision (errcat diff --base, version, check --base): its own
 * module, so the commands that read only the working tree never load git's process spawning.
 */
import { basename, join, relative, sep } from 'node:path';
import { ErrcatError } from './errors';
import { RevisionReader } from './git';
import { listedCatalog, loadProjectSettings, settingsPath, type Project, type Workspace } from './project';
import { catalogsInTree, type CatalogSpec, type FileTree } from './sources';

/** The workspace's catalogs as of a git revision (errcat diff --base, version, check --base). */
export function workspaceSpecsAt(workspace: Workspace, rev: string, note?: (text: string) => void): CatalogSpec[] {
  const reader = new RevisionReader(rev);
  if (workspace.sourcesDir !== undefined) return sourcesAt(reader, workspace.sourcesDir);
  if (workspace.project === null) throw new ErrcatError(workspace.root, 0, 'no errcat project here to compare with a revision');
  return projectCatalogsAt(workspace.project, reader, note);
}

/**
 * The project's catalogs as of a git revision of the project's repository: the settings file as
 * committed then, each page read at the revision. A page the revision does not have is left out; a
 * catalog none of whose pages it has did not exist then. A page in another repository (a sibling
 * checkout) has no state at this revision — the same name means another point in time there — so
 * it is read as it is now, and `note` says so: it shows no change.
 */
function projectCatalogsAt(project: Project, reader: RevisionReader, note: (text: string) => void = () => {}): CatalogSpec[] {
  const home = reader.repositoryRoot(project.root);
  const show = (path: string) => `${reader.rev}:${path}`;
  let settings = project.settings;
  let settingsMissing = false;
  if (project.settingsFile !== null) {
    const blob = reader.read(join(project.root, project.settingsFile), project.settingsFile);
    settingsMissing = blob.kind === 'missing';
    settings = blob.kind === 'missing' ? {} : loadProjectSettings(project.settingsFile, show(project.settingsFile), new TextDecoder().decode(blob.bytes));
  }
  const specs: CatalogSpec[] = [];
  for (const catalog of settings.catalogs ?? []) {
    const spec = listedCatalog({ ...project, settings }, catalog);
    spec.pages = spec.pages.flatMap((page) => {
      if (home === null || reader.repositoryRoot(join(project.root, page.file)) !== home) {
        note(`${page.file} is not in the git repository of ${project.settingsFile ?? 'the project'}${home ? ` (${basename(home)})` : ''}, so it cannot be read as of ${reader.rev}; it is compared as it is now`);
        return [{ lang: page.lang, file: page.file }];
      }
      const blob = reader.read(join(project.root, page.file), page.file);
      return blob.kind === 'missing' ? [] : [{ lang: page.lang, file: show(page.file), bytes: blob.bytes }];
    });
    if (spec.pages.length > 0) specs.push(spec);
  }
  const sourcesDir = settings.sources ?? (settings.catalogs === undefined ? 'sources' : undefined);
  if (sourcesDir !== undefined) specs.push(...sourcesAt(reader, settingsPath(sourcesDir)));
  // Said, not refused: a project set up since REV is new. But one moved since then compares with
  // nothing, and a breaking change would pass unseen, so the note says where it looked. (A project
  // that had a sources/ folder at REV, before its errcat.json, is compared with that.)
  if (settingsMissing && specs.length === 0) {
    const where = home === null ? '' : ` (looked for as ${reader.rev}:${relative(home, join(project.root, project.settingsFile!)).split(sep).join('/')})`;
    note(`${project.settingsFile} did not exist at ${reader.rev}${where}, and no catalog was found there, so every catalog is compared as new; if the project moved since, compare its old pages with errcat diff OLD NEW`);
  }
  return specs;
}

/** A folder of catalog folders (relative to the current folder) as of the revision; none when it did not exist. */
function sourcesAt(reader: RevisionReader, dir: string): CatalogSpec[] {
  const files = reader.list(dir, dir);
  if (files === null || files.length === 0) return [];
  const show = (path: string) => `${reader.rev}:${path}`;
  const tree: FileTree = {
    label: show(dir),
    files,
    display: (path) => show(`${dir}/${path}`),
    read: (path) => {
      const blob = reader.read(`${dir}/${path}`, `${dir}/${path}`);
      if (blob.kind === 'missing') throw new ErrcatError(show(`${dir}/${path}`), 0, 'not a file at this revision');
      return blob.bytes;
    },
  };
  return catalogsInTree(tree, false);
}
