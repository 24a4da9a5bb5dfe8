import type { CatalogEntry } from '../../generated/catalog';
import type { ChangeKind, EntryPair, Finding } from '../kind';
import { location } from '../kind';

/** The status `lang`'s page gives an entry: its own when it differs from the entry's, else the entry's; null for none. */
function pageStatus(entry: CatalogEntry, lang: string): number | null {
  const text = entry.texts[lang];
  if (text === undefined) return null;
  return 'httpStatus' in text ? (text.httpStatus ?? null) : entry.httpStatus;
}

export const statusChanged: ChangeKind = {
  id: 'status-changed',
  severity: 'breaking',
  bump: 'major',
  summary: "A code's HTTP status changed, or the status one language's page gives it: clients that branch on the status break.",
  template: '{code}: status {old} → {new}{where}',
  detect(pair: EntryPair): Finding[] {
    if (!pair.old || !pair.new) return [];
    const before = pair.old.entry.httpStatus ?? null;
    const after = pair.new.entry.httpStatus ?? null;
    if (before !== null && after !== null && before !== after) {
      return [{ params: { code: pair.errorCode, old: String(before), new: String(after), where: '' }, old: before, new: after, oldLocation: location(pair.old), newLocation: location(pair.new) }];
    }
    // The entry's status (the primary page's) is the same: a page that gives its own may still have
    // changed it (texts.<lang>.httpStatus, explain's statusByLang).
    const findings: Finding[] = [];
    for (const lang of Object.keys(pair.new.entry.texts).sort()) {
      const was = pageStatus(pair.old.entry, lang);
      const now = pageStatus(pair.new.entry, lang);
      if (was === null || now === null || was === now) continue;
      findings.push({
        params: { code: pair.errorCode, old: String(was), new: String(now), where: ` on the ${lang} page` },
        lang,
        old: was,
        new: now,
        oldLocation: location(pair.old, lang),
        newLocation: location(pair.new, lang),
      });
    }
    return findings;
  },
};
