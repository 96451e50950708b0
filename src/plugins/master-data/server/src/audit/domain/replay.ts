/**
 * Rebuilds a record's state at a past time from its audit events ("as of"). Pure. The state is the
 * record as edited (its draft, for draft-and-publish types): create, clone, update and discard
 * events carry the after value of every field they changed and are applied in order; publish and
 * unpublish change only the published copy and leave it as it is; delete ends the record.
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
    if (event.action === 'create' || event.action === 'clone') state = {};
    else if (!state || !['update', 'discard'].includes(event.action)) continue;
    state = { ...state };
    for (const [field, { after }] of Object.entries(event.changes)) state[field] = after;
  }
  return { state, eventsApplied: applied };
};
