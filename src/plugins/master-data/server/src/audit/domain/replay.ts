/**
 * Rebuilds a record's state at a past time from its audit events ("as of"). Pure. Each event's
 * `changes` carry the after value of every field it changed, so applying them in order gives the
 * state after each event; a delete (or discard of a never-published draft) ends the record.
 */
import type { AuditChanges } from '../../../../shared/contracts/audit';

export interface ReplayEvent {
  sequence: number;
  occurredAt: string;
  action: string;
  changes: AuditChanges;
}

export const replay = (events: ReplayEvent[], at: string): { state: Record<string, unknown> | null; eventsApplied: number } => {
  let state: Record<string, unknown> | null = null;
  let applied = 0;
  for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
    if (event.occurredAt > at) break;
    applied += 1;
    if (event.action === 'delete') {
      state = null;
      continue;
    }
    if (!['create', 'update', 'discard', 'publish'].includes(event.action) && !state) continue;
    state = { ...(state ?? {}) };
    for (const [field, { after }] of Object.entries(event.changes)) state[field] = after;
  }
  return { state, eventsApplied: applied };
};
