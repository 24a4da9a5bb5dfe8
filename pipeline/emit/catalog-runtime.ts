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

/** The entry for `code` (with every variant when the pages document it in several rows), or undefined. */
export function lookup(code: string): CatalogEntry | undefined {
  return has(code) ? entriesByCode[code] : undefined;
}

/** An error explained in one language. */
export interface Explanation {
  errorCode: ErrorCode;
  httpStatus: number | null;
  httpStatuses?: number[];
  module?: string;
  /** The language the texts are in: the one asked for when the catalog has it, else the primary language. */
  lang: string;
  message: string | null;
  description: string | null;
  measure: string | null;
  /** The variant explained: the one whose message matches the body's (else shares most of its words), else the entry's first. */
  variant: Variant;
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
 * pairing weighs messages; else the entry's first.
 */
function variantFor(entry: CatalogEntry, body: unknown): Variant {
  const variants: readonly Variant[] = entry.variants ?? [entry];
  if (variants.length < 2) return variants[0]!;
  const messages = messagesIn(body, 0, []);
  for (const variant of variants) {
    for (const lang of Object.keys(variant.texts)) {
      const message = variant.texts[lang]?.message;
      if (message != null && messages.indexOf(squash(message)) >= 0) return variant;
    }
  }
  let best = variants[0]!;
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
 * in `lang`. When the code has several variants, the one whose message the body carries
 * (`message`, `error_msg`, …) is explained. Returns undefined when the body names no code of this catalog.
 */
export function explain(body: unknown, lang: string = catalogInfo.primaryLanguage): Explanation | undefined {
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
  const variant = variantFor(entry, value);
  const chosen = hasLanguage(variant, lang) ? lang : hasLanguage(variant, catalogInfo.primaryLanguage) ? catalogInfo.primaryLanguage : Object.keys(variant.texts)[0]!;
  const texts = variant.texts[chosen]!;
  return {
    errorCode: code as ErrorCode,
    httpStatus: variant.httpStatus,
    ...(variant.httpStatuses !== undefined ? { httpStatuses: [...variant.httpStatuses] } : {}),
    ...(variant.module !== undefined ? { module: variant.module } : {}),
    lang: chosen,
    message: texts.message,
    description: texts.description,
    measure: texts.measure,
    variant,
    entry,
  };
}
