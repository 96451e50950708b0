/**
 * Audit routes. Query parameters are validated here; a bad one is a 400 naming it.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { getService } from '../governance/services';
import { parse } from '../http';
import type { AuditEvent } from '../../../shared/contracts/audit';
import { adminReader, contentApiReader, type FieldReader } from '../security/field-access';
import { labelEvents } from './labels';

/**
 * An ISO 8601 date (or date-time) in years 0000-9999. Stored times are ISO text and compare as
 * text: an extended year (`+099999-…`, what `Date` makes of `99999-01-01`) sorted before every
 * event, so a `from` far in the future returned the whole trail.
 */
const isoDate = z
  .string()
  .max(64)
  .refine((v) => {
    const t = Date.parse(v);
    return /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(t) && /^\d{4}-/.test(new Date(t).toISOString());
  }, 'must be an ISO 8601 date-time in the years 0000-9999');
const toIso = (v: string | undefined) => (v === undefined ? undefined : new Date(v).toISOString());

const listQuery = z
  .object({
    uid: z.string().max(255).optional(),
    documentId: z.string().max(64).optional(),
    actor: z.string().max(255).optional(),
    action: z.string().max(64).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    cursor: z.string().regex(/^\d{1,15}$/, 'must be a sequence number').optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();

const asOfQuery = z.object({ uid: z.string().min(1), documentId: z.string().min(1), at: isoDate }).strict();


const normalise = (q: z.infer<typeof listQuery>) => ({ ...q, from: toIso(q.from), to: toIso(q.to) });

/**
 * Every read below shows values through the reader's field-level read permissions
 * (../security/field-access.ts); a page of the list also names each record by its code and name.
 */
const readable = async <P extends { data: AuditEvent[] }>(strapi: Core.Strapi, reader: FieldReader, page: P) => {
  const data = [];
  for (const event of page.data) data.push(await reader.event(event));
  return { ...page, data: await labelEvents(strapi, reader, data) };
};

export const auditController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /master-data/audit-events */
  async find(ctx: any) {
    ctx.body = await readable(strapi, adminReader(strapi, ctx), await getService('audit', strapi).list(normalise(parse(listQuery, ctx.query))));
  },

  /**
   * GET /api/master-data/audit-events. Its own action (`audit.readTrail`), not `find`: Strapi lets
   * read-only API tokens call every action named find, and a shop's read-only token must not read
   * the audit trail.
   */
  async readTrail(ctx: any) {
    ctx.body = await readable(strapi, contentApiReader(strapi, ctx), await getService('audit', strapi).list(normalise(parse(listQuery, ctx.query))));
  },

  /** GET /master-data/audit-events/export: text/csv, streamed. */
  async export(ctx: any) {
    const query = normalise(parse(listQuery.omit({ cursor: true, limit: true }), ctx.query));
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="audit-events-${new Date().toISOString().slice(0, 10)}.csv"`);
    const reader = adminReader(strapi, ctx);
    ctx.body = getService('audit', strapi).exportCsv(query, (event) => reader.event(event));
  },

  /** GET /master-data/audit-events/verify */
  async verify(ctx: any) {
    ctx.body = { data: await getService('audit', strapi).verify() };
  },

  /** GET /master-data/audit-events/as-of?uid=&documentId=&at= */
  async asOf(ctx: any) {
    const { uid, documentId, at } = parse(asOfQuery, ctx.query);
    const asOf = await getService('audit', strapi).asOf({ uid, documentId, at: new Date(at).toISOString() });
    const shown = asOf.state ? await adminReader(strapi, ctx).record(uid, asOf.state) : { values: null, restricted: [] };
    ctx.body = { data: { ...asOf, state: shown.values, restricted: shown.restricted } };
  },
});
