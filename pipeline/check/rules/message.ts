import type { Finding, Rule, RuleContext } from '../rule';
import { sharedRows, variantRows } from '../rule';
import { QUOTING_WITH_SPACE } from '../../text';
import { differingWords, messageScript, type Script } from './message-text';

/**
 * Texts equal but for typography, as a translator reads them: Unicode NFKC (full-width ，：（） →
 * ASCII), letter case, curly quotes folded to straight ones, every dash and the minus sign folded to a
 * hyphen, whitespace runs collapsed and trimmed, whitespace next to punctuation or a backtick ignored
 * (a full-width `，` or `：` carries its own spacing: `iam，please` reads as `iam, please`), and one
 * trailing full stop (`.` or `。`) dropped.
 */
export function foldTypography(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(QUOTING_WITH_SPACE, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\u3002]$/u, '');
}

type Kind = 'mismatch' | 'punctuation';

/**
 * Whether two messages' wording can be compared: both predominantly in one script, or one of them
 * with no words at all (an identifier such as `SC_BAD_REQUEST` is the same text in every language).
 * A mixed-script message is compared with nothing.
 */
export function sameScript(a: Script, b: Script): boolean {
  if (a === 'mixed' || b === 'mixed') return false;
  return a === b || a === 'none' || b === 'none';
}

/**
 * Compares, in each variant, each language's message with the primary language's (the first one
 * present). Only messages in the same script are compared: a Chinese message against an English one
 * is a translation, not a divergence (see {@link messageScript}).
 */
function compareMessages(context: RuleContext, kind: Kind): Finding[] {
  const findings: Finding[] = [];
  for (const code of context.merged.byCode.keys()) for (const rows of variantRows(context, code)) {
    if (rows.length < 2) continue;
    // A row standing for several is no translation of any one of them (variant-group reports it).
    const shared = sharedRows(context, code);
    if (shared.size > 0 && rows.some((row) => shared.has(row))) continue;
    const [primary, ...others] = rows;
    const a = primary!.values.message ?? '';
    const scriptA = messageScript(a);
    for (const other of others) {
      const b = other.values.message ?? '';
      if (a === b) continue;
      const script = messageScript(b);
      if (!sameScript(scriptA, script)) continue;
      const typographyOnly = foldTypography(a) === foldTypography(b);
      if ((kind === 'punctuation') !== typographyOnly) continue;
      const words = kind === 'mismatch' ? differingWords(a, b, foldTypography) : null;
      findings.push({
        errorCode: code,
        params: { code, a: primary!.lang, b: other.lang, ...(words ? { words: `"${words[0]}" vs "${words[1]}"` } : {}) },
        rows: [primary!, other],
        texts: { [primary!.lang]: a, [other.lang]: b },
        identity: [primary!.lang, other.lang, a, b],
      });
    }
  }
  return findings;
}

export const messageMismatch: Rule = {
  id: 'message-mismatch',
  defaultSeverity: 'warning',
  summary: 'The languages give a code different error messages (the literal text the API returns), in the same script; the report names the differing words.',
  template: '{code}: the {a} and {b} pages give different messages: {words}',
  check: (context) => compareMessages(context, 'mismatch'),
};

export const messagePunctuation: Rule = {
  id: 'message-punctuation',
  defaultSeverity: 'info',
  summary: 'The messages differ only in typography: full-width forms (NFKC), case, curly quotes, dashes, a trailing full stop, spacing (also next to punctuation).',
  template: '{code}: the {a} and {b} messages differ only in typography',
  check: (context) => compareMessages(context, 'punctuation'),
};
