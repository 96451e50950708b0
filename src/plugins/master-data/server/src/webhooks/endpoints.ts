/**
 * Webhook endpoints: checked input, stored rows (secrets sealed), views as the admin API answers
 * them, and their life cycle (create, change, rotate the secret, delete, disable by the
 * dispatcher). Every change is an event on the audit trail (`webhook.*` actions), in the same
 * transaction as the change; secrets never appear in it.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { fieldError, parse } from '../http';
import { getService } from '../governance/services';
import { encryptionKey } from '../security/secrets';
import { parseAllowList, urlProblem } from './domain/address';
import { patternProblem } from './domain/subscription';
import { newSecret, secretHint } from './domain/signing';
import { openSecret, sealSecret } from './crypto';
import { RefusedAddressError, resolveChecked } from './transport';
import type { Catalogue } from './catalogue';
import { DELIVERIES, ENDPOINTS, ATTEMPTS } from './schema';
import type {
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointDisabledReason,
  WebhookEndpointWithSecret,
} from '../../../shared/contracts/webhooks';

/** The audit trail's name for endpoints (not a content type: no record values to withhold). */
export const ENDPOINT_UID = 'plugin::master-data.webhook-endpoint';

/** Headers an endpoint may not set: the signature's, and those the HTTP client owns. */
const RESERVED_HEADERS = /^(webhook-.*|content-type|content-length|host|connection|transfer-encoding|user-agent|expect|upgrade|te|keep-alive|proxy-.*)$/i;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

const inputSchema = z
  .object({
    url: z.string().trim().min(1).max(2000),
    description: z.string().trim().max(500).nullish(),
    events: z.array(z.string().min(1).max(100)).min(1, 'subscribe to at least one event type').max(100),
    contentTypes: z.array(z.string().min(1).max(255)).max(50).default([]),
    fields: z.array(z.string().min(1).max(100)).max(500).default([]),
    allowSensitive: z.boolean().default(false),
    headers: z
      .record(z.string(), z.string().max(2000))
      .refine((h) => Object.keys(h).length <= 20, 'at most 20 headers')
      .default({}),
    enabled: z.boolean().default(true),
    system: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, 'must be lower-case letters, digits, "-" or "_" (at most 50)')
      .nullish(),
    suppressEcho: z.boolean().default(true),
  })
  .strict();

export type EndpointInput = z.infer<typeof inputSchema>;

export interface EndpointRow {
  id: number;
  url: string;
  description: string | null;
  events: string;
  content_types: string;
  fields: string;
  allow_sensitive: boolean | number;
  headers: string;
  enabled: boolean | number;
  system: string | null;
  suppress_echo: boolean | number;
  secrets: string;
  secret_hint: string;
  disabled_reason: string | null;
  failing_since: number | string | null;
  created_at: string;
  updated_at: string;
}

/** An endpoint as the dispatcher and the outbox use it. */
export interface Endpoint {
  id: number;
  url: string;
  events: string[];
  contentTypes: string[];
  fields: string[];
  allowSensitive: boolean;
  headers: Record<string, string>;
  enabled: boolean;
  system: string | null;
  suppressEcho: boolean;
  failingSince: number | null;
}

interface StoredSecret {
  sealed: string;
  /** ms; null for the current secret. */
  expiresAt: number | null;
}

const num = (value: number | string | null) => (value === null || value === undefined ? null : Number(value));

export const toEndpoint = (row: EndpointRow): Endpoint => ({
  id: Number(row.id),
  url: row.url,
  events: JSON.parse(row.events),
  contentTypes: JSON.parse(row.content_types),
  fields: JSON.parse(row.fields),
  allowSensitive: Boolean(row.allow_sensitive),
  headers: JSON.parse(row.headers),
  enabled: Boolean(row.enabled),
  system: row.system,
  suppressEcho: Boolean(row.suppress_echo),
  failingSince: num(row.failing_since),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Values an audit event shows of an endpoint (no secret). */
const audited = (e: Endpoint & { description?: string | null }) => ({
  url: e.url,
  events: e.events,
  contentTypes: e.contentTypes,
  fields: e.fields,
  allowSensitive: e.allowSensitive,
  headers: Object.keys(e.headers),
  enabled: e.enabled,
  system: e.system,
  suppressEcho: e.suppressEcho,
});

const diff = (before: Record<string, unknown> | null, after: Record<string, unknown> | null) => {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
};

export const endpointStore = (strapi: Core.Strapi, catalogue: Catalogue) => {
  const knex = () => strapi.db.connection;
  const config = () => getService('governance', strapi).load().config.webhooks;
  const allowList = () => parseAllowList(config().allowedHosts);
  const key = () => encryptionKey(strapi);

  const audit = (trx: Knex.Transaction, id: number, action: string, changes: Record<string, { before: unknown; after: unknown }>, reason?: string) =>
    getService('governance', strapi).emit({
      trx,
      event: { type: `webhookEndpoint.${action}`, action: `webhook.${action}`, uid: ENDPOINT_UID, documentId: String(id), changes, ...(reason ? { reason } : {}) },
    });

  /** Semantic checks of a parsed input; 400 naming the key. */
  const check = async (input: EndpointInput) => {
    const problem = urlProblem(input.url);
    if (problem) throw fieldError(['url'], problem.message);
    try {
      await resolveChecked(new URL(input.url).hostname, allowList());
    } catch (error) {
      if (error instanceof RefusedAddressError) throw fieldError(['url'], error.message, { range: error.range });
      throw fieldError(['url'], `cannot be resolved: ${(error as Error).message}`);
    }
    const known = catalogue.eventTypes();
    input.events.forEach((pattern, index) => {
      const bad = patternProblem(pattern, known);
      if (bad) throw fieldError(['events', String(index)], `"${pattern}" ${bad}`);
    });
    const types = catalogue.types();
    input.contentTypes.forEach((uid, index) => {
      if (!types.some((t) => t.uid === uid)) throw fieldError(['contentTypes', String(index)], `"${uid}" is not a governed content type`);
    });
    const scope = input.contentTypes.length ? types.filter((t) => input.contentTypes.includes(t.uid)) : types;
    input.fields.forEach((field, index) => {
      if (!scope.some((t) => t.fields.some((f) => f.name === field))) throw fieldError(['fields', String(index)], `"${field}" is not an attribute of the endpoint's content types`);
    });
    for (const [name, value] of Object.entries(input.headers)) {
      if (!HEADER_NAME.test(name)) throw fieldError(['headers', name], 'is not a valid header name');
      if (RESERVED_HEADERS.test(name)) throw fieldError(['headers', name], 'is set by the webhook sender and cannot be overridden');
      if (/[\r\n\0]/.test(value)) throw fieldError(['headers', name], 'must not contain line breaks or NUL');
    }
  };

  const rowValues = (input: EndpointInput) => ({
    url: input.url,
    description: input.description ?? null,
    events: JSON.stringify([...new Set(input.events)]),
    content_types: JSON.stringify([...new Set(input.contentTypes)]),
    fields: JSON.stringify([...new Set(input.fields)]),
    allow_sensitive: input.allowSensitive,
    headers: JSON.stringify(input.headers),
    enabled: input.enabled,
    system: input.system ?? null,
    suppress_echo: input.suppressEcho,
  });

  const inputOf = (row: EndpointRow): EndpointInput => {
    const { url, events, contentTypes, fields, allowSensitive, headers, enabled, system, suppressEcho } = toEndpoint(row);
    return { url, description: row.description, events, contentTypes, fields, allowSensitive, headers, enabled, system, suppressEcho };
  };

  const find = async (id: number, db: Knex | Knex.Transaction = knex()) => {
    const row = (await db(ENDPOINTS).where({ id }).first()) as EndpointRow | undefined;
    if (!row) throw new errors.NotFoundError(`No webhook endpoint ${id}`);
    return row;
  };

  const stats = async (ids: number[]): Promise<Map<number, Record<WebhookDeliveryStatus, number>>> => {
    const out = new Map<number, Record<WebhookDeliveryStatus, number>>();
    for (const id of ids) out.set(id, { pending: 0, delivering: 0, delivered: 0, dead: 0 });
    if (ids.length === 0) return out;
    const rows = await knex()(DELIVERIES).select('endpoint_id', 'status').count({ n: '*' }).whereIn('endpoint_id', ids).groupBy('endpoint_id', 'status');
    for (const row of rows as any[]) {
      const entry = out.get(Number(row.endpoint_id));
      if (entry && row.status in entry) entry[row.status as WebhookDeliveryStatus] = Number(row.n);
    }
    return out;
  };

  const view = (row: EndpointRow, counts: Record<WebhookDeliveryStatus, number>): WebhookEndpoint => {
    const e = toEndpoint(row);
    const secrets: StoredSecret[] = JSON.parse(row.secrets);
    const previous = secrets.find((s) => s.expiresAt !== null && s.expiresAt > Date.now());
    return {
      id: e.id,
      url: e.url,
      description: row.description,
      events: e.events,
      contentTypes: e.contentTypes,
      fields: e.fields,
      allowSensitive: e.allowSensitive,
      headers: e.headers,
      enabled: e.enabled,
      system: e.system,
      suppressEcho: e.suppressEcho,
      disabledReason: (row.disabled_reason as WebhookEndpointDisabledReason | null) ?? null,
      failingSince: iso(e.failingSince),
      secretHint: row.secret_hint,
      previousSecretExpiresAt: previous ? iso(previous.expiresAt) : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      stats: counts,
    };
  };

  const viewOne = async (row: EndpointRow) => view(row, (await stats([Number(row.id)])).get(Number(row.id))!);

  return {
    parseInput: (body: unknown) => parse(inputSchema, body, 'body'),

    async list(): Promise<WebhookEndpoint[]> {
      const rows = (await knex()(ENDPOINTS).orderBy('id')) as EndpointRow[];
      const counts = await stats(rows.map((r) => Number(r.id)));
      return rows.map((row) => view(row, counts.get(Number(row.id))!));
    },

    async get(id: number) {
      return viewOne(await find(id));
    },

    async create(body: unknown): Promise<WebhookEndpointWithSecret> {
      const input = parse(inputSchema, body, 'body');
      await check(input);
      const secret = newSecret();
      const now = new Date().toISOString();
      const id = await strapi.db.transaction(async ({ trx }) => {
        const [inserted] = await trx(ENDPOINTS)
          .insert({
            ...rowValues(input),
            secrets: JSON.stringify([{ sealed: sealSecret(key(), secret), expiresAt: null }]),
            secret_hint: secretHint(secret),
            created_at: now,
            updated_at: now,
          })
          .returning('id');
        const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
        await audit(trx, id, 'created', diff(null, audited({ ...toEndpoint({ ...(rowValues(input) as any), id, failing_since: null }) })));
        return id;
      });
      return { ...(await viewOne(await find(id))), secret };
    },

    /** Changes what `body` names (a partial input); re-enabling clears the reason and the failure run. */
    async update(id: number, body: unknown): Promise<WebhookEndpoint> {
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw fieldError(['body'], 'must be an object');
      const current = await find(id);
      const input = parse(inputSchema, { ...inputOf(current), ...(body as object) }, 'body');
      await check(input);
      await strapi.db.transaction(async ({ trx }) => {
        const row = await find(id, trx);
        const reenabled = input.enabled && !row.enabled;
        await trx(ENDPOINTS)
          .where({ id })
          .update({
            ...rowValues(input),
            ...(reenabled || !input.enabled ? { disabled_reason: input.enabled ? null : 'manual', failing_since: null } : {}),
            updated_at: new Date().toISOString(),
          });
        const changes = diff(audited(toEndpoint(row)), audited(toEndpoint({ ...row, ...(rowValues(input) as any) })));
        if (Object.keys(changes).length > 0) await audit(trx, id, 'updated', changes);
      });
      return viewOne(await find(id));
    },

    /** Removes the endpoint, its queued deliveries and its delivery log. */
    async remove(id: number): Promise<WebhookEndpoint> {
      const row = await find(id);
      const shown = await viewOne(row);
      await strapi.db.transaction(async ({ trx }) => {
        const deliveries = trx(DELIVERIES).select('id').where({ endpoint_id: id });
        await trx(ATTEMPTS).whereIn('delivery_id', deliveries).delete();
        await trx(DELIVERIES).where({ endpoint_id: id }).delete();
        await trx(ENDPOINTS).where({ id }).delete();
        await audit(trx, id, 'deleted', diff(audited(toEndpoint(row)), null));
      });
      return shown;
    },

    /** A new secret; the previous one keeps signing for `overlapHours` (0: stops at once). */
    async rotate(id: number, body: unknown): Promise<WebhookEndpointWithSecret> {
      const { overlapHours } = parse(z.object({ overlapHours: z.number().min(0).max(168).default(24) }).strict(), body ?? {}, 'body');
      const secret = newSecret();
      await strapi.db.transaction(async ({ trx }) => {
        const row = await find(id, trx);
        const now = Date.now();
        const kept: StoredSecret[] = (JSON.parse(row.secrets) as StoredSecret[]).filter((s) => s.expiresAt === null || s.expiresAt > now);
        const previous = kept.find((s) => s.expiresAt === null);
        const secrets: StoredSecret[] = [{ sealed: sealSecret(key(), secret), expiresAt: null }];
        if (previous && overlapHours > 0) secrets.push({ sealed: previous.sealed, expiresAt: now + overlapHours * 3_600_000 });
        await trx(ENDPOINTS).where({ id }).update({ secrets: JSON.stringify(secrets), secret_hint: secretHint(secret), updated_at: new Date().toISOString() });
        await audit(trx, id, 'rotated', { secret: { before: row.secret_hint, after: secretHint(secret) }, overlapHours: { before: null, after: overlapHours } });
      });
      return { ...(await viewOne(await find(id))), secret };
    },

    /** The secrets that sign now: the current one, and the previous one during an overlap. */
    signingSecrets(row: Pick<EndpointRow, 'secrets'>, now = Date.now()): string[] {
      return (JSON.parse(row.secrets) as StoredSecret[]).filter((s) => s.expiresAt === null || s.expiresAt > now).map((s) => openSecret(key(), s.sealed));
    },

    /** The dispatcher disables an endpoint (410 Gone, failing for too long), audited. */
    async disable(trx: Knex.Transaction, id: number, reason: WebhookEndpointDisabledReason, why: string) {
      const changed = await trx(ENDPOINTS).where({ id, enabled: true }).update({ enabled: false, disabled_reason: reason, updated_at: new Date().toISOString() });
      if (changed) await audit(trx, id, 'disabled', { enabled: { before: true, after: false }, disabledReason: { before: null, after: reason } }, why);
    },

    /** Enabled endpoints, as the outbox matches events against them. */
    async enabled(trx: Knex | Knex.Transaction): Promise<Endpoint[]> {
      return ((await trx(ENDPOINTS).where({ enabled: true })) as EndpointRow[]).map(toEndpoint);
    },

    find,
  };
};

export type EndpointStore = ReturnType<typeof endpointStore>;
