/**
 * The audit retention procedure: the only way events leave the trail. In one transaction it
 * records a checkpoint (the sequence and hash of the last removed event), unlocks deletes for
 * that transaction only, removes the events up to it, and appends an `audit.retention` event.
 * The verifier then starts from the checkpoint: the first kept event's prevHash must equal the
 * checkpoint's hash, so the rest of the chain stays verifiable.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { CHECKPOINTS, EVENTS, RETENTION_LOCK } from './schema';

export const AUDIT_UID = 'plugin::master-data.audit';

/** Removes events that occurred before `before` (ISO date); returns how many and the checkpoint. */
export const purgeAuditEvents = async (strapi: Core.Strapi, { before, reason }: { before: string; reason: string }) => {
  return strapi.db.transaction(async ({ trx }) => {
    const last = await trx(EVENTS).where('occurred_at', '<', before).orderBy('sequence', 'desc').first();
    if (!last) return { removed: 0, checkpoint: null };
    const postgres = strapi.db.dialect.client === 'postgres';
    if (postgres) await trx.raw(`SET LOCAL master_data.audit_retention = 'on'`);
    else await trx(RETENTION_LOCK).insert({ active: 1 });
    const removed = await trx(EVENTS).where('sequence', '<=', last.sequence).del();
    if (!postgres) await trx(RETENTION_LOCK).del();
    if (postgres) await trx.raw(`SET LOCAL master_data.audit_retention = 'off'`);
    await trx(CHECKPOINTS).insert({ sequence: last.sequence, hash: last.hash, created_at: new Date().toISOString(), removed, reason });
    await getService('audit', strapi).record({
      trx,
      uid: AUDIT_UID,
      documentId: null,
      action: 'audit.retention',
      changes: {
        checkpoint: { before: null, after: { sequence: Number(last.sequence), hash: last.hash } },
        removed: { before: null, after: removed },
      },
      reason,
    });
    return { removed, checkpoint: Number(last.sequence) };
  });
};
