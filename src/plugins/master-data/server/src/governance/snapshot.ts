/**
 * A record's stored state with its components and relations, for before/after diffs. Reads through
 * the query engine (inside the write's transaction), not the document service, so that no document
 * middleware runs again.
 */
import type { Core, UID } from '@strapi/strapi';

type Populate = Record<string, true | { select?: string[]; populate?: Populate }>;

const populateCache = new Map<string, Populate>();

/** Components (recursively), relations (their documentId) and media (id, url) of a model. */
export const populateFor = (strapi: Core.Strapi, uid: string): Populate => {
  const cached = populateCache.get(uid);
  if (cached) return cached;
  const model: any = strapi.getModel(uid as UID.Schema);
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries<any>(model.attributes)) {
    if (attribute.type === 'component') {
      const inner = populateFor(strapi, attribute.component);
      populate[name] = Object.keys(inner).length ? { populate: inner } : true;
    } else if (attribute.type === 'relation' && !['createdBy', 'updatedBy', 'localizations'].includes(name)) {
      populate[name] = { select: ['documentId'] };
    } else if (attribute.type === 'media') {
      populate[name] = { select: ['id', 'url'] };
    } else if (attribute.type === 'dynamiczone') {
      populate[name] = true;
    }
  }
  populateCache.set(uid, populate);
  return populate;
};

/** The populate of a snapshot, restricted to `only` (see snapshot). */
const populateOnly = (strapi: Core.Strapi, uid: string, only?: string[]) => {
  const populate = populateFor(strapi, uid);
  return only ? Object.fromEntries(Object.entries(populate).filter(([name]) => only.includes(name))) : populate;
};

/**
 * `only`: the attributes a write can have changed (the keys of its data). Components and relations
 * outside it are not loaded: a REST update of two scalar fields then costs one query, not one per
 * component. Both sides of a diff must be read with the same `only`.
 */
export const snapshot = async (
  strapi: Core.Strapi,
  { uid, documentId, published, locale, only }: { uid: string; documentId: string; published: boolean; locale?: string | null; only?: string[] }
): Promise<Record<string, unknown> | null> => {
  const where: Record<string, unknown> = { documentId, publishedAt: published ? { $notNull: true } : null };
  if (locale) where.locale = locale;
  return strapi.db.query(uid as UID.Schema).findOne({ where, populate: populateOnly(strapi, uid, only) as any });
};

/**
 * Both versions of a draft & publish document (the draft and the published copy) in one read: one
 * statement for the rows and one per component or relation for both, where two snapshots take twice
 * as many. A REST create or update that publishes reads both after it (the created and published
 * events), so every such write saves one statement per populated attribute.
 */
export const snapshotVersions = async (
  strapi: Core.Strapi,
  { uid, documentId, locale, only }: { uid: string; documentId: string; locale?: string | null; only?: string[] }
): Promise<{ draft: Record<string, unknown> | null; published: Record<string, unknown> | null }> => {
  const where: Record<string, unknown> = { documentId };
  if (locale) where.locale = locale;
  const rows: Record<string, unknown>[] = await strapi.db.query(uid as UID.Schema).findMany({ where, populate: populateOnly(strapi, uid, only) as any });
  return { draft: rows.find((row) => row.publishedAt == null) ?? null, published: rows.find((row) => row.publishedAt != null) ?? null };
};
