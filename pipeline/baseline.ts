/**
 * A catalog's accepted divergences (sources/<catalog>/baseline.json). `errcat check` fails only on
 * divergences that are not accepted, and lists accepted ones that no longer occur so the baseline
 * shrinks as the docs are fixed. Entries are matched by fingerprint, which survives line moves.
 */
import { ErrcatError } from './errors';
import { MAX_SETTINGS_BYTES, readRegularFileIfPresent, writeFileNoFollow } from './files';
import type { Divergence } from './generated/divergences';
import { toJson } from './emit/json';

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  errorCode?: string;
  message: string;
}

export interface Baseline {
  catalog: string;
  accepted: BaselineEntry[];
}

/** A missing baseline accepts nothing; one that is not a regular file of at most 1 MiB is an error. */
export function loadBaseline(path: string | null, catalog: string): Baseline {
  const bytes = path === null ? null : readRegularFileIfPresent(path, { limit: MAX_SETTINGS_BYTES, what: 'a baseline' });
  if (path === null || bytes === null) return { catalog, accepted: [] };
  let data: Baseline;
  try {
    data = JSON.parse(bytes.toString('utf8')) as Baseline;
  } catch (error) {
    throw new ErrcatError(path, 0, `Invalid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data.accepted) || !data.accepted.every((e) => typeof e?.fingerprint === 'string')) {
    throw new ErrcatError(path, 0, 'expected {"catalog", "accepted": [{"fingerprint", "rule", "message"}, …]}; run errcat check --update-baseline');
  }
  return data;
}

export function baselineFrom(catalog: string, divergences: Divergence[]): Baseline {
  return {
    catalog,
    accepted: divergences.map((d) => ({
      fingerprint: d.fingerprint,
      rule: d.rule,
      ...(d.errorCode !== undefined ? { errorCode: d.errorCode } : {}),
      message: d.message,
    })),
  };
}

/**
 * Replaces the baseline file; a symbolic link there is refused, never written through (see
 * writeFileNoFollow). With `within` (the sources folder), the folders below it must be real ones.
 */
export function saveBaseline(path: string, baseline: Baseline, within?: string): void {
  writeFileNoFollow(path, toJson(baseline), within === undefined ? {} : { within });
}
