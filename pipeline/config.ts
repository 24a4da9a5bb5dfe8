/** Per-catalog settings (sources/<catalog>/catalog.json), shaped by schema/catalog-config.schema.json. */
import { existsSync } from 'node:fs';
import { ErrcatError } from './errors';
import { isJsonObject, parseJson } from './json-object';
import { MAX_SETTINGS_BYTES, readRegularFile } from './files';
import { backtrackingHazard } from './regex-safety';
import type { CatalogConfig } from './generated/catalog-config';
import { checkLanguageTag, closest, defaultPrimaryLanguage } from './language';
import { RULES } from './check';

export type { CatalogConfig };

/**
 * The code shapes real pages use, with no settings: dotted codes (`CCI.02.409101`,
 * `SVCSTG.AOM.4000001`, `SVCSTG_AMS_4000115`), bare numbers (`111400002`) and names
 * (`AccessDenied`). A code is segments joined by `.`, `_`, `-` or `:`; a segment is a letter-led word
 * or a number. A segment where a number runs into letters (`02001AOM`) is two codes run together.
 */
export const DEFAULT_CODE_PATTERN = '(?:[A-Za-z][A-Za-z0-9]*|[0-9]+)(?:[._:-]+(?:[A-Za-z][A-Za-z0-9]*|[0-9]+))*';

export interface ResolvedConfig {
  primaryLanguage: string;
  codePattern: RegExp;
  codePatternSource: string;
  severity: NonNullable<CatalogConfig['severity']>;
  columns: NonNullable<CatalogConfig['columns']>;
  package: NonNullable<CatalogConfig['package']>;
}

const KNOWN_KEYS = new Set(['$schema', 'primaryLanguage', 'codePattern', 'severity', 'columns', 'package']);
const PACKAGE_KEYS = new Set(['name', 'version', 'description', 'license']);
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
export const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-[0-9A-Za-z.-]+)?$/;
const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);
const MAPPINGS = new Set(['errorCode', 'httpStatus', 'module', 'message', 'description', 'measure', 'ignore']);
/** The most entries "severity" or "columns" may have: real settings name a few, and each is checked. */
export const MAX_SETTING_ENTRIES = 10_000;

/** Reads catalog.json when present; every mistake in it is an input error naming the key. */
export function loadConfig(path: string | null, required = false, text?: string): CatalogConfig {
  if (path === null) return {};
  if (text === undefined && !existsSync(path)) {
    if (required) throw new ErrcatError(path, 0, 'no such settings file');
    return {};
  }
  const json = text ?? readRegularFile(path, { limit: MAX_SETTINGS_BYTES, what: 'a settings file' }).toString('utf8');
  return checkCatalogConfig(parseJson(path, json), path);
}

/**
 * Checks a catalog's settings (a catalog.json, or a catalog listed in errcat.json, whose keys are
 * shown under `prefix`): an unknown key, rule id or value is an error naming it, with the nearest
 * known one when it looks like a typo.
 */
export function checkCatalogConfig(data: unknown, file: string, prefix = ''): CatalogConfig {
  const fail = (why: string) => new ErrcatError(file, 0, why);
  const unknown = (what: string, key: string, known: Iterable<string>, at = '') => {
    const guess = closest(key, known);
    const where = prefix || at ? ` at "${prefix}${at}${key}"` : '';
    return fail(`unknown ${what} "${key}"${where}${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of ${[...known].join(', ')}`);
  };
  if (!isJsonObject(data)) throw fail('expected a JSON object');
  const config = data;
  for (const key of Object.keys(config)) if (!KNOWN_KEYS.has(key)) throw unknown('setting', key, KNOWN_KEYS);
  if (config.primaryLanguage !== undefined) {
    if (typeof config.primaryLanguage !== 'string') throw fail(`"${prefix}primaryLanguage" must be a string`);
    const checked = checkLanguageTag(config.primaryLanguage);
    if ('why' in checked) throw fail(`"${prefix}primaryLanguage": ${checked.why}`);
    config.primaryLanguage = checked.tag;
  }
  if (config.codePattern !== undefined) {
    if (typeof config.codePattern !== 'string') throw fail(`"${prefix}codePattern" must be a string`);
    try {
      new RegExp(config.codePattern, 'u');
    } catch (error) {
      throw fail(`"${prefix}codePattern" is not a valid regular expression: ${(error as Error).message}`);
    }
    // Refused before it ever runs on a cell: `(a+)+` hung on 34 characters (see pipeline/regex-safety/).
    const hazard = backtrackingHazard(config.codePattern);
    if (hazard !== null) throw fail(`"${prefix}codePattern" ${hazard}`);
  }
  for (const [key, allowed] of [['severity', SEVERITIES], ['columns', MAPPINGS]] as const) {
    const value = config[key];
    if (value === undefined) continue;
    if (!isJsonObject(value)) throw fail(`"${prefix}${key}" must be an object`);
    const entries = Object.keys(value).length;
    if (entries > MAX_SETTING_ENTRIES) throw fail(`"${prefix}${key}" has ${entries} entries; at most ${MAX_SETTING_ENTRIES} are allowed`);
    for (const [name, v] of Object.entries(value)) {
      if (key === 'severity' && !RULES.some((r) => r.id === name)) throw unknown('rule id', name, RULES.map((r) => r.id), 'severity.');
      if (!allowed.has(v as string)) throw fail(`"${prefix}${key}.${name}" must be one of ${[...allowed].join(', ')}; got ${JSON.stringify(v)}`);
    }
  }
  if (config.package !== undefined) {
    const pkg = config.package;
    if (!isJsonObject(pkg)) throw fail(`"${prefix}package" must be an object`);
    for (const [key, value] of Object.entries(pkg)) {
      if (!PACKAGE_KEYS.has(key)) throw unknown('setting', key, PACKAGE_KEYS, 'package.');
      if (typeof value !== 'string') throw fail(`"${prefix}package.${key}" must be a string`);
    }
    if (pkg.name !== undefined && !PACKAGE_NAME.test(pkg.name as string)) throw fail(`"${prefix}package.name" is not an npm package name: ${JSON.stringify(pkg.name)}`);
    if (pkg.version !== undefined && !SEMVER.test(pkg.version as string)) throw fail(`"${prefix}package.version" is not a semantic version (MAJOR.MINOR.PATCH): ${JSON.stringify(pkg.version)}`);
  }
  return config as CatalogConfig;
}

export function resolveConfig(config: CatalogConfig, languages: string[]): ResolvedConfig {
  const primaryLanguage = config.primaryLanguage ?? defaultPrimaryLanguage(languages);
  const codePatternSource = config.codePattern ?? DEFAULT_CODE_PATTERN;
  return {
    primaryLanguage,
    codePattern: new RegExp(`^(?:${codePatternSource})$`, 'u'),
    codePatternSource,
    severity: config.severity ?? {},
    columns: config.columns ?? {},
    package: config.package ?? {},
  };
}
