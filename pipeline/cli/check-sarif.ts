/**
 * What `errcat check` finds, as SARIF findings: every divergence of every catalog (the divergence
 * rules, whatever RULES holds), and check's own three problems: an output file out of date, a
 * baseline entry no longer found, a package version not raised far enough.
 */
import type { ReadBaselineEntry } from '../baseline';
import { RULES } from '../check';
import type { CompiledCatalog } from '../compile';
import type { SarifFinding, SarifLevel, SarifRule } from '../emit/sarif';
import { fingerprint } from '../fingerprint';
import type { Severity } from '../generated/divergences';
import type { OutputDifference } from '../output';
import { describeStatus, type VersionStatus } from '../versioning';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

const OUTPUT_OUT_OF_DATE = 'output-out-of-date';
const BASELINE_ENTRY_GONE = 'baseline-entry-gone';
const VERSION_NOT_RAISED = 'version-not-raised';

export const CHECK_SARIF_RULES: readonly SarifRule[] = [
  ...RULES.map((r) => ({ id: r.id, summary: r.summary, level: LEVEL[r.defaultSeverity] })),
  { id: OUTPUT_OUT_OF_DATE, summary: 'A file of the output folder differs from what errcat build would write (run errcat build and commit it; a file errcat did not write must first be moved out, as build refuses to replace it).', level: 'error' },
  { id: BASELINE_ENTRY_GONE, summary: 'A divergence the baseline accepts no longer occurs (shrink the baseline with errcat check --update-baseline).', level: 'warning' },
  { id: VERSION_NOT_RAISED, summary: "A catalog changed since the base revision and its package.version was not raised as far as the changes require (errcat version --write).", level: 'error' },
];

export interface CheckOutcome {
  out: string;
  outdated: OutputDifference[];
  /** What brings the output up to date (a build, or what a build would refuse). */
  remedy: string;
  verdicts: Array<{ catalog: string; baseline: string | null; stale: ReadBaselineEntry[] }>;
  compiled: CompiledCatalog[];
  /** Each catalog's accepted fingerprints. */
  acceptedBy: Map<string, Set<string>>;
  versions: VersionStatus[];
  rev: string | undefined;
  settingsFile: string | null;
}

export function checkFindings(o: CheckOutcome): SarifFinding[] {
  const findings: SarifFinding[] = [];
  for (const d of o.outdated) {
    const file = `${o.out}/${d.path}`;
    findings.push({
      ruleId: OUTPUT_OUT_OF_DATE,
      level: 'error',
      message: `${file} is ${d.kind === 'differs' ? 'out of date' : d.kind}; ${o.remedy}`,
      fingerprint: fingerprint([OUTPUT_OUT_OF_DATE, file]),
      places: [{ file }],
    });
  }
  for (const c of o.compiled) {
    const accepted = o.acceptedBy.get(c.spec.name) ?? new Set<string>();
    const baseline = c.spec.baselinePath;
    for (const d of c.report.divergences) {
      findings.push({
        ruleId: d.rule,
        level: LEVEL[d.severity],
        message: d.message,
        fingerprint: d.fingerprint,
        places: d.locations.map((l) => ({ file: l.file, line: l.line, what: `the ${l.lang} page` })),
        accepted: accepted.has(d.fingerprint) && baseline !== null ? `accepted in ${baseline}` : false,
        properties: { catalog: c.spec.name, ...(d.errorCode !== undefined ? { errorCode: d.errorCode } : {}) },
      });
    }
  }
  for (const v of o.verdicts) {
    for (const e of v.stale) {
      findings.push({
        ruleId: BASELINE_ENTRY_GONE,
        level: 'warning',
        message: `${v.catalog}: accepted ${e.rule} no longer found: ${e.message}`,
        fingerprint: e.fingerprint,
        places: v.baseline === null ? [] : [{ file: v.baseline, line: e.line }],
        properties: { catalog: v.catalog, rule: e.rule },
      });
    }
  }
  for (const s of o.versions.filter((v) => !v.ok)) {
    const spec = o.compiled.find((c) => c.spec.name === s.catalog)?.spec;
    // Where package.version is kept; with no settings file yet (version --write makes one), the catalog's first page.
    const settings = spec?.configPath ?? o.settingsFile ?? spec?.pages[0]?.file ?? null;
    findings.push({
      ruleId: VERSION_NOT_RAISED,
      level: 'error',
      message: `${describeStatus(s, o.rev!)}; run errcat version --base ${o.rev} --write`,
      fingerprint: fingerprint([VERSION_NOT_RAISED, s.catalog, s.currentVersion, s.nextVersion]),
      places: settings === null ? [] : [{ file: settings }],
      properties: { catalog: s.catalog },
    });
  }
  return findings;
}
