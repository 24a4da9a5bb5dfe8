import type { Finding, Rule, RuleContext } from '../rule';
import { variantRows } from '../rule';
import { PUNCTUATION_WITH_SPACE } from '../../text';

/**
 * Texts equal but for typography: Unicode NFKC (full-width ，：（） → ASCII), curly quotes folded to
 * straight ones, whitespace runs collapsed and trimmed — and whitespace next to punctuation ignored,
 * because a full-width `，` or `：` carries its own spacing (`iam，please` reads as `iam, please`).
 */
export function foldPunctuation(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(PUNCTUATION_WITH_SPACE, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

type Kind = 'mismatch' | 'punctuation';

/** Compares, in each variant, each language's message with the primary language's (the first one present). */
function compareMessages(context: RuleContext, kind: Kind): Finding[] {
  const findings: Finding[] = [];
  for (const code of context.merged.byCode.keys()) for (const rows of variantRows(context, code)) {
    if (rows.length < 2) continue;
    const [primary, ...others] = rows;
    const a = primary!.values.message ?? '';
    for (const other of others) {
      const b = other.values.message ?? '';
      if (a === b) continue;
      const punctuationOnly = foldPunctuation(a) === foldPunctuation(b);
      if ((kind === 'punctuation') !== punctuationOnly) continue;
      findings.push({
        errorCode: code,
        params: { code, a: primary!.lang, b: other.lang },
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
  summary: 'The languages give a code different error messages (the literal text the API returns).',
  template: '{code}: the {a} and {b} pages give different messages',
  check: (context) => compareMessages(context, 'mismatch'),
};

export const messagePunctuation: Rule = {
  id: 'message-punctuation',
  defaultSeverity: 'info',
  summary: 'The messages differ only in typography: full-width forms (NFKC), curly quotes, spacing (also next to punctuation).',
  template: '{code}: the {a} and {b} messages differ only in punctuation or spacing',
  check: (context) => compareMessages(context, 'punctuation'),
};
