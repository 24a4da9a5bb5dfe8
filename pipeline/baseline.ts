/**
 * A catalog's accepted divergences (sources/<catalog>/baseline.json). `errcat check` fails only on
 * divergences that are not accepted, and lists accepted ones that no longer occur so the baseline
 * shrinks as the docs are fixed. Entries are matched by fingerprint, which survives line moves.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ErrcatError } from './errors';
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

export function loadBaseline(path: string | null, catalog: string): Baseline {
  if (path === null || !existsSync(path)) return { catalog, accepted: [] };
  let data: Baseline;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as Baseline;
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

export function saveBaseline(path: string, baseline: Baseline): void {
  writeFileSync(path, toJson(baseline));
}
