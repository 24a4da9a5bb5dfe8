/**
 * The API every emitted catalog carries — isErrorCode, lookup, explain — written once, here, as
 * real TypeScript the project type-checks. `npm run generate` turns the part below the marker into
 * the TypeScript, JavaScript and declaration text the emit stage writes into catalog.ts and the
 * npm package (pipeline/generated/catalog-runtime.ts), so a build needs no compiler.
 */
import type { Catalog, CatalogEntry, Variant } from '../generated/catalog';

// Provided by each emitted file, above the runtime: the code union and the data.
type ErrorCode = string;
declare const catalog: readonly CatalogEntry[];
declare const catalogInfo: Omit<Catalog, 'entries'>;

// @runtime
// A prototype-free record (not a Map, so the file needs nothing newer than ES5): a code such as
// "constructor" or "__proto__" is looked up as data, never as an inherited property.
const entriesByCode: { [code: string]: CatalogEntry | undefined } = Object.create(null);
for (const entry of catalog) entriesByCode[entry.errorCode] = entry;

function has(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(entriesByCode, code);
}

// A language is looked up the same way: `explain(body, 'constructor')` is a language the catalog lacks.
function hasLanguage(variant: Variant, lang: string): boolean {
  return Object.prototype.hasOwnProperty.call(variant.texts, lang);
}

/** Whether `value` is one of the catalog's error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && has(value);
}

/** How a language is asked for: `strict` returns no text (null) rather than another language's. */
export interface LanguageOptions {
  strict?: boolean;
}

/**
 * One variant's texts in the language asked for, saying which language they are in. When the variant
 * has no row in that language, the texts are the primary language's (else the first the variant has)
 * and `fallback` is true; with `{ strict: true }` they are null instead and `lang` is null.
 */
export interface LocalizedVariant {
  /** The variant's status: the primary language's when the languages' pages disagree (see statusByLang). */
  httpStatus: number | null;
  httpStatuses?: number[];
  /** The language asked for. */
  requestedLang: string;
  /** The language of module, message, description and measure; null when there are none (strict, or a variant with no texts). */
  lang: string | null;
  /** Whether the texts are another language's than the one asked for. */
  fallback: boolean;
  module: string | null;
  message: string | null;
  description: string | null;
  measure: string | null;
  /** Each language's own status, present only when the languages' pages give the variant different statuses. */
  statusByLang?: { [lang: string]: number | null };
  /** The variant explained: the one whose message matches the body's (else shares most of its words), else the entry's first in the language asked for, else its first. */
  variant: Variant;
}

/** An entry in one language: its own fields are its first variant's, as in the catalog; `variants` has every variant in that language. */
export interface LocalizedEntry extends LocalizedVariant {
  errorCode: ErrorCode;
  variants: LocalizedVariant[];
  entry: CatalogEntry;
}

/** The entry for `code` (with every variant when the pages document it in several rows), or undefined. */
export function lookup(code: string): CatalogEntry | undefined;
/** The entry for `code` in `lang` (each text saying its language, see LocalizedVariant), or undefined. */
export function lookup(code: string, lang: string, options?: LanguageOptions): LocalizedEntry | undefined;
export function lookup(code: string, lang?: string, options?: LanguageOptions): CatalogEntry | LocalizedEntry | undefined {
  if (!has(code)) return undefined;
  const entry = entriesByCode[code]!;
  if (lang === undefined) return entry;
  const variants: LocalizedVariant[] = [];
  for (const variant of entry.variants ?? [entry]) variants.push(localize(variant, lang, options));
  return { errorCode: code as ErrorCode, ...variants[0]!, variants, entry };
}

/** `variant` in `lang`: the language's own texts, or (not strict) the primary language's, or the first the variant has. */
function localize(variant: Variant, lang: string, options?: LanguageOptions): LocalizedVariant {
  const strict = options !== undefined && options.strict === true;
  let chosen: string | null = null;
  if (hasLanguage(variant, lang)) chosen = lang;
  else if (!strict) chosen = hasLanguage(variant, catalogInfo.primaryLanguage) ? catalogInfo.primaryLanguage : (Object.keys(variant.texts)[0] ?? null);
  const texts = chosen === null ? undefined : variant.texts[chosen];
  const statusByLang = statusesByLanguage(variant);
  return {
    httpStatus: variant.httpStatus,
    ...(variant.httpStatuses !== undefined ? { httpStatuses: variant.httpStatuses.slice() } : {}),
    requestedLang: lang,
    lang: texts ? chosen : null,
    fallback: texts !== undefined && chosen !== lang,
    module: texts ? texts.module : null,
    message: texts ? texts.message : null,
    description: texts ? texts.description : null,
    measure: texts ? texts.measure : null,
    ...(statusByLang !== undefined ? { statusByLang } : {}),
    variant,
  };
}

/** Each language's own status, when a language's page gives the variant another status than the catalog's. */
function statusesByLanguage(variant: Variant): { [lang: string]: number | null } | undefined {
  const langs = Object.keys(variant.texts);
  let differ = false;
  for (const l of langs) if (variant.texts[l]!.httpStatus !== undefined) differ = true;
  if (!differ) return undefined;
  const byLang: { [lang: string]: number | null } = Object.create(null);
  for (const l of langs) {
    const own = variant.texts[l]!.httpStatus;
    byLang[l] = own === undefined ? variant.httpStatus : own;
  }
  return byLang;
}

/** An error explained in one language: the variant the body names, each text saying its language (see LocalizedVariant). */
export interface Explanation extends LocalizedVariant {
  errorCode: ErrorCode;
  entry: CatalogEntry;
}

const CODE_KEYS = ['errorCode', 'error_code', 'code', 'errorcode'] as const;
const NESTED_KEYS = ['error', 'details', 'status', 'data'] as const;
const MESSAGE_KEYS = ['message', 'error_msg', 'errorMessage', 'error_message', 'msg'] as const;

function codeIn(value: unknown, depth: number): string | undefined {
  if (typeof value !== 'object' || value === null || depth > 2) return undefined;
  const record = value as Record<string, unknown>;
  for (const key of CODE_KEYS) {
    const candidate = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
    if (typeof candidate === 'string' && has(candidate)) return candidate;
  }
  for (const key of NESTED_KEYS) {
    const found = Object.prototype.hasOwnProperty.call(record, key) ? codeIn(record[key], depth + 1) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

function messagesIn(value: unknown, depth: number, found: string[]): string[] {
  if (typeof value !== 'object' || value === null || depth > 2) return found;
  const record = value as Record<string, unknown>;
  for (const key of MESSAGE_KEYS) {
    const candidate = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
    if (typeof candidate === 'string') found.push(squash(candidate));
  }
  for (const key of NESTED_KEYS) if (Object.prototype.hasOwnProperty.call(record, key)) messagesIn(record[key], depth + 1, found);
  return found;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A body message sharing less than this (Dice's coefficient of words) with every variant picks none. */
const MIN_WORD_OVERLAP = 0.5;

/** A message's words: runs of ASCII letters and digits, and each other character but spaces and punctuation (a Han character is a word). */
function wordsOf(text: string): string[] {
  return squash(text).match(/[a-z0-9_]+|[^\u0000-\u007f\s\u3000-\u303f\uff00-\uff0f]/g) || [];
}

/** Dice's coefficient of two word lists: 1 for the same words, 0 for none in common. */
function wordOverlap(a: string[], b: string[]): number {
  if (a.length + b.length === 0) return 0;
  const rest = b.slice();
  let shared = 0;
  for (const word of a) {
    const at = rest.indexOf(word);
    if (at >= 0) {
      shared++;
      rest.splice(at, 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/**
 * The variant whose message (in any language) is one the body carries; else the one whose message
 * shares the most words with the body's (half at least; the first on a tie), as the catalog's
 * pairing weighs messages; else the entry's first with a text in `lang` (a body without a message
 * asked about in English gets an English variant when there is one), else its first.
 */
function variantFor(entry: CatalogEntry, body: unknown, lang: string): Variant {
  const variants: readonly Variant[] = entry.variants ?? [entry];
  if (variants.length < 2) return variants[0]!;
  const messages = messagesIn(body, 0, []);
  for (const variant of variants) {
    for (const lang of Object.keys(variant.texts)) {
      const message = variant.texts[lang]?.message;
      if (message != null && messages.indexOf(squash(message)) >= 0) return variant;
    }
  }
  let best = variants.find((variant) => hasLanguage(variant, lang)) ?? variants[0]!;
  let bestOverlap = 0;
  for (const variant of variants) {
    for (const lang of Object.keys(variant.texts)) {
      const message = variant.texts[lang]?.message;
      if (message == null) continue;
      for (const said of messages) {
        const overlap = wordOverlap(wordsOf(said), wordsOf(message));
        if (overlap >= MIN_WORD_OVERLAP && overlap > bestOverlap) {
          best = variant;
          bestOverlap = overlap;
        }
      }
    }
  }
  return best;
}

/**
 * Explains an API error body — an object or its JSON text, such as a Kubernetes-style Status
 * `{"kind":"Status","code":409,"errorCode":"CCI.02.409101",…}` or `{"error_code":"…","error_msg":"…"}` —
 * in `lang` (default: the primary language). When the code has several variants, the one whose message
 * the body carries (`message`, `error_msg`, …) is explained. When that variant has no text in `lang`,
 * the texts are another language's and say so (`lang`, `fallback: true`), or, with `{ strict: true }`,
 * null. Returns undefined when the body names no code of this catalog.
 */
export function explain(body: unknown, lang: string = catalogInfo.primaryLanguage, options?: LanguageOptions): Explanation | undefined {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const code = codeIn(value, 0);
  if (code === undefined) return undefined;
  const entry = entriesByCode[code]!;
  return { errorCode: code as ErrorCode, ...localize(variantFor(entry, value, lang), lang, options), entry };
}
