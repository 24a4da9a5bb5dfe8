import { baselineFrom, loadBaseline, saveBaseline, type ReadBaselineEntry } from '../baseline';
import { describeStatus, versionStatus } from '../versioning';
import { SEVERITY_RANK } from '../check';
import { sharedArtifacts } from '../compile';
import { annotation } from '../emit/github';
import { terminalJson, terminalText } from '../escape';
import type { Divergence, Severity } from '../generated/divergences';
import { isErrcatError } from '../errors';
import { compareArtifacts, type OutputDifference } from '../output';
import { inspectOutput } from '../output-manifest';
import { oneOf, parseCommandArgs, UsageError } from './args';
import { writeStderr, writeStdout } from './stdio';
import { catalogOptionHelp, catalogOptionSpec, compileAll, noteOnStderr, openWorkspace } from './catalogs';
import { repositoryPaths } from '../git';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { projectPath } from '../project';
import { sarifLog } from '../emit/sarif';
import { CHECK_SARIF_RULES, checkFindings } from './check-sarif';

declare const ERRCAT_VERSION: string;

export const checkHelp = `Usage: errcat check [--out DIR] [--fail-on LEVEL] [--format FORMAT] [--update-baseline] [...]

Recompiles the project's catalogs in memory and fails (exit 1) when
  - DIR differs from what errcat build would write (each differing file is named), or
  - a divergence at or above LEVEL is not accepted in the catalog's baseline (the
    catalog's "baseline" in errcat.json, default baselines/<catalog>.json; in the
    sources/ layout sources/<catalog>/baseline.json).
Accepted divergences that no longer occur are listed, each at its line in the
baseline, so the baseline can shrink.

Options:
  --fail-on LEVEL     error | warning | info | never (default: error)
  --format FORMAT     text | json | github (workflow annotations with file and line)
                      | sarif (SARIF 2.1.0, e.g. for GitHub code scanning: every
                      divergence at its own level, those the baseline accepts marked
                      as suppressed; --fail-on sets only the exit status)
                      (default: text)
  --update-baseline   accept every current divergence at or above LEVEL (all of them
                      with never): rewrite each catalog's baseline, then check
  --baseline FILE     the baseline for a --source catalog (default: none)
  --base REV          also fail when a catalog changed since revision REV and its
                      package.version was not raised as far as the change requires
                      (errcat version: major, minor or patch); see errcat version --help
${catalogOptionHelp}
  -h, --help          show this help

Exit status: 0 ok; 1 the check failed; 2 usage or input error; 3 internal error.
`;

type FailOn = Severity | 'never';

interface CatalogVerdict {
  catalog: string;
  baseline: string | null;
  failing: Divergence[];
  accepted: number;
  stale: ReadBaselineEntry[];
}

export async function runCheck(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      ...catalogOptionSpec,
      'fail-on': { type: 'string' },
      format: { type: 'string' },
      'update-baseline': { type: 'boolean' },
      baseline: { type: 'string' },
      base: { type: 'string' },
    },
    false,
  );
  if (values.help) {
    writeStdout(checkHelp);
    return 0;
  }
  const failOn = oneOf<FailOn>('--fail-on', values['fail-on'], ['error', 'warning', 'info', 'never'], 'error');
  const format = oneOf('--format', values.format, ['text', 'json', 'github', 'sarif'] as const, 'text');
  if (values.baseline && !values.source?.length) throw new UsageError('--baseline goes with --source; a project names its baselines in its settings');
  if (values.base !== undefined && values.source?.length) throw new UsageError('--base compares the project with a revision; it does not go with --source');
  const baselineArg = values.baseline === undefined ? undefined : resolve(values.baseline);
  const workspace = openWorkspace(values, true);
  const { specs, explicit, out } = workspace;
  if (baselineArg !== undefined) specs[0]!.baselinePath = projectPath(workspace.root, baselineArg);
  const compiled = await compileAll(specs, { 'csv-bom': values['csv-bom'] ?? workspace.project?.settings.csvBom });

  const artifacts = sharedArtifacts();
  for (const c of compiled) artifacts.addAll(c.artifacts);
  const outdated = compareArtifacts(out, artifacts, explicit ? [...specs.map((s) => s.name), 'catalog.schema.json'] : undefined);
  const remedy = outdated.length > 0 ? buildRemedy(out, artifacts.keys()) : '';

  const atOrAbove = (d: Divergence) => failOn === 'never' || SEVERITY_RANK[d.severity] >= SEVERITY_RANK[failOn];
  const updates: string[] = [];
  const acceptedBy = new Map<string, Set<string>>();
  const verdicts: CatalogVerdict[] = compiled.map((c) => {
    const path = c.spec.baselinePath;
    if (values['update-baseline']) {
      if (path === null) throw new UsageError('--update-baseline with --source needs --baseline FILE');
      // What it accepted before, for the summary; a baseline that cannot be read is replaced whole anyway
      // (and a link there is refused by the write).
      let before = new Set<string>();
      try {
        before = new Set(loadBaseline(path, c.spec.name).accepted.map((e) => e.fingerprint));
      } catch {
        before = new Set();
      }
      const next = baselineFrom(c.spec.name, c.report.divergences.filter(atOrAbove));
      mkdirSync(dirname(path), { recursive: true });
      saveBaseline(path, next, explicit ? undefined : '.');
      const added = next.accepted.filter((e) => !before.has(e.fingerprint)).length;
      const removed = before.size - (next.accepted.length - added);
      updates.push(`errcat check: wrote ${path}: ${next.accepted.length} accepted (${added} added, ${removed} removed)`);
    }
    const baseline = loadBaseline(path, c.spec.name);
    const accepted = new Set(baseline.accepted.map((e) => e.fingerprint));
    acceptedBy.set(c.spec.name, accepted);
    const current = new Set(c.report.divergences.map((d) => d.fingerprint));
    const considered = failOn === 'never' ? [] : c.report.divergences.filter(atOrAbove);
    return {
      catalog: c.spec.name,
      baseline: path,
      failing: considered.filter((d) => !accepted.has(d.fingerprint)),
      accepted: considered.filter((d) => accepted.has(d.fingerprint)).length,
      stale: baseline.accepted.filter((e) => !current.has(e.fingerprint)),
    };
  });
  const versions = values.base === undefined ? [] : await versionStatus(values.base, workspace, compiled, noteOnStderr);
  const lowVersions = versions.filter((v) => !v.ok);
  const ok = outdated.length === 0 && verdicts.every((v) => v.failing.length === 0) && lowVersions.length === 0;
  const write = (text: string) => writeStdout(text);
  // What --update-baseline wrote: part of the text report; on stderr beside a machine format.
  if (updates.length > 0) (format === 'text' ? writeStdout : writeStderr)(`${updates.map(terminalText).join('\n')}\n`);
  if (format === 'json') write(`${terminalJson(JSON.stringify({ ok, out, failOn, outdated, ...(outdated.length > 0 ? { remedy } : {}), catalogs: verdicts, ...(values.base !== undefined ? { versions } : {}) }, null, 2))}\n`);
  else if (format === 'sarif') {
    const findings = checkFindings({ out, outdated, remedy, verdicts, compiled, acceptedBy, versions, rev: values.base, settingsFile: workspace.project?.settingsFile ?? null });
    write(terminalJson(sarifLog({ category: 'errcat/check/', version: ERRCAT_VERSION, rules: CHECK_SARIF_RULES, findings, inRepository: repositoryPaths(workspace.root) })));
  } else if (format === 'github') {
    write(githubAnnotations(out, outdated, remedy, verdicts, repositoryPaths(workspace.root)));
    for (const v of lowVersions) write(annotation('error', { title: 'errcat version' }, `${describeStatus(v, values.base!)}; run errcat version --base ${values.base} --write`));
  } else {
    write(textReport(out, failOn, outdated, remedy, verdicts));
    for (const v of versions) write(`${describeStatus(v, values.base!)}${v.ok ? '' : `; run errcat version --base ${values.base} --write`}\n`);
  }
  return ok ? 0 : 1;
}

/**
 * What brings `out` up to date: a build, unless the folder holds something errcat did not write,
 * which a build refuses to replace (then what it would say, which names the file and what to do).
 */
function buildRemedy(out: string, artifactPaths: Iterable<string>): string {
  try {
    inspectOutput(out, artifactPaths);
    return `run errcat build and commit ${out}/`;
  } catch (error) {
    if (isErrcatError(error)) return `errcat build refuses until that is mended: ${error.format()}`;
    throw error;
  }
}

function textReport(out: string, failOn: FailOn, outdated: OutputDifference[], remedy: string, verdicts: CatalogVerdict[]): string {
  const lines: string[] = [];
  if (outdated.length === 0) lines.push(`errcat check: ${out}/ is up to date`);
  else {
    lines.push(`errcat check: ${out}/ is out of date with the sources (${terminalText(remedy)}):`);
    for (const d of outdated) lines.push(`  ${d.kind.padEnd(10)} ${out}/${d.path}`);
  }
  for (const v of verdicts) {
    const where = v.baseline ?? 'no baseline';
    if (failOn === 'never') lines.push(`${v.catalog}: divergences not checked (--fail-on never)`);
    else if (v.failing.length === 0) lines.push(`${v.catalog}: no new divergences at or above ${failOn} (${v.accepted} accepted in ${where})`);
    else {
      lines.push(`${v.catalog}: ${v.failing.length} divergence${v.failing.length === 1 ? '' : 's'} at or above ${failOn} not accepted in ${where}:`);
      for (const d of v.failing) lines.push(`  ${d.severity} ${d.rule} ${terminalText(d.locations.map((l) => `${l.file}:${l.line}`).join(', '))}: ${terminalText(d.message)}`);
    }
    if (v.stale.length > 0) {
      lines.push(`${v.catalog}: ${v.stale.length} accepted divergence${v.stale.length === 1 ? '' : 's'} no longer found; shrink the baseline with errcat check --update-baseline:`);
      for (const e of v.stale) lines.push(`  ${terminalText(e.rule)} ${terminalText(entryPlace(v.baseline!, e))}: ${terminalText(e.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Where a baseline entry is: the baseline and the line of its fingerprint, when known. */
function entryPlace(baseline: string, entry: ReadBaselineEntry): string {
  return entry.line > 0 ? `${baseline}:${entry.line}` : baseline;
}

/** GitHub workflow commands: one annotation per problem, on the page line where it is. */
function githubAnnotations(out: string, outdated: OutputDifference[], remedy: string, verdicts: CatalogVerdict[], inRepository: (file: string) => string): string {
  const lines: string[] = [];
  for (const d of outdated) {
    lines.push(annotation('error', { file: inRepository(`${out}/${d.path}`), title: 'errcat check' }, `${out}/${d.path} is ${d.kind === 'differs' ? 'out of date' : d.kind}; ${remedy}`));
  }
  for (const v of verdicts) {
    for (const d of v.failing) {
      const level = d.severity === 'info' ? 'notice' : d.severity;
      for (const l of d.locations) lines.push(annotation(level, { file: inRepository(l.file), line: l.line, title: `errcat ${d.rule}` }, d.message));
    }
    for (const e of v.stale) {
      const where = v.baseline === null ? {} : { file: inRepository(v.baseline), ...(e.line > 0 ? { line: e.line } : {}) };
      lines.push(annotation('warning', { ...where, title: 'errcat baseline' }, `${v.catalog}: accepted ${e.rule} no longer found: ${e.message}`));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
