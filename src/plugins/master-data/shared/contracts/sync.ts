/**
 * Inbound sync by external id (ERP → hub): the answers of `POST /api/master-data/sync/:system`.
 * `PUT` and `GET /api/master-data/sync/:system/:externalId` answer like the REST API
 * (`{ data, meta }`, errors as `{ data: null, error }`).
 */

/** What happened to one record of a batch. */
export interface SyncRowResult {
  /** Position of the record in the batch (0-based). */
  index: number;
  /** Line of an NDJSON body (1-based). */
  line?: number;
  /** The record's external id, when the row had one. */
  externalId: string | null;
  /** As the single upsert would answer: 201 created, 200 updated, 202 held for approval, 4xx refused. */
  status: number;
  documentId?: string;
  /** What the pipeline said besides (e.g. `changeRequest` of a 202). */
  meta?: Record<string, unknown>;
  error?: { name: string; message: string; details?: unknown };
}

export interface SyncBatchResponse {
  data: SyncRowResult[];
  meta: { total: number; succeeded: number; failed: number };
}
