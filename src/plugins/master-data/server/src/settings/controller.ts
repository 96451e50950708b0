/** Governance settings over the admin API (see routes.ts). */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parse } from '../http';
import { getService } from '../governance/services';

const idParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const page = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(25) }).strict();
const saveBody = z
  .object({
    data: z.unknown(),
    reason: z.string().trim().max(2000).nullish(),
    /** The version the editor started from: another save since is a 409. */
    baseVersion: z.number().int().min(0).optional(),
  })
  .strict();
const restoreBody = z.object({ reason: z.string().trim().max(2000).nullish() }).strict();

export const settingsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('settings', strapi);
  return {
    async get(ctx: any) {
      ctx.body = await service().current();
    },
    async put(ctx: any) {
      const body = parse(saveBody, ctx.request.body ?? {}, 'body');
      ctx.body = await service().save({ document: body.data, reason: body.reason, baseVersion: body.baseVersion });
    },
    async check(ctx: any) {
      const body = parse(saveBody, ctx.request.body ?? {}, 'body');
      ctx.body = service().check(body.data);
    },
    async versions(ctx: any) {
      ctx.body = await service().versions(parse(page, ctx.query));
    },
    async version(ctx: any) {
      ctx.body = await service().version(parse(idParam, ctx.params, 'id').id);
    },
    async restore(ctx: any) {
      const { reason } = parse(restoreBody, ctx.request.body ?? {}, 'body');
      ctx.body = await service().restore(parse(idParam, ctx.params, 'id').id, reason);
    },
    async jobs(ctx: any) {
      ctx.body = { data: await getService('governance', strapi).jobs.list(20) };
    },
  };
};
