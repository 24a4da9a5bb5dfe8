import type { ChangeKind, Finding } from '../kind';
import { languagesOf, location, sameText } from '../kind';

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

export const moduleChanged: ChangeKind = {
  id: 'module-changed',
  severity: 'info',
  bump: 'patch',
  summary: 'The module or category a code is filed under changed in one language.',
  template: '{code}: the {lang} module "{old}" → "{new}"',
  detect(pair) {
    if (!pair.old || !pair.new) return [];
    const findings: Finding[] = [];
    for (const lang of languagesOf(pair)) {
      const before = pair.old.entry.texts[lang]?.module;
      const after = pair.new.entry.texts[lang]?.module;
      // Appearing or vanishing is field-added / -removed.
      if (before == null || after == null || sameText(before, after)) continue;
      findings.push({
        params: { code: pair.errorCode, lang, old: before, new: after },
        lang,
        old: before,
        new: after,
        oldLocation: location(pair.old, lang),
        newLocation: location(pair.new, lang),
      });
    }
    return findings;
  },
};
