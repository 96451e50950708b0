/**
 * The domain events of governed writes: one stream, emitted inside the transaction of the change
 * they describe, consumed by the audit trail and the webhook outbox. Shared by the server
 * and the admin panel. A document event's type is the content type's singular name and the change:
 * `customer.created`, `customer-group.updated`.
 */

/** Changes of a governed document. */
export const DOCUMENT_CHANGES = {
  created: 'created',
  updated: 'updated',
  published: 'published',
  unpublished: 'unpublished',
  discarded: 'discarded',
  deleted: 'deleted',
  merged: 'merged',
  unmerged: 'unmerged',
} as const;
export type DocumentChange = (typeof DOCUMENT_CHANGES)[keyof typeof DOCUMENT_CHANGES];

/** `customer.created` for the content type whose singular name is `customer`. */
export const documentEventType = (singularName: string, change: DocumentChange) => `${singularName}.${change}`;

/** Events that are not a change of one document's fields. */
export const EVENT_TYPES = {
  duplicateOverridden: 'duplicate.overridden',
  auditRetention: 'audit.retention',
  importReconciled: 'import.reconciled',
} as const;

/**
 * Where a write came from: the HTTP surface (`rest` = content API, `admin` = admin panel and admin
 * API), `code` outside any request, or a capability that writes on its own account.
 */
export type WriteOrigin = 'rest' | 'admin' | 'code' | 'merge' | 'unmerge' | 'sync' | 'approval' | 'import';

/**
 * Who wrote: an admin user, an API token, a signed-in users-permissions user; `public` for a request
 * that carried no credentials (the users-permissions Public role, granted e.g. create); `system`
 * only for code running outside any HTTP request (bootstrap, scripts, jobs).
 */
export type ActorKind = 'admin' | 'api-token' | 'users-permissions' | 'public' | 'system';

export interface Actor {
  kind: ActorKind;
  /** Admin user id, API token id, users-permissions user id; null for public and system. */
  id: string | null;
  /** Display name: admin "First Last <email>", token name, username; "public"; "system". */
  name: string;
}

/** What the request said about itself (all null outside a request). */
export interface RequestFacts {
  /** `X-Request-Id`, or one made for the request (and returned on the response). */
  id: string | null;
  ip: string | null;
  userAgent: string | null;
  /** `X-Change-Reason` (URI-decoded). */
  reason: string | null;
  /** `X-Duplicate-Override` (URI-decoded, cleaned; '' when sent blank); whether it is honoured is the matching capability's call. */
  override: string | null;
}

/** Changed fields: before and after values. */
export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface DomainEvent {
  /** `customer.updated`, `duplicate.overridden`, ... */
  type: string;
  /**
   * The name the audit trail records: the document service action (create, update, publish,
   * unpublish, discard, delete, clone) or the capability's own (merge, duplicate.override, ...).
   */
  action: string;
  uid: string;
  documentId: string | null;
  locale: string | null;
  changes: Changes;
  /** Overrides the request's reason (e.g. an override's or a retention's own reason). */
  reason: string | null;
  origin: WriteOrigin;
  /** The external system a synced change came in from (`sap`, `crm`), else null: webhooks do not echo it back there. */
  source: string | null;
  actor: Actor;
  request: RequestFacts;
}
