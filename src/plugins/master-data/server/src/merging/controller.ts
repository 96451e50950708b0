/** Merge routes (admin). Bodies are validated; a bad field is a 400 naming it. */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parse } from '../http';
import { getService } from '../utils';
import { matchedType } from '../matching/controller';

const documentId = z.string().min(1).max(64);
const mergeBody = z
  .object({
    uid: z.string().min(1).max(255).optional(),
    survivor: documentId,
    merged: z.array(documentId).min(1).max(50),
    strategy: z.enum(['survivor', 'most-recent', 'most-complete', 'source-priority']).optional(),
    priority: z.array(documentId).optional(),
    picks: z.record(z.string(), documentId).optional(),
  })
  .strict();

const listQuery = z.object({ uid: z.string().max(255).optional(), documentId: documentId.optional() }).strict();
const idParam = z.object({ id: z.coerce.number().int().min(1) }).strict();

const actor = (ctx: any): string | null => ctx.state?.user?.email ?? null;

export const mergeController = ({ strapi }: { strapi: Core.Strapi }) => {
  const request = (ctx: any) => {
    const body = parse(mergeBody, ctx.request.body, 'body');
    return { ...body, uid: matchedType(strapi, body.uid) };
  };
  return {
    async preview(ctx: any) {
      ctx.body = { data: await getService('merge', strapi).preview(request(ctx)) };
    },
    async merge(ctx: any) {
      ctx.body = { data: await getService('merge', strapi).merge(request(ctx), actor(ctx)) };
    },
    async unmerge(ctx: any) {
      const { id } = parse(idParam, ctx.params, 'params');
      ctx.body = { data: await getService('merge', strapi).unmerge(id, actor(ctx)) };
    },
    async list(ctx: any) {
      ctx.body = { data: await getService('merge', strapi).list(parse(listQuery, ctx.query)) };
    },
  };
};
