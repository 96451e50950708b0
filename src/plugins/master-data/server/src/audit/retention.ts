/**
 * The audit retention procedure: the only way events leave the trail. In one transaction it
 * records a checkpoint (the sequence and hash of the last removed event), unlocks deletes for
 * that transaction only, removes the events up to it, and appends an `audit.retention` event.
 * The verifier then starts from the checkpoint: the first kept event's prevHash must equal the
 * checkpoint's hash, so the rest of the chain stays verifiable.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../governance/services';
import { EVENT_TYPES } from '../../../shared/contracts/events';
import { configSchema } from '../config/schema';
import { CHECKPOINTS, EVENTS, RETENTION_LOCK } from './schema';

export const AUDIT_UID = 'plugin::master-data.audit';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The latest cut-off allowed now: `audit.retention.minimumAgeDays` before `now`. A typo in a date
 * (2025 for 2015) or a script run with "now" must not wipe the recent trail.
 */
export const latestCutoff = (minimumAgeDays: number, now = Date.now()) => new Date(now - minimumAgeDays * DAY);

/** Throws a ValidationError unless `before` is a date at least the configured minimum age in the past. */
export const checkCutoff = (strapi: Core.Strapi, before: string) => {
  const at = Date.parse(before);
  if (typeof before !== 'string' || Number.isNaN(at)) throw new errors.ValidationError(`before: "${before}" is not a date`);
  const { minimumAgeDays } = configSchema.parse(strapi.config.get('plugin::master-data')).audit.retention;
  const latest = latestCutoff(minimumAgeDays);
  if (at > latest.getTime()) {
    throw new errors.ValidationError(
      `before: ${new Date(at).toISOString()} is too recent; events younger than ${minimumAgeDays} days (master-data.config.audit.retention.minimumAgeDays) are kept, so the latest cut-off now is ${latest.toISOString()}`,
      { key: 'before', minimumAgeDays, latest: latest.toISOString() }
    );
  }
  return new Date(at).toISOString();
};

/** Removes events that occurred before `before` (ISO date); returns how many and the checkpoint. Throws if `before` is younger than the minimum age. */
export const purgeAuditEvents = async (strapi: Core.Strapi, { before: requested, reason }: { before: string; reason: string }) => {
  const before = checkCutoff(strapi, requested);
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
    await getService('governance', strapi).emit({
      trx,
      event: {
        type: EVENT_TYPES.auditRetention,
        uid: AUDIT_UID,
        documentId: null,
        action: 'audit.retention',
        changes: {
          checkpoint: { before: null, after: { sequence: Number(last.sequence), hash: last.hash } },
          removed: { before: null, after: removed },
        },
        reason,
      },
    });
    return { removed, checkpoint: Number(last.sequence) };
  });
};
