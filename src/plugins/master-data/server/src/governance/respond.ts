/**
 * What governed writes tell their caller besides the document: `meta.masterData.<key>` in a JSON
 * object body, response headers, and a status other than Strapi's (a diverted write's 202). Stages
 * note it through `write.respond()` during the write; this Koa middleware applies it once the
 * response is ready, and only to a successful one (a refused write says nothing more).
 */
import type { Core } from '@strapi/strapi';
import type { ResponseNote } from './pipeline';

interface Notes {
  status?: number;
  meta: Record<string, unknown>;
  headers: Record<string, string>;
}

/** Keeps a note for the current request's response (ignored outside a request). */
export const noteResponse = (strapi: Core.Strapi, note: ResponseNote) => {
  const ctx: any = strapi.requestContext.get();
  if (!ctx?.state) return;
  const notes: Notes = (ctx.state.masterDataResponse ??= { meta: {}, headers: {} });
  if (note.status) notes.status = note.status;
  Object.assign(notes.meta, note.meta);
  Object.assign(notes.headers, note.headers);
};

export const responseMiddleware = () => async (ctx: any, next: () => Promise<void>) => {
  await next();
  const notes: Notes | undefined = ctx.state.masterDataResponse;
  if (!notes || ctx.status >= 300) return;
  for (const [name, value] of Object.entries(notes.headers)) ctx.set(name, value);
  if (notes.status) ctx.status = notes.status;
  // A diverted delete (Strapi answers 204, no body) still tells what it did instead.
  if (Object.keys(notes.meta).length > 0 && (ctx.body === undefined || ctx.body === null || ctx.body === '')) ctx.body = { data: null };
  const body = ctx.body;
  if (Object.keys(notes.meta).length > 0 && body && typeof body === 'object' && !Buffer.isBuffer(body) && typeof body.pipe !== 'function' && !Array.isArray(body)) {
    body.meta = { ...(body.meta ?? {}), masterData: { ...(body.meta?.masterData ?? {}), ...notes.meta } };
  }
};
