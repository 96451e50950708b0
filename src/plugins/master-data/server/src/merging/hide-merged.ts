/**
 * Document Service middleware: merged records stop being returned as live records to
 * integrations. Lists over the content API (REST) leave them out unless the request filters on
 * the merge marker itself (`filters[lifecycleStage]=merged` finds them). A merged record is still
 * found by its documentId, with the pointer to its survivor. The admin panel sees everything.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../governance/services';

const LISTS = new Set(['findMany', 'findFirst', 'count']);

const mentions = (filters: unknown, field: string): boolean =>
  Boolean(filters) && typeof filters === 'object' && JSON.stringify(filters).includes(`"${field}"`);

export const createHideMergedMiddleware = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  if (!LISTS.has(ctx.action) || !getService('governance', strapi).load().governed.has(ctx.uid)) return next();
  const request: any = strapi.requestContext.get();
  if (request?.state?.route?.info?.type !== 'content-api') return next();
  const merged = getService('matching', strapi).settings(ctx.uid)?.merged;
  if (!merged || mentions(ctx.params?.filters, merged.field)) return next();
  const live = { $or: [{ [merged.field]: { $ne: merged.value } }, { [merged.field]: { $null: true } }] };
  ctx.params = { ...ctx.params, filters: ctx.params?.filters ? { $and: [ctx.params.filters, live] } : live };
  return next();
};
