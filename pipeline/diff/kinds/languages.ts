import type { ChangeKind, EntryPair, Finding } from '../kind';
import { languagesOf, location } from '../kind';

function languagePresence(pair: EntryPair, added: boolean): Finding[] {
  if (!pair.old || !pair.new) return [];
  return languagesOf(pair)
    .filter((lang) => (lang in pair.old!.entry.texts) !== (lang in pair.new!.entry.texts) && (lang in pair.new!.entry.texts) === added)
    .map((lang) => ({
      params: { code: pair.errorCode, lang },
      lang,
      ...(added ? { newLocation: location(pair.new, lang) } : { oldLocation: location(pair.old, lang) }),
    }));
}

export const languageAdded: ChangeKind = {
  id: 'language-added',
  severity: 'warning',
  bump: 'minor',
  summary: 'A code is now documented in a language it was not.',
  template: '{code} is now documented in {lang}',
  detect: (pair) => languagePresence(pair, true),
};

export const languageRemoved: ChangeKind = {
  id: 'language-removed',
  severity: 'warning',
  bump: 'patch',
  summary: 'A code is no longer documented in a language.',
  template: '{code} is no longer documented in {lang}',
  detect: (pair) => languagePresence(pair, false),
};
