import type { ChangeKind, EntryPair, Finding } from '../kind';
import { location, sameText, TEXT_FIELDS } from '../kind';

/**
 * The languages of a variant present on both sides, in the new catalog's order (primary first), so
 * the language named as the changed one is the same on every run.
 */
function languagesOnBothSides(pair: EntryPair): string[] {
  const order = [pair.new!.catalog.primaryLanguage, ...pair.new!.catalog.languages];
  const both = Object.keys(pair.new!.entry.texts).filter((l) => Object.hasOwn(pair.old!.entry.texts, l));
  return [...new Set(order.filter((l) => both.includes(l)).concat(both.sort()))];
}

/**
 * One language's text of a variant changed and another's same field did not: the other may now
 * be out of date (gettext's "fuzzy"). Texts present on both sides only: a text appearing or
 * vanishing is field-added / field-removed, and a language with no such text has nothing to lag.
 * Every per-language text field in TEXT_FIELDS is watched, so a new one is watched by being listed there.
 */
function staleTranslations(pair: EntryPair): Finding[] {
  if (!pair.old || !pair.new) return [];
  const findings: Finding[] = [];
  const langs = languagesOnBothSides(pair);
  for (const field of TEXT_FIELDS) {
    const before = (lang: string) => pair.old!.entry.texts[lang]?.[field] ?? null;
    const after = (lang: string) => pair.new!.entry.texts[lang]?.[field] ?? null;
    const present = langs.filter((l) => before(l) !== null && after(l) !== null);
    const changed = present.filter((l) => !sameText(before(l), after(l)));
    // Both (all) languages changed: the translation moved with the text, nothing lags.
    if (changed.length === 0 || changed.length === present.length) continue;
    const by = changed[0]!;
    // A language whose text the change now equals cannot lag behind it (a typo fixed to read as
    // the other page already did, or text the pages keep in one language, such as an API message).
    for (const lang of present.filter((l) => !changed.includes(l) && !sameText(after(l), after(by)))) {
      findings.push({
        params: { code: pair.errorCode, field, lang, changed: by },
        lang,
        field,
        changedLang: by,
        old: before(by),
        new: after(by),
        unchanged: after(lang)!,
        oldLocation: location(pair.old, by),
        newLocation: location(pair.new, by),
        laggingLocation: location(pair.new, lang),
      });
    }
  }
  return findings;
}

export const translationStale: ChangeKind = {
  id: 'translation-stale',
  severity: 'info',
  bump: 'none',
  summary: "One language's text of a variant changed and the other language's same text did not: that translation may now lag behind. Asks for a translator's look; never calls for a version bump.",
  template: '{code}: the {changed} {field} changed, the {lang} {field} did not ({lang} may lag behind)',
  detect: staleTranslations,
};
