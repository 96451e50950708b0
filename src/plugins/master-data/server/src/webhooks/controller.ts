/** Webhook endpoints and their delivery log over the admin API (see routes.ts and shared/contracts/webhooks.ts). */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parse } from '../http';
import { getService } from '../governance/services';
import { MASKED } from './domain/subscription';
import { WEBHOOK_ACTIONS } from './permissions';

const idParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/**
 * Custom headers often carry credentials (an Authorization for the receiver): their values are
 * shown only to those who may manage endpoints; readers of the delivery log see the names.
 */
const forReader = <T extends { headers: Record<string, string> }>(ctx: any, endpoint: T): T =>
  ctx.state.userAbility?.can(WEBHOOK_ACTIONS.manage) ? endpoint : { ...endpoint, headers: Object.fromEntries(Object.keys(endpoint.headers).map((name) => [name, MASKED])) };

export const webhooksController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('webhooks', strapi);
  const id = (ctx: any) => parse(idParam, ctx.params, 'id').id;

  return {
    async list(ctx: any) {
      ctx.body = { data: (await service().endpoints.list()).map((endpoint) => forReader(ctx, endpoint)) };
    },
    async options(ctx: any) {
      const { catalogue } = service();
      ctx.body = {
        data: {
          events: catalogue.eventTypes(),
          contentTypes: catalogue.types().map((t) => ({ uid: t.uid, displayName: t.displayName, fields: t.fields })),
          systems: [...new Set((await service().endpoints.list()).map((e) => e.system).filter(Boolean))],
        },
      };
    },
    async get(ctx: any) {
      ctx.body = { data: forReader(ctx, await service().endpoints.get(id(ctx))) };
    },
    async create(ctx: any) {
      ctx.status = 201;
      ctx.body = { data: await service().endpoints.create(ctx.request.body) };
    },
    async update(ctx: any) {
      ctx.body = { data: await service().endpoints.update(id(ctx), ctx.request.body) };
    },
    async remove(ctx: any) {
      ctx.body = { data: await service().endpoints.remove(id(ctx)) };
    },
    async rotate(ctx: any) {
      ctx.body = { data: await service().endpoints.rotate(id(ctx), ctx.request.body) };
    },
    async test(ctx: any) {
      ctx.status = 202;
      ctx.body = { data: await service().log.test(id(ctx)) };
    },
    async replay(ctx: any) {
      ctx.status = 202;
      ctx.body = { data: await service().log.replay(id(ctx), ctx.request.body) };
    },
    async deliveries(ctx: any) {
      ctx.body = await service().log.list(id(ctx), ctx.query);
    },
    async delivery(ctx: any) {
      ctx.body = { data: await service().log.get(id(ctx)) };
    },
  };
};
