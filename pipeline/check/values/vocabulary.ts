/**
 * The words error tables state values with, in both languages: units and their spellings, and
 * number words. Each unit spelling maps to one canonical unit, so `2M`, `2 MB` and `2兆` are one
 * value and `2 MB` against `2 GB` is two.
 */

/** Spellings written right after a number with no space (`2M`, `24h`, `8192bytes`); case matters (`M` is not `m`). */
const ATTACHED_LETTERS: Record<string, string> = {
  B: 'byte', K: 'KB', M: 'MB', G: 'GB', T: 'TB',
  s: 'second', h: 'hour', d: 'day',
};

/** Spellings written after a number with or without a space, any letter case (English) or as written (Chinese). */
const WORDS: Record<string, string> = {
  byte: 'byte', bytes: 'byte', '字节': 'byte',
  kb: 'KB', kib: 'KB', kbyte: 'KB', kbytes: 'KB',
  mb: 'MB', mib: 'MB', mbyte: 'MB', mbytes: 'MB', '兆': 'MB', '兆字节': 'MB',
  gb: 'GB', gib: 'GB', gbyte: 'GB', gbytes: 'GB', '千兆': 'GB',
  tb: 'TB', tib: 'TB',
  'kbit/s': 'kbit/s', kbps: 'kbit/s',
  'mbit/s': 'Mbit/s', mbps: 'Mbit/s', 'mb/s': 'Mbit/s',
  'gbit/s': 'Gbit/s', gbps: 'Gbit/s', 'gb/s': 'Gbit/s',
  ms: 'millisecond', millisecond: 'millisecond', milliseconds: 'millisecond', '毫秒': 'millisecond',
  sec: 'second', secs: 'second', second: 'second', seconds: 'second', '秒': 'second', '秒钟': 'second',
  min: 'minute', mins: 'minute', minute: 'minute', minutes: 'minute', '分钟': 'minute',
  hr: 'hour', hrs: 'hour', hour: 'hour', hours: 'hour', '小时': 'hour', '个小时': 'hour',
  day: 'day', days: 'day', '天': 'day', '日': 'day',
  week: 'week', weeks: 'week', '周': 'week', '星期': 'week', '个星期': 'week',
  // `3月` is March, not three months: only `个月` is a duration.
  month: 'month', months: 'month', '个月': 'month',
  year: 'year', years: 'year', '年': 'year',
  '%': 'percent', percent: 'percent',
  character: 'character', characters: 'character', char: 'character', chars: 'character', '字符': 'character', '个字符': 'character',
  times: 'times', '次': 'times',
};

/** A Chinese multiplier after digits: `1万` is 10,000. */
const MULTIPLIERS: Record<string, number> = { '万': 10_000, '千': 1_000, '百': 100, '亿': 100_000_000 };

/** The canonical unit of a spelling written after a number (or a Chinese counter), or undefined when it is not one. */
export function unitOf(spelling: string, attached: boolean): string | undefined {
  if (attached && Object.hasOwn(ATTACHED_LETTERS, spelling)) return ATTACHED_LETTERS[spelling];
  const key = spelling.toLowerCase();
  return Object.hasOwn(WORDS, key) ? WORDS[key] : undefined;
}

/** What may follow a number: letters right after it, a word after a space, Chinese characters. */
const ATTACHED = /[A-Za-z]+(?:\/s)?|%/y;
const SPACED = / ([A-Za-z]+(?:\/s)?)(?![A-Za-z0-9_])/y;
// Made from a string: a regular expression literal would keep its Chinese characters in the
// bundle, which must stay ASCII (see test/cli/bundle.test.ts); strings are escaped by the bundler.
const CHINESE = new RegExp('[\u4e00-\u9fff]{1,3}', 'y');

export interface UnitAfter {
  unit?: string;
  /** A Chinese multiplier's (`1万`), else 1. */
  scale: number;
  /** How much of the text the unit (or multiplier) takes, a space before it included. */
  length: number;
  /** Letters right after the number that are no unit (`3DES`, `2nd`, `64bit`): the digits are part of a word, not a number. */
  partOfWord: boolean;
}

const NONE: UnitAfter = { scale: 1, length: 0, partOfWord: false };

/**
 * The unit written right after a number that ends at `at`: letters with no space (`2M`, `24h`,
 * `8192bytes`), a word after one space (`2 MB`, `7 days`), Chinese (`7天`, `3个月`, `2兆`, `1万`).
 * Looked up after the scan rather than spelled out in its pattern, which stays small and quick to
 * compile. Each look reads only the letters after one number.
 */
export function unitAfter(text: string, at: number): UnitAfter {
  ATTACHED.lastIndex = at;
  const attached = ATTACHED.exec(text);
  if (attached) {
    const unit = unitOf(attached[0], true);
    return unit === undefined ? { ...NONE, partOfWord: true } : { unit, scale: 1, length: attached[0].length, partOfWord: false };
  }
  const word = unitWordAfter(text, at);
  if (word.unit !== undefined) return word;
  CHINESE.lastIndex = at;
  const chinese = CHINESE.exec(text)?.[0];
  if (chinese === undefined) return NONE;
  // The longest spelling that starts the run: `千兆` (GB) before `千` (thousand), `个月` before `个`.
  for (let n = chinese.length; n > 0; n--) {
    const unit = unitOf(chinese.slice(0, n), false);
    if (unit !== undefined) return { unit, scale: 1, length: n, partOfWord: false };
  }
  return Object.hasOwn(MULTIPLIERS, chinese[0]!) ? { scale: MULTIPLIERS[chinese[0]!]!, length: 1, partOfWord: false } : NONE;
}

/** The unit of the word after a number or number word (`2 MB`, `three months`), if it is one. */
export function unitWordAfter(text: string, at: number): UnitAfter {
  SPACED.lastIndex = at;
  const spaced = SPACED.exec(text);
  const unit = spaced ? unitOf(spaced[1]!, false) : undefined;
  return unit === undefined ? NONE : { unit, scale: 1, length: spaced![0].length, partOfWord: false };
}

/** English number words by value: `one` is soft (`one of the`, `no one`); the others state a number. */
export const ENGLISH_NUMBERS: readonly string[] = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

/** `twice` states two; `once` is as often "as soon as" (soft, as `one`). */
export const ENGLISH_TIMES: Record<string, number> = { once: 1, twice: 2 };

const CHINESE_DIGITS: Record<string, number> = { '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

// Regular expression literals keep non-ASCII characters in the bundle, which must stay ASCII (see
// test/cli/bundle.test.ts); strings are escaped by the bundler.
const CHINESE_NUMERAL = new RegExp('^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$');

/** A Chinese numeral of one to ninety-nine (`三`, `十二`, `二十`, `两`), or undefined. */
export function chineseNumber(text: string): number | undefined {
  const match = CHINESE_NUMERAL.exec(text);
  if (text === '两') return 2;
  if (!match || text === '') return undefined;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? CHINESE_DIGITS[tens] : undefined;
  return (tens ? CHINESE_DIGITS[tens]! : 1) * 10 + (units ? CHINESE_DIGITS[units]! : 0);
}

/**
 * Counters a Chinese numeral is written before when it states a count (`三个`, `五种`, `两次`); a
 * numeral without one is most often part of a word (`统一`, `一致`, `唯一`).
 */
export const CHINESE_COUNTERS = '个月|个小时|个星期|个字符|个|小时|分钟|秒钟|秒|天|日|周|星期|年|次|条|位|种|倍|项|台|块|张|组|字节|字符';
