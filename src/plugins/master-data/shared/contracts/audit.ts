/**
 * Audit trail contracts, shared by the server and the admin panel.
 *
 * Admin routes (admin JWT):            Content API routes (API token / users-permissions):
 *   GET /master-data/audit-events        GET /api/master-data/audit-events
 *   GET /master-data/audit-events/export (CSV, same filters)
 *   GET /master-data/audit-events/verify
 *   GET /master-data/audit-events/as-of?uid=&documentId=&at=
 */
import type { Actor, ActorKind } from './events';

export type { ActorKind };
/** Who wrote (see ./events.ts). */
export type AuditActor = Actor;

/** Changed fields: before and after values (sensitive values replaced by a fingerprint). */
export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

export interface AuditEvent {
  sequence: number;
  /** ISO 8601, UTC. */
  occurredAt: string;
  actor: AuditActor;
  /** create | update | delete | publish | unpublish | discard, or a capability's own type (e.g. duplicate.override). */
  action: string;
  uid: string;
  documentId: string | null;
  locale: string | null;
  changes: AuditChanges;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  outcome: 'success' | 'failure';
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  uid?: string;
  documentId?: string;
  /** Actor id, or a part of the actor name (taken literally: `%` and `_` match only themselves). */
  actor?: string;
  action?: string;
  /** ISO 8601 inclusive bounds. */
  from?: string;
  to?: string;
  /** Return events with a sequence lower than this (from the previous page's meta.nextCursor). */
  cursor?: string;
  /** 1..500, default 50. */
  limit?: number;
}

export interface ListAuditEvents {
  Query: AuditQuery;
  Response: { data: AuditEvent[]; meta: { nextCursor: string | null; limit: number } };
}

export interface VerifyAudit {
  Response: {
    data: {
      ok: boolean;
      checked: number;
      firstBrokenSequence: number | null;
      reason: string | null;
      fromCheckpoint: number | null;
      /** The newest event: keep it elsewhere to detect events cut off the end later. */
      head: { sequence: number; hash: string } | null;
    };
  };
}

export interface AuditAsOf {
  Query: { uid: string; documentId: string; at: string };
  /** The record's field values at `at`, rebuilt from its events; null if it did not exist then. */
  Response: { data: { state: Record<string, unknown> | null; eventsApplied: number; at: string } };
}
