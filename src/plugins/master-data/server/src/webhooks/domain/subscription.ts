/**
 * Which endpoints receive an event, and what each of them is sent. Pure.
 *
 * An endpoint subscribes to event types (`customer.updated`, `customer.*`, `*`), optionally only for
 * some content types; it is not sent back a change that came in from its own system (echo
 * suppression, unless switched off). It is sent the attributes it asked for (all by default), and
 * sensitive values only if it is allowed them: otherwise they read "[masked]".
 */
import type { WebhookPayload } from '../../../../shared/contracts/webhooks';

export const MASKED = '[masked]';

export interface Subscriber {
  events: string[];
  contentTypes: string[];
  system: string | null;
  suppressEcho: boolean;
}

export interface EventFacts {
  type: string;
  uid: string | null;
  /** The external system the change came in from. */
  source: string | null;
}

/** `customer.*` matches `customer.updated`; `*` matches every type. */
export const matchesType = (patterns: string[], type: string) =>
  patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));

export const subscribes = (endpoint: Subscriber, event: EventFacts) =>
  matchesType(endpoint.events, event.type) &&
  (endpoint.contentTypes.length === 0 || (event.uid !== null && endpoint.contentTypes.includes(event.uid))) &&
  !(endpoint.suppressEcho && endpoint.system !== null && event.source !== null && endpoint.system === event.source);

/** The check of a pattern an admin enters: a known type, `<prefix>.*` of one, or `*`. */
export const patternProblem = (pattern: string, known: string[]): string | null => {
  if (pattern === '*') return null;
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -1);
    return known.some((type) => type.startsWith(prefix)) ? null : `matches no event type (known: ${known.join(', ')})`;
  }
  return known.includes(pattern) ? null : `is not an event type (known: ${known.join(', ')}, or "<prefix>.*", or "*")`;
};

export interface Shaping {
  /** Top-level attributes to send; empty: all. */
  fields: string[];
  allowSensitive: boolean;
  /** `field` or `component.field` paths that are sensitive for this content type. */
  sensitive: string[];
}

/** Masks `child` of a component value (or the value itself when `child` is undefined). */
const maskValue = (value: unknown, child: string | undefined): unknown => {
  if (value === null || value === undefined) return value;
  if (child === undefined) return MASKED;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, child));
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return record[child] === null || record[child] === undefined ? record : { ...record, [child]: MASKED };
  }
  return value;
};

const shapeRecord = (record: Record<string, unknown>, shaping: Shaping, keep: (field: string) => boolean) => {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (!keep(field)) continue;
    let shaped = value;
    if (!shaping.allowSensitive) {
      for (const path of shaping.sensitive) {
        const [head, child] = path.split('.');
        if (head === field) shaped = maskValue(shaped, child);
      }
    }
    out[field] = shaped;
  }
  return out;
};

/** Always sent, whatever `fields` says: what a receiver needs to apply the event. */
const IDENTITY = new Set(['documentId', 'code', 'locale', 'publishedAt', 'updatedAt', 'createdAt']);

/** The payload as one endpoint is sent it. */
export const shapePayload = (payload: WebhookPayload, shaping: Shaping): WebhookPayload => {
  const keep = (field: string) => shaping.fields.length === 0 || shaping.fields.includes(field) || IDENTITY.has(field);
  const { record, changes } = payload.data;
  const shapedChanges: WebhookPayload['data']['changes'] = {};
  for (const [field, change] of Object.entries(changes ?? {})) {
    if (!keep(field) && field !== 'changeRequest') continue;
    const masked = shapeRecord({ [field]: change.before }, shaping, () => true)[field];
    const maskedAfter = shapeRecord({ [field]: change.after }, shaping, () => true)[field];
    shapedChanges[field] = { before: masked, after: maskedAfter };
  }
  return {
    ...payload,
    data: { ...payload.data, changes: shapedChanges, record: record ? shapeRecord(record, shaping, keep) : null },
  };
};
