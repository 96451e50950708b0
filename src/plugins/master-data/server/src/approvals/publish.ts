/**
 * Publishing part of a draft. Strapi publishes a whole draft; a governed record's golden version
 * must take only the changes that need no approval (or, when a change request is applied, only the
 * approved ones). So: the fields that must keep their published values are set back in the draft,
 * silently (the stages run, no event is announced), the draft is published (its `published` event
 * shows exactly what went live) and the draft gets its own values back, silently. All of it inside
 * the caller's transaction.
 */
import type { Core, UID } from '@strapi/strapi';
import { snapshot } from '../governance/snapshot';
import { withOrigin } from '../governance/request';
import { fieldChanges } from './domain/policy';
import { BOOKKEEPING } from '../governance/domain/diff';
import type { WriteOrigin } from '../../../shared/contracts/events';

type Row = Record<string, any>;

const TO_MANY = new Set(['oneToMany', 'manyToMany', 'manyWay', 'morphToMany', 'morphMany']);

const stripIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stripIds);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Row).filter(([k]) => k !== 'id' && k !== 'documentId').map(([k, v]) => [k, stripIds(v)]));
  }
  return value;
};

const relatedId = (value: any): string | null => (typeof value === 'string' ? value : (value?.documentId ?? null));

/** Stored values of `fields` (as `snapshot` or `comparable` give them) as document service data. */
export const toWriteData = (strapi: Core.Strapi, uid: string, values: Row, fields: string[]): Row => {
  const attributes: Row = (strapi.getModel(uid as UID.Schema) as any).attributes;
  const data: Row = {};
  for (const field of fields) {
    const attribute = attributes[field];
    if (!attribute) continue;
    const value = values?.[field] ?? null;
    if (attribute.type === 'component' || attribute.type === 'dynamiczone') {
      data[field] = value === null ? (attribute.repeatable || attribute.type === 'dynamiczone' ? [] : null) : stripIds(value);
    } else if (attribute.type === 'relation') {
      const ids = ([] as unknown[]).concat(value ?? []).map(relatedId).filter(Boolean);
      data[field] = { set: TO_MANY.has(attribute.relation) ? ids : ids.slice(0, 1) };
    } else if (attribute.type === 'media') {
      const ids = ([] as any[]).concat(value ?? []).map((file) => (typeof file === 'object' ? file?.id : file)).filter((id) => id != null);
      data[field] = attribute.multiple ? ids : (ids[0] ?? null);
    } else {
      data[field] = value;
    }
  }
  return data;
};

export interface RecordRef {
  uid: string;
  documentId: string;
  locale: string | null;
}

export const readVersion = (strapi: Core.Strapi, ref: RecordRef, version: 'draft' | 'published') =>
  snapshot(strapi, { uid: ref.uid, documentId: ref.documentId, published: version === 'published', locale: ref.locale });

const docs = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as UID.ContentType) as any;

/**
 * Publishes the draft except `keep`: those fields keep their published values in the golden record
 * and their draft values in the draft. `publish` runs the publish itself (in the caller's scope:
 * its origin, and whatever marks it as already checked). Publishes nothing (and says so: false)
 * when no other field would change.
 */
export const publishExcept = async (
  strapi: Core.Strapi,
  ref: RecordRef,
  keep: string[],
  publish: () => Promise<any>,
  origin: WriteOrigin
): Promise<boolean> => {
  const [draft, published] = await Promise.all([readVersion(strapi, ref, 'draft'), readVersion(strapi, ref, 'published')]);
  if (!published || !draft) {
    await publish();
    return true;
  }
  // Bookkeeping (ids, timestamps, publishedAt) is Strapi's own: never carried over.
  const attributes = Object.keys((strapi.getModel(ref.uid as UID.Schema) as any).attributes).filter((a) => !BOOKKEEPING.has(a));
  const differing = Object.keys(fieldChanges(published, draft, attributes));
  const restore = differing.filter((f) => keep.includes(f));
  if (differing.length === restore.length) return false;
  if (restore.length === 0) {
    await publish();
    return true;
  }
  const params = { documentId: ref.documentId, ...(ref.locale ? { locale: ref.locale } : {}), status: 'draft' };
  await withOrigin(origin, () => docs(strapi, ref.uid).update({ ...params, data: toWriteData(strapi, ref.uid, published, restore) }), { silent: true });
  await publish();
  await withOrigin(origin, () => docs(strapi, ref.uid).update({ ...params, data: toWriteData(strapi, ref.uid, draft, restore) }), { silent: true });
  return true;
};
