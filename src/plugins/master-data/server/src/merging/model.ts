/**
 * How a governed type's attributes take part in a merge, read from its schema: scalar fields and
 * single relations go through survivorship, repeatable components and to-many relations are
 * united, system fields, the code and the merge markers are left alone.
 */
import type { Core } from '@strapi/strapi';

const SYSTEM = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

export interface MergeModel {
  /** Fields chosen by survivorship (scalars, single components, to-one relations). */
  fields: string[];
  /** Repeatable components, united. */
  lists: string[];
  /** To-many relations, united (documentIds). */
  manyRelations: string[];
  /** To-one relations among `fields` (values are documentIds). */
  oneRelations: string[];
  /** Single components among `fields`. */
  singleComponents: string[];
  populate: Record<string, unknown>;
}

const TO_MANY = new Set(['oneToMany', 'manyToMany', 'manyWay']);

export const mergeModel = (strapi: Core.Strapi, uid: string, exclude: string[]): MergeModel => {
  const attributes = (strapi.contentTypes as any)[uid].attributes as Record<string, any>;
  const model: MergeModel = { fields: [], lists: [], manyRelations: [], oneRelations: [], singleComponents: [], populate: {} };
  for (const [name, attribute] of Object.entries(attributes)) {
    if (SYSTEM.has(name) || exclude.includes(name) || attribute.private) continue;
    if (attribute.type === 'component') {
      model.populate[name] = true;
      if (attribute.repeatable) model.lists.push(name);
      else {
        model.fields.push(name);
        model.singleComponents.push(name);
      }
    } else if (attribute.type === 'relation') {
      if (attribute.target?.startsWith('admin::')) continue;
      model.populate[name] = { fields: ['documentId'] };
      if (TO_MANY.has(attribute.relation)) model.manyRelations.push(name);
      else {
        model.fields.push(name);
        model.oneRelations.push(name);
      }
    } else if (attribute.type !== 'media' && attribute.type !== 'dynamiczone') {
      model.fields.push(name);
    }
  }
  return model;
};

/** Component items without their ids (ids belong to the record they came from). */
export const stripIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stripIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'id').map(([k, v]) => [k, stripIds(v)]));
  }
  return value;
};

/** A related record as its documentId (populated object or already a documentId). */
const relatedId = (value: any): string | null => (typeof value === 'string' ? value : (value?.documentId ?? null));

/** A populated document as write data: relations as documentIds, components without ids. Idempotent. */
export const toWriteData = (model: MergeModel, document: Record<string, any>): Record<string, unknown> => {
  const data: Record<string, unknown> = {};
  for (const field of model.fields) {
    const value = document[field];
    if (model.oneRelations.includes(field)) data[field] = relatedId(value);
    else if (model.singleComponents.includes(field)) data[field] = value ? stripIds(value) : null;
    else data[field] = value ?? null;
  }
  for (const list of model.lists) data[list] = stripIds(document[list] ?? []);
  for (const relation of model.manyRelations) data[relation] = (document[relation] ?? []).map(relatedId).filter(Boolean);
  return data;
};

/** Relations of other records (any content type) that point at `uid` and own the link. */
export const incomingRelations = (strapi: Core.Strapi, uid: string) => {
  const found: { uid: string; attribute: string }[] = [];
  for (const [ctUid, contentType] of Object.entries(strapi.contentTypes as Record<string, any>)) {
    for (const [name, attribute] of Object.entries(contentType.attributes as Record<string, any>)) {
      if (attribute.type === 'relation' && attribute.target === uid && !attribute.mappedBy) {
        found.push({ uid: ctUid, attribute: name });
      }
    }
  }
  return found;
};
