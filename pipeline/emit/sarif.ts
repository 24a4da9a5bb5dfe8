/**
 * SARIF 2.1.0 (OASIS): findings in the form code-scanning tools read (GitHub code scanning, GitLab,
 * VS Code's SARIF viewer). One run per log; one rule per errcat rule or change kind, with its summary
 * as help; results on the page line, with errcat's own fingerprint as their partial fingerprint, so
 * an alert keeps its identity when lines move. No timestamps or machine paths: the same findings give
 * the same bytes.
 */
import { toJson } from './json';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule {
  id: string;
  summary: string;
  level: SarifLevel;
}

/** A place as errcat shows it (a path relative to the project root, or absolute); no line (or 0): the whole file, shown on line 1. */
export interface SarifPlace {
  file: string;
  line?: number;
  /** What this place is, for a related location (e.g. "the en page"). */
  what?: string;
  /** The path is relative to the repository's root already (a page read at a git revision), not as errcat shows paths. */
  fromRepositoryRoot?: boolean;
}

export interface SarifFinding {
  ruleId: string;
  level: SarifLevel;
  message: string;
  fingerprint: string;
  /** Where the finding is: the first place is the one a viewer marks; the others are related. */
  places: SarifPlace[];
  /**
   * Whether errcat looked for an acceptance: `false` not accepted, a string the reason it is
   * (e.g. "accepted in baselines/cci.json"); undefined when nothing can accept it (a diff).
   */
  accepted?: string | false;
  properties?: Record<string, string | number | null>;
}

export interface SarifRunInput {
  /** Tells runs of different commands apart where one repository uploads several (automationDetails.id). */
  category: string;
  version: string;
  rules: readonly SarifRule[];
  findings: readonly SarifFinding[];
  /** Maps a path as errcat shows it to one relative to the repository's root (see repositoryPaths). */
  inRepository: (file: string) => string;
}

/** The base every relative uri is resolved against (GitHub resolves relative uris against the checkout's root). */
export const SOURCE_ROOT = '%SRCROOT%';

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A path as a URI reference: each segment percent-encoded (spaces, `#`, `%`, non-ASCII), `/` kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * An artifactLocation: a relative path (to the repository's root, which is the project's root when
 * errcat.json sits there or the project is in no repository) with the source-root base; an absolute
 * path (a page given outside the project) as a file: URI, which takes no base.
 */
export function artifactLocation(file: string, inRepository: (file: string) => string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('/')) return { uri: `file://${encodePath(file)}` };
  const drive = /^([A-Za-z]):[\\/]/.exec(file);
  if (drive) return { uri: `file:///${drive[1]}:${encodePath(file.slice(2).replace(/\\/g, '/'))}` };
  return { uri: encodePath(inRepository(file)), uriBaseId: SOURCE_ROOT };
}

function location(place: SarifPlace, inRepository: (file: string) => string, id?: number) {
  return {
    ...(id !== undefined ? { id } : {}),
    physicalLocation: {
      artifactLocation: artifactLocation(place.file, place.fromRepositoryRoot ? (file) => file : inRepository),
      // Line 0 is what errcat says of a whole file. SARIF allows a location without a region (the
      // whole artifact), but GitHub code scanning requires region.startLine (its table of supported
      // properties; the SARIF SDK's GitHub rule GH1003): a whole-file finding sits on line 1.
      region: { startLine: place.line !== undefined && place.line > 0 ? place.line : 1 },
    },
    ...(place.what !== undefined ? { message: { text: place.what } } : {}),
  };
}

export function sarifLog(run: SarifRunInput): string {
  const index = new Map(run.rules.map((r, i) => [r.id, i]));
  const results = run.findings.map((f) => {
    const [primary, ...related] = f.places;
    const ruleIndex = index.get(f.ruleId);
    return {
      ruleId: f.ruleId,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: f.level,
      message: { text: f.message },
      ...(primary ? { locations: [location(primary, run.inRepository)] } : {}),
      ...(related.length > 0 ? { relatedLocations: related.map((p, i) => location(p, run.inRepository, i + 1)) } : {}),
      partialFingerprints: { 'errcatFingerprint/v1': f.fingerprint },
      ...(f.accepted === undefined
        ? {}
        : { suppressions: f.accepted === false ? [] : [{ kind: 'external', status: 'accepted', justification: f.accepted }] }),
      ...(f.properties ? { properties: f.properties } : {}),
    };
  });
  const log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'errcat',
            version: run.version,
            rules: run.rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              help: { text: r.summary },
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        automationDetails: { id: run.category },
        originalUriBaseIds: {
          [SOURCE_ROOT]: { description: { text: "The root of the errcat project's git repository (the project's root when it is in none)." } },
        },
        results,
      },
    ],
  };
  return toJson(log);
}
