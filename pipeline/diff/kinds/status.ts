import type { CatalogEntry } from '../../generated/catalog';
import { pageStatusOf } from '../../merge';
import type { ChangeKind, EntryPair, Finding } from '../kind';
import { location } from '../kind';

/** The status `lang`'s page gives an entry (see pageStatusOf): one number, or `400/404` for several; null for none. */
function pageStatus(entry: CatalogEntry, lang: string): number | string | null {
  const own = pageStatusOf(entry, lang);
  return own?.httpStatuses?.join('/') ?? own?.httpStatus ?? null;
}

export const statusChanged: ChangeKind = {
  id: 'status-changed',
  severity: 'breaking',
  bump: 'major',
  summary: "A code's HTTP status changed: clients that branch on the status break.",
  template: '{code}: status {old} → {new}',
  detect(pair) {
    const before = pair.old?.entry.httpStatus ?? null;
    const after = pair.new?.entry.httpStatus ?? null;
    if (before === null || after === null || before === after) return [];
    return [{ params: { code: pair.errorCode, old: String(before), new: String(after) }, old: before, new: after, oldLocation: location(pair.old), newLocation: location(pair.new) }];
  },
};

/**
 * The code's status (the primary page's) is the same, but the status another language's page gives
 * it changed (texts.<lang>.httpStatus, explain's statusByLang). A page that disagrees with the
 * primary one is a documentation error (status-mismatch), and so is its fix: the status clients get
 * did not change, so this is a warning and a patch, as a changed message is.
 */
export const pageStatusChanged: ChangeKind = {
  id: 'page-status-changed',
  severity: 'warning',
  bump: 'patch',
  summary: "The status one language's page gives a code changed while the code's status (the primary page's) did not: a page now disagrees with the primary one, or agrees again.",
  template: '{code}: the {lang} page gives status {old} → {new} (the code\'s status stays {status})',
  detect(pair: EntryPair): Finding[] {
    if (!pair.old || !pair.new) return [];
    const status = pair.new.entry.httpStatus ?? null;
    if (status === null || (pair.old.entry.httpStatus ?? null) !== status) return [];
    const findings: Finding[] = [];
    for (const lang of Object.keys(pair.new.entry.texts).sort()) {
      const was = pageStatus(pair.old.entry, lang);
      const now = pageStatus(pair.new.entry, lang);
      if (was === null || now === null || was === now) continue;
      findings.push({
        params: { code: pair.errorCode, lang, old: String(was), new: String(now), status: String(status) },
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
