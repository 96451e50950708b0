/**
 * The body of a delivery (see WebhookPayload in shared/contracts/webhooks.ts), built from a domain
 * event and the record's published state. Pure.
 */
import type { WebhookPayload } from '../../../../shared/contracts/webhooks';

/** Database ids (of the row and of its components) mean nothing outside: dropped, documentIds kept. */
export const publicRecord = (value: unknown, depth = 0): any => {
  if (Array.isArray(value)) return value.map((item) => publicRecord(item, depth + 1));
  if (value === null || typeof value !== 'object' || value instanceof Date || depth > 20) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'id' || key === '__temp_key__') continue;
    out[key] = publicRecord(child, depth + 1);
  }
  return out;
};

export interface PayloadInput {
  type: string;
  at: Date;
  uid: string | null;
  documentId: string | null;
  sequence: number | null;
  changes: Record<string, { before: unknown; after: unknown }>;
  /** The published state after the change, or null. */
  record: Record<string, unknown> | null;
  codeField: string | null;
  externalIdsField: string | null;
}

const externalIdsOf = (value: unknown): Array<{ system: string; externalId: string }> =>
  Array.isArray(value)
    ? value
        .filter((item) => item && typeof item === 'object' && typeof item.system === 'string' && typeof item.externalId === 'string')
        .map((item) => ({ system: item.system, externalId: item.externalId }))
    : [];

export const buildPayload = (input: PayloadInput): WebhookPayload => {
  const { record, changes, codeField, externalIdsField } = input;
  // Without a published state (a deleted record), what it was: the values before the change.
  const before = (field: string | null) => (field ? changes[field]?.before : undefined);
  const pick = (field: string | null) => (field ? (record?.[field] ?? before(field) ?? changes[field]?.after) : undefined);
  const { changeRequest, ...fieldChanges } = changes;
  return {
    type: input.type,
    timestamp: input.at.toISOString(),
    data: {
      uid: input.uid,
      documentId: input.documentId,
      code: (pick(codeField) as string | undefined) ?? null,
      sequence: input.sequence,
      changes: publicRecord(fieldChanges),
      record: record ? publicRecord(record) : null,
      externalIds: externalIdsOf(pick(externalIdsField)),
      ...(changeRequest ? { changeRequest: changeRequest.after ?? changeRequest.before } : {}),
    },
  };
};
