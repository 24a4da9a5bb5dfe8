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
