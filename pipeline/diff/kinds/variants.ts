import type { ChangeKind, EntryPair } from '../kind';
import { location } from '../kind';

/** A variant in a few words: the primary language's module, the status, the primary language's message (else the first language's). */
const describe = (side: NonNullable<EntryPair['old']>) => {
  const text = side.entry.texts[side.catalog.primaryLanguage] ?? Object.values(side.entry.texts)[0];
  return [text?.module, side.entry.httpStatuses?.join('/') ?? side.entry.httpStatus, text?.message]
    .filter((v) => v !== undefined && v !== null)
    .join(' · ');
};

export const variantAdded: ChangeKind = {
  id: 'variant-added',
  severity: 'info',
  bump: 'minor',
  summary: 'A code the docs already had gained a variant (another row: a status, module or message it did not have).',
  template: '{code}: variant added ({what})',
  detect: (pair) =>
    pair.codeOnBothSides && !pair.old && pair.new ? [{ params: { code: pair.errorCode, what: describe(pair.new) }, newLocation: location(pair.new) }] : [],
};

export const variantRemoved: ChangeKind = {
  id: 'variant-removed',
  severity: 'warning',
  bump: 'patch',
  summary: 'A code lost one of its variants (a status, module or message combination is no longer documented).',
  template: '{code}: variant removed ({what})',
  detect: (pair) =>
    pair.codeOnBothSides && pair.old && !pair.new ? [{ params: { code: pair.errorCode, what: describe(pair.old) }, oldLocation: location(pair.old) }] : [],
};
