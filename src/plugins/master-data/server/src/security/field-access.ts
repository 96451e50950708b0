/**
 * The reader's field-level read permissions, for every read surface of the plugin that shows
 * recorded values (audit list, CSV export, as-of, merge preview and merge records).
 *
 * Admin: the Content Manager's permission checker, asked per leaf path (`bankAccounts.iban`) with
 * an empty record as subject: a grant that holds only under a condition ("is creator") cannot be
 * judged for a value in the trail, and counts as no grant. Fields Strapi shows to every reader of
 * the type (non-writable, non-visible) are readable, as in the Content Manager.
 * Content API: Strapi has no field-level permissions there; values of a type are shown when the
 * token or role may `find` or `findOne` it (asked through `strapi.auth.verify`, Strapi's own check
 * for a route's scope: full-access, read-only and custom tokens and users-permissions roles alike),
 * and only the fields that the content API's output sanitizer keeps (private fields, passwords and
 * relations to types the reader may not read go).
 *
 * One reader per request; each type's access is worked out once per request (the CSV export shows
 * thousands of events).
 */
import type { Core } from '@strapi/strapi';
import { contentTypes, errors } from '@strapi/utils';
import type { AuditEvent, AuditEventView } from '../../../shared/contracts/audit';
import { leavesOf, visibleChanges, visibleKeys, visibleRecord, type FieldAccess, type Shape } from './domain/visible';

const TO_MANY = new Set(['oneToMany', 'manyToMany', 'manyWay', 'morphToMany', 'morphMany']);

const modelOf = (strapi: Core.Strapi, uid: string): any => (strapi.contentTypes as any)[uid] ?? (strapi.components as any)[uid];

/** A model's attributes as a shape: components by their sub-fields (depth-bounded), the rest as leaves. */
const shapeOf = (strapi: Core.Strapi, uid: string, depth = 0): Shape => {
  const shape: Shape = {};
  for (const [name, attribute] of Object.entries<any>(modelOf(strapi, uid)?.attributes ?? {})) {
    shape[name] = attribute.type === 'component' && depth < 10 ? shapeOf(strapi, attribute.component, depth + 1) : null;
  }
  return shape;
};

/** A record with a value in every field, to learn from the content API sanitizer which fields it keeps. */
const probeOf = (strapi: Core.Strapi, uid: string, depth = 0): Record<string, unknown> => {
  const probe: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries<any>(modelOf(strapi, uid)?.attributes ?? {})) {
    let value: unknown = 'probe';
    if (attribute.type === 'component') {
      if (depth >= 10) continue;
      const item = probeOf(strapi, attribute.component, depth + 1);
      value = attribute.repeatable ? [item] : item;
    } else if (attribute.type === 'relation') {
      if (String(attribute.relation).startsWith('morph')) continue;
      const related = { id: 1, documentId: 'probe' };
      value = TO_MANY.has(attribute.relation) ? [related] : related;
    } else if (attribute.type === 'media') {
      const file = { id: 1, url: 'probe' };
      value = attribute.multiple ? [file] : file;
    } else if (attribute.type === 'dynamiczone') {
      value = [];
    }
    probe[name] = value;
  }
  return probe;
};

/** Events the plugin records about itself (not about a record) carry uids under its own name. */
const OWN_EVENTS = 'plugin::master-data.';

const NONE: FieldAccess = { readable: false, allowed: new Set() };

type AccessOf = (uid: string, shape: Shape) => Promise<FieldAccess>;

/** Admin (admin JWT): the Content Manager's read permission, per field. */
const adminAccess = (strapi: Core.Strapi, ctx: any): AccessOf => async (uid, shape) => {
  const userAbility = ctx.state?.userAbility;
  if (!userAbility) return NONE;
  const checker = (strapi.plugin('content-manager').service('permission-checker') as any).create({ userAbility, model: uid });
  // An empty record: conditions on the record (creator, locale) cannot hold, so only unconditional grants count.
  const record = {};
  if (!checker.can.read(record)) return NONE;
  const model = modelOf(strapi, uid);
  const always = new Set<string>([...contentTypes.getNonWritableAttributes(model), ...contentTypes.getNonVisibleAttributes(model)]);
  const allowed = leavesOf(shape).filter((path) => {
    const parts = path.split('.');
    if (always.has(parts[0])) return true;
    // A grant may name the leaf or a component holding it.
    return parts.some((_, i) => checker.can.read(record, parts.slice(0, i + 1).join('.')));
  });
  return { readable: true, allowed: new Set(allowed) };
};

/** Content API (API token, users-permissions): find/findOne on the type, then the output sanitizer. */
const contentApiAccess = (strapi: Core.Strapi, ctx: any): AccessOf => {
  const auth = ctx.state?.auth;
  const may = async (scope: string) => {
    try {
      await strapi.auth.verify(auth, { scope: [scope] });
      return true;
    } catch (error) {
      if (error instanceof errors.ForbiddenError || error instanceof errors.UnauthorizedError) return false;
      throw error;
    }
  };
  return async (uid, shape) => {
    if (!auth || !(await may(`${uid}.find`)) && !(await may(`${uid}.findOne`))) return NONE;
    const probe = probeOf(strapi, uid);
    // The sanitiser works on a copy: it may change what it is given.
    const sanitized = await strapi.contentAPI.sanitize.output(structuredClone(probe), modelOf(strapi, uid), { auth });
    return { readable: true, allowed: new Set(keptLeaves(shape, probe, sanitized)) };
  };
};

/** The leaf paths the sanitiser left in the probe (a relation list it emptied counts as removed). */
const keptLeaves = (shape: Shape, probe: unknown, value: unknown, prefix = ''): string[] => {
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const item = first(value);
  const probed = first(probe) as Record<string, unknown> | undefined;
  if (!item || typeof item !== 'object' || !probed) return [];
  const out: string[] = [];
  for (const [key, sub] of Object.entries(shape)) {
    if (!Object.prototype.hasOwnProperty.call(item, key)) continue;
    const inner = (item as Record<string, unknown>)[key];
    const emptied = Array.isArray(inner) && inner.length === 0 && Array.isArray(probed[key]) && (probed[key] as unknown[]).length > 0;
    if (sub !== null) out.push(...keptLeaves(sub, probed[key], inner, `${prefix}${key}.`));
    else if (inner !== null && inner !== undefined && !emptied) out.push(`${prefix}${key}`);
  }
  return out;
};

export interface FieldReader {
  /** An audit event with the values the reader may not read withheld (see AuditChangesView). */
  event(event: AuditEvent): Promise<AuditEventView>;
  /** A record's values without the fields the reader may not read; those are named in `restricted`. */
  record(uid: string, values: Record<string, unknown>): Promise<{ values: Record<string, unknown>; restricted: string[] }>;
  /** The entries of a field-keyed map whose field the reader may see. */
  keys<T>(uid: string, map: Record<string, T>): Promise<Record<string, T>>;
  /** Whether the reader may read records of the type at all. */
  canRead(uid: string): Promise<boolean>;
}

const createReader = (strapi: Core.Strapi, accessOf: AccessOf): FieldReader => {
  const cache = new Map<string, Promise<{ shape?: Shape; access: FieldAccess }>>();
  const resolve = (uid: string) => {
    let found = cache.get(uid);
    if (!found) {
      if ((strapi.contentTypes as any)[uid]) {
        const shape = shapeOf(strapi, uid);
        found = accessOf(uid, shape).then((access) => ({ shape, access }));
      } else if (uid.startsWith(OWN_EVENTS)) {
        // The trail's own events (retention): no record values to withhold.
        found = Promise.resolve({ access: NONE });
      } else {
        // A content type since removed from the schema: nobody's permission can be known, nothing is shown.
        found = Promise.resolve({ shape: {}, access: NONE });
      }
      cache.set(uid, found);
    }
    return found;
  };
  return {
    async event(event) {
      const { shape, access } = await resolve(event.uid);
      return { ...event, changes: visibleChanges(shape, access, event.action, event.changes) };
    },
    async record(uid, values) {
      const { shape, access } = await resolve(uid);
      return visibleRecord(shape, access, values);
    },
    async keys(uid, map) {
      const { shape, access } = await resolve(uid);
      return visibleKeys(shape, access, map);
    },
    async canRead(uid) {
      return (await resolve(uid)).access.readable;
    },
  };
};

/** The reader of an admin route (admin JWT, `ctx.state.userAbility`). */
export const adminReader = (strapi: Core.Strapi, ctx: any): FieldReader => createReader(strapi, adminAccess(strapi, ctx));

/** The reader of a content API route (`ctx.state.auth`: API token or users-permissions). */
export const contentApiReader = (strapi: Core.Strapi, ctx: any): FieldReader => createReader(strapi, contentApiAccess(strapi, ctx));
