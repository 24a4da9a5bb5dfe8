import type { ChangeKind, Finding, TextField } from '../kind';
import { languagesOf, location, sameText } from '../kind';
import { extraField, extraKeys } from './fields';

/** A per-language text of a variant changed; the module is one too, and its template quotes both sides. */
function textChanged(field: TextField | 'module', id: string, severity: ChangeKind['severity'], summary: string, template = `{code}: the {lang} ${field} changed`): ChangeKind {
  return {
    id,
    severity,
    bump: 'patch',
    summary,
    template,
    detect(pair) {
      if (!pair.old || !pair.new) return [];
      const findings: Finding[] = [];
      for (const lang of languagesOf(pair)) {
        const before = pair.old.entry.texts[lang]?.[field];
        const after = pair.new.entry.texts[lang]?.[field];
        // Only a text present on both sides changes; appearing or vanishing is field-added / -removed.
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
}

export const messageChanged = textChanged('message', 'message-changed', 'warning',
  'The message the API returns changed in one language: consumers matching on message text may break.');
export const descriptionChanged = textChanged('description', 'description-changed', 'info', 'The description changed in one language.');
export const measureChanged = textChanged('measure', 'measure-changed', 'info', 'The handling measure changed in one language.');
/** A cell of a column that maps to no field (kept as `extra`) changed in one language. */
export const extraChanged: ChangeKind = {
  id: 'extra-changed',
  severity: 'info',
  bump: 'patch',
  summary: 'A cell of a column that maps to no field (kept under extra, e.g. 备注) changed in one language.',
  template: '{code}: the {lang} {field} changed',
  detect(pair) {
    if (!pair.old || !pair.new) return [];
    const findings: Finding[] = [];
    for (const lang of languagesOf(pair)) {
      const before = pair.old.entry.texts[lang]?.extra;
      const after = pair.new.entry.texts[lang]?.extra;
      for (const key of extraKeys(before, after)) {
        const was = before?.[key];
        const now = after?.[key];
        // Appearing or vanishing is field-added / field-removed.
        if (was == null || now == null || sameText(was, now)) continue;
        const field = extraField(key);
        findings.push({ params: { code: pair.errorCode, lang, field }, lang, field, old: was, new: now, oldLocation: location(pair.old, lang), newLocation: location(pair.new, lang) });
      }
    }
    return findings;
  },
};

export const moduleChanged = textChanged('module', 'module-changed', 'info',
  'The module or category a code is filed under changed in one language.', '{code}: the {lang} module "{old}" → "{new}"');
