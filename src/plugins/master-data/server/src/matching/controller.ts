/**
 * Match API and review queue. Bodies and queries are validated; a bad one is a 400 naming the field.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { MatchResponse } from '../../../shared/contracts/matching';
import { fieldError, httpError, parse, settingsError } from '../http';
import { resolveMatchingSettings } from './settings';
import { matchKeys } from './domain/keys';
import { getService } from '../governance/services';
import { byStrength } from './domain/score';
import { contentAccess } from '../security/content-access';
import { contentApiReader } from '../security/field-access';
import { storedRow } from '../governance/model';
import { standardiseForSearch } from '../validation/domain/apply';
import { assertWithinBounds } from '../governance/bounds';

/** Fields in a match request's `data`: a customer has about thirty attributes. */
const MAX_DATA_KEYS = 100;

const matchBody = z
  .object({
    /** The governed type; the only one when omitted. */
    uid: z.string().min(1).max(255).optional(),
    /** Field values to match (as a create would send them). */
    data: z
      .record(z.string().max(64), z.unknown())
      .refine((d) => Object.keys(d).length <= MAX_DATA_KEYS, `must have at most ${MAX_DATA_KEYS} fields`)
      .optional(),
    /** A stored record to match against the others (the edit-view panel); `data` then overrides its values. */
    documentId: z.string().min(1).max(64).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .refine((b) => b.data || b.documentId, { message: 'give "data" or "documentId"', path: ['data'] });

const listQuery = z
  .object({
    uid: z.string().max(255).optional(),
    status: z.enum(['open', 'not-duplicate', 'merged']).default('open'),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    /** Only the pairs of this record (the edit-view panel). */
    documentId: z.string().min(1).max(64).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

const tryBody = z
  .object({
    /** The settings being edited (the whole document); omitted: those in force. */
    data: z.unknown().optional(),
    uid: z.string().min(1).max(255),
    record: z.record(z.string(), z.unknown()),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict();

// Not strict: the router may add positional keys to ctx.params.
const idParam = z.object({ id: z.coerce.number().int().min(1).max(2147483647) });

/** The governed type a request names, or the only one with matching configured. */
export const matchedType = (strapi: Core.Strapi, uid: string | undefined): string => {
  const matching = getService('matching', strapi);
  const types = [...getService('governance', strapi).load().governed.keys()].filter((t) => matching.settings(t));
  const chosen = uid ?? (types.length === 1 ? types[0] : undefined);
  if (!chosen || !types.includes(chosen)) throw fieldError(['uid'], `must be one of ${types.join(', ')}`);
  return chosen;
};

/** Summary fields shown next to a candidate. */
const summaryFields = (strapi: Core.Strapi, uid: string) => {
  const settings = getService('matching', strapi).settings(uid)!;
  const code = getService('governance', strapi).load().governed.get(uid)?.code?.field;
  return [...new Set([code, ...Object.values(settings.fields), settings.merged?.field].filter(Boolean) as string[])];
};

export const matchingController = ({ strapi }: { strapi: Core.Strapi }) => {
  const run = async (body: unknown): Promise<MatchResponse> => {
    const started = process.hrtime.bigint();
    const input = parse(matchBody, body, 'body');
    const uid = matchedType(strapi, input.uid);
    // The same bounds as a write of the type, before any normalising (a 60,000-character name took seconds).
    if (input.data) assertWithinBounds(strapi, uid, input.data, ['data']);
    const matching = getService('matching', strapi);
    let stored: Record<string, unknown> | null = null;
    if (input.documentId) {
      stored = await strapi.db.query(uid as any).findOne({ where: { documentId: input.documentId, ...storedRow(strapi, uid) } });
      if (!stored) throw new errors.NotFoundError(`No ${uid} ${input.documentId}`);
    }
    // The values as a write would store them (GB100654027 → 100654027 for GB), so that the answer
    // is the one the write will get; a value the write would refuse is left out and reported.
    const rules = getService('governance', strapi).load().governed.get(uid)?.fields ?? {};
    const { data: standardised, ignored } = standardiseForSearch({ rules, data: input.data ?? {}, existing: stored });
    const record = { ...(stored ?? {}), ...standardised };
    const data = await matching.match({ uid, keys: matching.keysOf({ uid, record }), exclude: input.documentId, limit: input.limit, includeAllow: true });
    const best = [...data].sort(byStrength)[0];
    return {
      data,
      meta: {
        uid,
        decision: best?.decision ?? 'allow',
        limit: input.limit ?? matching.settings(uid)!.limit,
        took: Number(process.hrtime.bigint() - started) / 1e6,
        ignored: ignored.map((e) => ({ path: e.path.map(String), message: e.message })),
      },
    };
  };

  /** Candidates with the summary of each candidate record (admin panel). */
  const withRecords = async (uid: string, documentIds: string[]) => {
    if (documentIds.length === 0) return {};
    const rows = await strapi.db.query(uid as any).findMany({
      where: { documentId: { $in: documentIds }, ...storedRow(strapi, uid) },
      select: ['documentId', 'publishedAt', ...summaryFields(strapi, uid)],
    });
    return Object.fromEntries(rows.map((row: Record<string, unknown>) => [row.documentId as string, row]));
  };

  return {
    /**
     * POST /master-data/settings/try-match: a record matched against the live data under settings
     * being edited (not saved): `{ data?: <settings document>, uid, record, limit? }`. The record's
     * keys are computed under the edited settings; stored records keep the keys of the settings in
     * force until a save rebuilds them (said in `meta.note` when match fields or vocabulary differ).
     */
    async tryMatch(ctx: any) {
      const started = process.hrtime.bigint();
      const input = parse(tryBody, ctx.request.body ?? {}, 'body');
      const governance = getService('governance', strapi);
      let governed = governance.load().governed;
      if (input.data !== undefined) {
        try {
          governed = governance.check(input.data).governed;
        } catch (error) {
          settingsError(error);
        }
      }
      const typeConfig = governed.get(input.uid);
      if (!typeConfig?.matching?.enabled) throw fieldError(['uid'], `has no duplicate matching in these settings`);
      if (!(strapi.contentTypes as any)[input.uid]) throw fieldError(['uid'], 'is not a content type');
      assertWithinBounds(strapi, input.uid, input.record, ['record']);
      const settings = resolveMatchingSettings(typeConfig.matching);
      const { data: standardised, ignored } = standardiseForSearch({ rules: typeConfig.fields, data: input.record, existing: null });
      const keys = matchKeys(standardised, settings.fields, settings.vocabulary, settings.personValues);
      const matching = getService('matching', strapi);
      const data = await matching.match({ uid: input.uid, keys, limit: input.limit, includeAllow: true, settings });
      const best = [...data].sort(byStrength)[0];
      const inForce = governance.load().governed.get(input.uid)?.matching;
      const rekey = !inForce || JSON.stringify([inForce.fields, inForce.vocabulary, inForce.personValues]) !== JSON.stringify([typeConfig.matching.fields, typeConfig.matching.vocabulary, typeConfig.matching.personValues]);
      const summary = [...new Set([typeConfig.code?.field, ...Object.values(settings.fields)].filter(Boolean) as string[])].filter((f) => f in (strapi.contentTypes as any)[input.uid].attributes);
      const rows = data.length
        ? await strapi.db.query(input.uid as any).findMany({ where: { documentId: { $in: data.map((c) => c.documentId) }, ...storedRow(strapi, input.uid) }, select: ['documentId', ...summary] })
        : [];
      const records = Object.fromEntries(rows.map((row: Record<string, unknown>) => [row.documentId as string, row]));
      ctx.body = {
        data,
        records: await contentAccess(strapi, ctx, input.uid).readable(records),
        meta: {
          uid: input.uid,
          decision: best?.decision ?? 'allow',
          keys,
          thresholds: settings.scoring.thresholds,
          took: Number(process.hrtime.bigint() - started) / 1e6,
          ignored: ignored.map((e) => ({ path: ['record', ...e.path.map(String)], message: e.message })),
          note: rekey ? 'Match fields, vocabulary or person values differ from the settings in force: stored records are compared by the keys they have now; saving rebuilds them.' : null,
        },
      };
    },

    /** POST /api/master-data/match (content API) and POST /master-data/match (admin). */
    async match(ctx: any) {
      if (ctx.state?.auth?.strategy?.name !== 'admin') {
        // Content API: which records match is record data. A caller that may not find the type
        // learns the decision a write would get (as a 409 would tell it), not which records or why,
        // and may not match a stored record by its documentId.
        const reader = contentApiReader(strapi, ctx);
        const uid = matchedType(strapi, typeof ctx.request.body?.uid === 'string' ? ctx.request.body.uid : undefined);
        if (await reader.canRead(uid)) {
          ctx.body = await run(ctx.request.body);
          return;
        }
        if (ctx.request.body?.documentId !== undefined) {
          throw httpError(403, 'ForbiddenError', `documentId: matching a stored record needs the right to find ${uid}`, { path: ['documentId'] });
        }
        const response = await run(ctx.request.body);
        ctx.body = { data: response.data.map(({ score, decision }) => ({ score, decision })), meta: { ...response.meta, restricted: true } };
        return;
      }
      const response = await run(ctx.request.body);
      const records = await withRecords(response.meta.uid, response.data.map((c) => c.documentId));
      ctx.body = { ...response, records: await contentAccess(strapi, ctx, response.meta.uid).readable(records) };
    },

    /** GET /master-data/duplicates: the review queue. */
    async list(ctx: any) {
      const query = parse(listQuery, ctx.query);
      const page = await getService('review', strapi).list(query);
      const records: Record<string, Record<string, unknown>> = {};
      const byUid = new Map<string, string[]>();
      for (const pair of page.results) byUid.set(pair.uid, [...(byUid.get(pair.uid) ?? []), pair.a, pair.b]);
      for (const [uid, ids] of byUid) Object.assign(records, await contentAccess(strapi, ctx, uid).readable(await withRecords(uid, ids)));
      ctx.body = { ...page, records };
    },

    /** POST /master-data/duplicates/:id/not-duplicate */
    async notDuplicate(ctx: any) {
      const { id } = parse(idParam, ctx.params, 'params');
      contentAccess(strapi, ctx, (await getService('review', strapi).get({ id })).uid).assertCanWrite();
      const user = ctx.state.user;
      ctx.body = { data: await getService('review', strapi).resolve({ id, status: 'not-duplicate', by: user?.email ?? 'admin' }) };
    },
  };
};
