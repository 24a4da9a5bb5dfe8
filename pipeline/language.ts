/**
 * Language tags of pages: BCP 47 tags a user would write (zh, en, zh-CN, zh-Hans, en-US), checked
 * against the languages the runtime's ICU knows, so `cn`, `und` or a typo is an error, not a
 * silently new language. Tags are kept in their canonical case (zh-cn → zh-CN).
 */
import { ErrcatError } from './errors';
import { editDistance } from './edit-distance';

/** Tags that are well-formed but name no language. */
const NOT_A_LANGUAGE = new Set(['und', 'mul', 'mis', 'zxx']);

/** Country or habit codes written where a language was meant. */
const COMMON_MISTAKES = new Map([
  ['cn', 'zh'],
  ['chs', 'zh-Hans'],
  ['cht', 'zh-Hant'],
  ['jp', 'ja'],
  ['kr', 'ko'],
  ['cz', 'cs'],
  ['gr', 'el'],
  ['ua', 'uk'],
  ['dk', 'da'],
  ['se', 'sv'],
  ['vn', 'vi'],
  ['us', 'en'],
  ['gb', 'en'],
  ['uk-en', 'en'],
]);

/**
 * Languages docs are commonly written in: the candidates "did you mean" offers for a typo. They are
 * also taken without asking ICU, which knows them all (test/compile/language.test.ts): loading its
 * language names costs about 25 ms, a tenth of a seeds build.
 */
export const COMMON_LANGUAGES: readonly string[] = ['zh', 'en', 'ja', 'ko', 'fr', 'de', 'es', 'pt', 'ru', 'it', 'ar', 'tr', 'id', 'th', 'vi'];
const COMMON_SET = new Set(COMMON_LANGUAGES);

let names: Intl.DisplayNames | undefined;

/** The canonical form of `tag` when it is a language tag; otherwise why not, with a suggestion. */
export function checkLanguageTag(tag: string): { tag: string } | { why: string } {
  const written = tag.replace(/_/g, '-');
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(written)[0];
  } catch {
    canonical = undefined;
  }
  const primary = (canonical ?? written).split('-')[0]!.toLowerCase();
  if (canonical !== undefined && COMMON_SET.has(primary)) return { tag: canonical };
  names ??= new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
  let known = false;
  try {
    known = canonical !== undefined && !NOT_A_LANGUAGE.has(primary) && names.of(primary) !== undefined;
  } catch {
    known = false;
  }
  if (known) return { tag: canonical! };
  const suggestion = COMMON_MISTAKES.get(written.toLowerCase()) ?? COMMON_MISTAKES.get(primary) ?? closest(primary, COMMON_LANGUAGES);
  return {
    why: `"${tag}" is not a language tag; expected a BCP 47 tag such as zh, en, zh-CN or en-US` + (suggestion ? ` (did you mean "${suggestion}"?)` : ''),
  };
}

/** The canonical tag, or an input error at `file:line` naming what was expected. */
export function languageTag(tag: string, file: string, line = 0): string {
  const checked = checkLanguageTag(tag);
  if ('why' in checked) throw new ErrcatError(file, line, checked.why);
  return checked.tag;
}

/** The default primary language: a Chinese page when there is one (the pages errcat was made for), else the first. */
export function defaultPrimaryLanguage(languages: readonly string[]): string {
  return languages.find((l) => l === 'zh') ?? languages.find((l) => l.split('-')[0] === 'zh') ?? languages[0]!;
}

/** The candidate nearest to `word` by edit distance, when it is near enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    // Setting names, headers and tags are short; a long string is no typo of one.
    const d = lower.length > 200 || candidate.length > 200 ? Infinity : editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  // A third of the longer word, at least one edit: "Modul" → "Module", "severty" → "severity".
  return bestDistance <= Math.max(1, Math.floor(Math.max(lower.length, best.length) / 3)) ? best : undefined;
}
