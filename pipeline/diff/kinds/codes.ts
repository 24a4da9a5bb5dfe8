import type { ChangeKind } from '../kind';
import { location } from '../kind';

export const codeAdded: ChangeKind = {
  id: 'code-added',
  severity: 'info',
  bump: 'minor',
  summary: 'A code the old docs did not have.',
  template: '{code} was added',
  detect: (pair) => (!pair.codeOnBothSides && !pair.old && pair.new ? [{ params: { code: pair.errorCode }, newLocation: location(pair.new) }] : []),
};

export const codeRemoved: ChangeKind = {
  id: 'code-removed',
  severity: 'breaking',
  bump: 'major',
  summary: 'A code the new docs no longer have: consumers matching on it break.',
  template: '{code} was removed',
  detect: (pair) => (!pair.codeOnBothSides && pair.old && !pair.new ? [{ params: { code: pair.errorCode }, oldLocation: location(pair.old) }] : []),
};
