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

/**
 * What a reader is shown of recorded values: its field-level read permissions apply (admin: the
 * Content Manager's read permission of the event's content type, field by field; content API: the
 * token's or role's `find`/`findOne` on the type, then the content API's output sanitizer, which
 * removes private fields). Fingerprints of sensitive fields are withheld like the values.
 * - A field the reader may not read: `{ restricted: true }` (that it changed is shown, no value).
 * - A component the reader may read in part: the sub-fields it may not read are left out of
 *   before/after and named in `hidden` (e.g. `["bankAccounts.iban"]`).
 * - A reader who may not read the content type at all still sees its events (who, when, which
 *   fields), with every field restricted.
 * - Keys that are not attributes of the type: the bookkeeping of merge/unmerge/duplicate.override
 *   events (document ids, scores) is shown to readers of the type; on record writes they are values
 *   of fields since removed from the schema, shown only to readers of every field.
 * The plugin's own events (uid `plugin::master-data.*`, e.g. audit.retention) carry no record values
 * and are shown as they are; events of a content type since removed from the schema have every
 * field restricted (no permission can be known for them).
 */
export interface AuditChangeView {
  before: unknown;
  after: unknown;
  /** Sub-field paths left out of before/after: the reader may not read them. */
  hidden?: string[];
}
export interface RestrictedChange {
  restricted: true;
}
export type AuditChangesView = Record<string, AuditChangeView | RestrictedChange>;

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

/**
 * How a record is named on the trail's pages: its code and name as they are now (the draft of a
 * draft & publish type), read once per page. Each is null when the record has none, or the reader
 * may not read that field.
 */
export interface AuditRecordLabel {
  code: string | null;
  name: string | null;
}

/** An event as a reader sees it (see AuditChangesView). Also the rows of the CSV export. */
export type AuditEventView = Omit<AuditEvent, 'changes'> & {
  changes: AuditChangesView;
  /**
   * On the list routes: the record's current code and name; null when the event names no record,
   * the record no longer exists, or the reader may not read its content type (then only the
   * documentId identifies it). Not in the CSV export.
   */
  label?: AuditRecordLabel | null;
};

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
  Response: { data: AuditEventView[]; meta: { nextCursor: string | null; limit: number } };
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
  /**
   * The record's field values at `at`, rebuilt from its events; null if it did not exist then.
   * Fields and sub-fields the reader may not read are left out of `state` and named in `restricted`.
   */
  Response: { data: { state: Record<string, unknown> | null; restricted: string[]; eventsApplied: number; at: string } };
}
