/**
 * Pipeline stage 0: the bounds of the write's data (lengths, entries, numbers, json depth and
 * size, prototype keys), checked before any other stage does work on it. Every path that writes a
 * governed type (REST, admin content manager, plugin routes, code) passes here; the match API
 * checks its `data` with the same function (see matching/controller.ts).
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Stage } from './pipeline';
import { getService } from './services';
import { fieldError, unstorable } from '../http';
import { badText, checkBounds, checkFilters, type AttributeShape, type BoundsError, type Limits, type Shape } from '../validation/domain/bounds';

const shapes = new Map<string, Shape>();

/** The plain description of a schema's attributes the checker needs (components resolved). */
const shapeOf = (strapi: Core.Strapi, uid: string, seen: Set<string> = new Set()): Shape => {
  const cached = shapes.get(uid);
  if (cached) return cached;
  const model = strapi.getModel(uid as UID.Schema) as { attributes: Record<string, any> };
  const attributes: Record<string, AttributeShape> = {};
  const inner = (component: string): Shape => (seen.has(component) ? { attributes: {} } : shapeOf(strapi, component, new Set([...seen, uid])));
  for (const [name, a] of Object.entries(model.attributes)) {
    if (a.type === 'component') attributes[name] = { type: 'component', repeatable: Boolean(a.repeatable), shape: inner(a.component) };
    else if (a.type === 'dynamiczone') attributes[name] = { type: 'dynamiczone', components: Object.fromEntries((a.components as string[]).map((c) => [c, inner(c)])) };
    else if (a.type === 'relation') attributes[name] = { type: 'relation', target: a.target };
    else attributes[name] = { type: a.type, maxLength: a.maxLength, min: a.min === undefined ? undefined : Number(a.min), max: a.max === undefined ? undefined : Number(a.max) } as AttributeShape;
  }
  const shape = { attributes };
  shapes.set(uid, shape);
  return shape;
};

const limitsOf = (strapi: Core.Strapi, uid: string): Limits | undefined => getService('governance', strapi).load().governed.get(uid)?.bounds;

/** A 400 naming every field out of bounds; `prefix` roots the paths (e.g. `data` in the match API). */
export const boundsError = (found: BoundsError[], prefix: string[] = []) => {
  const issues = found.map((e) => ({ path: [...prefix, ...e.path], message: e.message, name: 'ValidationError', rule: 'bounds' }));
  return new errors.ValidationError(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { errors: issues });
};

/** Throws a 400 when `data` is out of the bounds of the governed type `uid`. */
export const assertWithinBounds = (strapi: Core.Strapi, uid: string, data: unknown, prefix: string[] = []) => {
  const found = checkBounds(shapeOf(strapi, uid), data, limitsOf(strapi, uid));
  if (found.length > 0) throw boundsError(found.slice(0, 20), prefix);
};

const WITH_DATA = new Set(['create', 'update', 'clone']);
const SERVER_SET = ['id', 'documentId'];

export const boundsStage: Stage = {
  name: 'bounds',
  order: 100,
  async before(write) {
    if (!WITH_DATA.has(write.action) || write.params.data === undefined) return;
    const data = write.params.data;
    if (write.action === 'create' && data && typeof data === 'object') {
      // The admin content manager passes these through: `id: "abc"` failed in the database (a 500), a
      // numeric one would pick the row's id.
      const given = SERVER_SET.filter((key) => data[key] !== undefined && data[key] !== null);
      if (given.length > 0) throw boundsError(given.map((key) => ({ path: [key], message: 'is set by the server, not by a create' })));
    }
    const found = checkBounds(shapeOf(write.strapi, write.uid), write.params.data, write.config.bounds);
    if (found.length > 0) throw boundsError(found.slice(0, 20));
  },
};

/**
 * Params that reach a query or the plugin's own rows as text, with their longest value: Strapi's
 * documentIds are 24 characters and the plugin's tables keep them in 64 (a longer one failed the
 * audit insert on PostgreSQL, a 500); a NUL is a 500 there too.
 */
const PARAMS: Record<string, number> = { documentId: 64, locale: 64, status: 16 };

/**
 * Document Service middleware, before every other: the params that reach the database as they
 * are — `documentId`, `locale`, `status`, and list filters — are a 400 naming the param when the
 * database cannot take them (`filters[creditLimit][$gt]=abc`; a NUL or a 300-character documentId
 * on PostgreSQL), on every path (REST, admin, code), instead of the database's 500. Applies to
 * the app's content types and the governed ones.
 */
export const createParamsGuardMiddleware = (strapi: Core.Strapi, isGoverned: (uid: string) => boolean) => async (ctx: any, next: () => Promise<unknown>) => {
  if (!(ctx.uid.startsWith('api::') || isGoverned(ctx.uid)) || !ctx.params) return next();
  for (const [key, max] of Object.entries(PARAMS)) {
    const value = ctx.params[key];
    if (value === undefined || value === null) continue;
    const bad = typeof value === 'string' ? badText(value, max) : 'must be a string';
    if (bad) throw fieldError([key], bad);
  }
  const filters = ctx.params.filters;
  if (filters !== undefined && filters !== null) {
    const bad = checkFilters(shapeOf(strapi, ctx.uid), filters, (target) => (strapi.getModel(target as UID.Schema) ? shapeOf(strapi, target) : undefined));
    if (bad) throw boundsError([bad]);
  }
  return next();
};

const CONTENT_MANAGER = /^\/content-manager\/(collection-types|single-types)\/([^/]+)/;

/**
 * Most documents one admin bulk action may name: the list's largest page (the panel acts on the
 * selected rows of one page). Strapi publishes the named documents one by one in one transaction,
 * each through the pipeline, unbounded: 20,000 ids (made up or repeated) held the database for
 * over a minute.
 */
export const MAX_BULK_DOCUMENTS = 100;

/**
 * HTTP middleware, at the edge of the REST and admin content-manager routes:
 * - the body of a write to a governed type is checked against its bounds before Strapi's own
 *   sanitizers walk it (they took 160 ms over 2,000 addresses before the pipeline's stage said no);
 *   the stage checks again for every other path;
 * - the admin content manager's bulk actions and existence checks query the database directly (not
 *   through the Document Service): a NUL in a documentId reached PostgreSQL (a 500);
 * - it reads a write's body as the record: an array or a text body failed in its permission
 *   sanitizer (a 500);
 * - a bulk action names at most MAX_BULK_DOCUMENTS documents.
 * Each is a 400 naming the input.
 */
export const inputGuard = (strapi: Core.Strapi) => {
  const governedNow = () => getService('governance', strapi).load().governed;
  /** REST paths of the governed types, worked out again when the governed types change (settings). */
  let paths: { of: unknown; map: Map<string, string> } | undefined;
  const restPaths = () => {
    const governed = governedNow();
    if (paths?.of !== governed) {
      const map = new Map<string, string>();
      for (const uid of governed.keys()) {
        const model = strapi.getModel(uid as UID.Schema) as { info: { pluralName?: string; singularName?: string }; kind?: string };
        const name = model.kind === 'singleType' ? model.info.singularName : model.info.pluralName;
        if (name) map.set(`/api/${name}`, uid);
      }
      paths = { of: governed, map };
    }
    return paths.map;
  };
  const restPrefix = (strapi.config.get('api.rest.prefix') as string | undefined) ?? '/api';
  return async (ctx: any, next: () => Promise<unknown>) => {
    const write = ctx.method === 'POST' || ctx.method === 'PUT';
    const body = ctx.request.body;
    const admin = CONTENT_MANAGER.exec(ctx.path);
    if (admin) {
      if (write && body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) throw fieldError(['body'], 'must be a JSON object');
      let path: string = ctx.path;
      try {
        path = decodeURIComponent(path);
      } catch {
        // Not decodable: the router answers that with its own 400.
      }
      const bad = unstorable({ path, query: ctx.query, body });
      if (bad) throw fieldError(bad.path.slice(1).length ? bad.path.slice(1) : [bad.path[0]], bad.message);
      const bulk = ctx.path.includes('/actions/bulk');
      if (write && bulk && Array.isArray(body?.documentIds) && body.documentIds.length > MAX_BULK_DOCUMENTS) {
        throw fieldError(['documentIds'], `must name at most ${MAX_BULK_DOCUMENTS} documents (got ${body.documentIds.length})`);
      }
      if (write && governedNow().has(admin[2]) && !bulk) assertWithinBounds(strapi, admin[2], body);
    } else if (write && restPrefix === '/api' && body && typeof body === 'object') {
      const uid = restPaths().get(ctx.path.replace(/^(\/api\/[^/]+).*$/, '$1'));
      if (uid && body.data !== undefined) assertWithinBounds(strapi, uid, body.data);
    }
    return next();
  };
};
