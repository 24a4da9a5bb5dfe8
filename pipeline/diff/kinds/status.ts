import type { ChangeKind } from '../kind';
import { location } from '../kind';

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
  summary: 'The module or category a code is filed under changed.',
  template: '{code}: module "{old}" → "{new}"',
  detect(pair) {
    const before = pair.old?.entry.module;
    const after = pair.new?.entry.module;
    if (before === undefined || after === undefined || before === after) return [];
    return [{ params: { code: pair.errorCode, old: before, new: after }, old: before, new: after, oldLocation: location(pair.old), newLocation: location(pair.new) }];
  },
};
