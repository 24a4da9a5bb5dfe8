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
export const MULTIPLIERS: Record<string, number> = { '万': 10_000, '千': 1_000, '百': 100, '亿': 100_000_000 };

/** The canonical unit of a spelling written after a number, or undefined when it is not one. */
export function unitOf(spelling: string, attached: boolean): string | undefined {
  if (attached && Object.hasOwn(ATTACHED_LETTERS, spelling)) return ATTACHED_LETTERS[spelling];
  const key = spelling.toLowerCase();
  return Object.hasOwn(WORDS, key) ? WORDS[key] : undefined;
}

/** Pattern source of every unit spelling (longest first, so `MB` is taken before `M`). */
export function unitPattern(): { attached: string; words: string } {
  const byLength = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);
  const english = Object.keys(WORDS).filter((w) => /^[a-z/%]+$/.test(w));
  const chinese = Object.keys(WORDS).filter((w) => !/^[a-z/%]+$/.test(w));
  // English spellings match in any case: each letter as a two-case class keeps the pattern case-sensitive for `M`/`m`.
  const anyCase = (w: string) => w.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
  return {
    attached: Object.keys(ATTACHED_LETTERS).sort(byLength).join('|'),
    words: [...english.sort(byLength).map(anyCase), ...chinese.sort(byLength)].join('|'),
  };
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
