import type { LocalizedText } from '../../generated/catalog';
import type { ChangeKind, EntryPair, Finding } from '../kind';
import { languagesOf, location, TEXT_FIELDS } from '../kind';

/** Fields that went from absent to present (`added`) or back, on a code present on both sides. */
function fieldPresence(pair: EntryPair, added: boolean): Finding[] {
  if (!pair.old || !pair.new) return [];
  const findings: Finding[] = [];
  const had = (v: unknown) => v !== null && v !== undefined && v !== '';
  const check = (field: string, before: unknown, after: unknown, lang?: string) => {
    if (had(before) === had(after) || had(after) !== added) return;
    findings.push({
      params: { code: pair.errorCode, field, where: lang ? ` (${lang})` : '' },
      field,
      ...(lang ? { lang } : {}),
      old: (before ?? null) as string | number | null,
      new: (after ?? null) as string | number | null,
      oldLocation: location(pair.old, lang),
      newLocation: location(pair.new, lang),
    });
  };
  check('httpStatus', pair.old.entry.httpStatus, pair.new.entry.httpStatus);
  for (const lang of languagesOf(pair)) {
    const before = pair.old.entry.texts[lang];
    const after = pair.new.entry.texts[lang];
    if (!before || !after) continue; // a whole language appearing is language-added
    for (const field of ['module', ...TEXT_FIELDS] as const) check(field, before[field], after[field], lang);
    for (const key of extraKeys(before.extra, after.extra)) check(extraField(key), before.extra?.[key], after.extra?.[key], lang);
  }
  return findings;
}

/** The keys of a text's `extra` (cells of columns that map to no field) on either side, sorted. */
export function extraKeys(before: LocalizedText["extra"], after: LocalizedText["extra"]): string[] {
  return [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
}

/** How a change names a cell kept under `extra`: `extra["备注"]`, as unmapped-column does. */
export const extraField = (key: string): string => `extra[${JSON.stringify(key)}]`;

export const fieldAdded: ChangeKind = {
  id: 'field-added',
  severity: 'info',
  bump: 'minor',
  summary: 'A field a code did not have (e.g. a newer page adds the status column).',
  template: '{code}: {field}{where} added',
  detect: (pair) => fieldPresence(pair, true),
};

export const fieldRemoved: ChangeKind = {
  id: 'field-removed',
  severity: 'info',
  bump: 'patch',
  summary: 'A field a code no longer has.',
  template: '{code}: {field}{where} removed',
  detect: (pair) => fieldPresence(pair, false),
};
