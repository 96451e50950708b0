/**
 * What governed writes tell their caller besides the document: `meta.masterData.<key>` in a JSON
 * object body, response headers, and a status other than Strapi's (a diverted write's 202). Stages
 * note it through `write.respond()` during the write; this Koa middleware applies it once the
 * response is ready, and only to a successful one (a refused write says nothing more).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import type { ResponseNote } from './pipeline';

export interface Notes {
  status?: number;
  meta: Record<string, unknown>;
  headers: Record<string, string>;
}

const addNote = (notes: Notes, note: ResponseNote) => {
  if (note.status) notes.status = note.status;
  Object.assign(notes.meta, note.meta);
  Object.assign(notes.headers, note.headers);
};

/** Keeps a note for the current request's response (ignored outside a request). */
export const noteResponse = (strapi: Core.Strapi, note: ResponseNote) => {
  const ctx: any = strapi.requestContext.get();
  if (!ctx?.state) return;
  addNote((ctx.state.masterDataResponse ??= { meta: {}, headers: {} }), note);
};

const collector = new AsyncLocalStorage<Notes>();

/**
 * Runs `fn` and hands it what its governed writes would tell the caller (status, meta, headers),
 * as soon as each write is done rather than to the HTTP response after the commit. For code that
 * answers for its writes itself: one answer per row of a batch (a held row must not turn the whole
 * response into a 202), or an answer stored in the same transaction as the write (idempotency).
 * Notes of a write that `fn` wraps in a transaction of its own are the caller's to drop if that
 * transaction rolls back.
 */
export const collectNotes = async <T>(fn: () => Promise<T>): Promise<{ result: T; notes: Notes }> => {
  const notes: Notes = { meta: {}, headers: {} };
  const result = await collector.run(notes, fn);
  return { result, notes };
};

/** The notes of `collectNotes` in progress, if any (for the governed-write middleware). */
export const collectingNotes = (): ((note: ResponseNote) => void) | null => {
  const notes = collector.getStore();
  return notes ? (note) => addNote(notes, note) : null;
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
