/** Merge routes (admin). Bodies are validated; a bad field is a 400 naming it. */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parse } from '../http';
import { getService } from '../governance/services';
import { matchedType } from '../matching/controller';
import { contentAccess } from '../security/content-access';
import { adminReader } from '../security/field-access';
import type { MergeRecord } from '../../../shared/contracts/merging';

const documentId = z.string().min(1).max(64);
const mergeBody = z
  .object({
    uid: z.string().min(1).max(255).optional(),
    survivor: documentId,
    merged: z.array(documentId).min(1).max(50),
    strategy: z.enum(['survivor', 'most-recent', 'most-complete', 'source-priority']).optional(),
    priority: z.array(documentId).max(51).optional(),
    picks: z.record(z.string().max(64), documentId).optional(),
  })
  .strict()
  // Checked here as well as in the service: a preview of a record merged into itself is no preview.
  .refine((b) => new Set([b.survivor, ...b.merged]).size === b.merged.length + 1, { message: 'must not repeat a record or name the survivor', path: ['merged'] });

const listQuery = z.object({ uid: z.string().max(255).optional(), documentId: documentId.optional() }).strict();
// Not strict: the router may add positional keys to ctx.params.
const idParam = z.object({ id: z.coerce.number().int().min(1).max(2147483647) });

const actor = (ctx: any): string | null => ctx.state?.user?.email ?? null;

/** A merge record with the picks on fields the admin may not read left out (a pick tells where a value came from). */
const readableRecords = async (strapi: Core.Strapi, ctx: any, records: MergeRecord[]) => {
  const reader = adminReader(strapi, ctx);
  const out: MergeRecord[] = [];
  for (const record of records) out.push({ ...record, picks: await reader.keys(record.uid, record.picks) });
  return out;
};

export const mergeController = ({ strapi }: { strapi: Core.Strapi }) => {
  const request = (ctx: any) => {
    const body = parse(mergeBody, ctx.request.body, 'body');
    return { ...body, uid: matchedType(strapi, body.uid) };
  };
  return {
    async preview(ctx: any) {
      const input = request(ctx);
      const preview = await getService('merge', strapi).preview(input);
      // Values, sources and conflicts only of fields the admin may read (../security/field-access.ts).
      const reader = adminReader(strapi, ctx);
      const { values, restricted } = await reader.record(input.uid, preview.values);
      const sources = await reader.keys(input.uid, preview.sources);
      const conflicts = preview.conflicts.filter((field) => Object.prototype.hasOwnProperty.call(sources, field));
      ctx.body = { data: { ...preview, values, sources, conflicts, restricted } };
    },
    async merge(ctx: any) {
      const input = request(ctx);
      contentAccess(strapi, ctx, input.uid).assertCanWrite();
      const [record] = await readableRecords(strapi, ctx, [await getService('merge', strapi).merge({ ...input, by: actor(ctx) })]);
      ctx.body = { data: record };
    },
    /**
     * GET /master-data/duplicates/:id: a pair of the review queue and both records in full, as the
     * merge would read them (here, not in matching: merging builds on matching, never the reverse).
     */
    async pair(ctx: any) {
      const { id } = parse(idParam, ctx.params, 'params');
      const pair = await getService('review', strapi).get({ id });
      const records = await contentAccess(strapi, ctx, pair.uid).readable(await getService('merge', strapi).load({ uid: pair.uid, documentIds: [pair.a, pair.b] }));
      ctx.body = { data: pair, records };
    },
    async unmerge(ctx: any) {
      const { id } = parse(idParam, ctx.params, 'params');
      const merge = await getService('merge', strapi).get({ id });
      contentAccess(strapi, ctx, merge.uid).assertCanWrite();
      const [record] = await readableRecords(strapi, ctx, [await getService('merge', strapi).unmerge({ id, by: actor(ctx) })]);
      ctx.body = { data: record };
    },
    async list(ctx: any) {
      ctx.body = { data: await readableRecords(strapi, ctx, await getService('merge', strapi).list(parse(listQuery, ctx.query))) };
    },
  };
};
