/**
 * Relations written from their inverse (`mappedBy`) side. `PUT /api/customer-groups/:id` with
 * `customers: { set: [] }` changes the stored `group` of every customer it unlinks, though no
 * customer write passes the pipeline: the owner side is what the database holds. When the owner
 * type is governed, each affected record gets its own event (`update` for the draft,
 * or the only row of a type without drafts; `publish` for the published copy), in the write's
 * transaction, with the owner attribute's before/after as documentIds.
 *
 * Only writes that can change such links pay for it: a create/update whose data names an inverse
 * attribute, a delete (the join rows go with the record) and a clone (it copies the source's links).
 */
import type { EmittedEvent, WriteContext } from './pipeline';
import { getService } from './services';
import { modelInfo } from './model';
import { DOCUMENT_CHANGES, documentEventType } from '../../../shared/contracts/events';

interface InverseAttribute {
  /** The attribute on the written type (e.g. customer-group.customers). */
  name: string;
  /** The owner type and its attribute (e.g. customer.group). */
  owner: string;
  ownerAttribute: string;
  /** The owner attribute holds many documentIds (manyToMany), else one or null. */
  many: boolean;
}

/** Per owner documentId: the owner attribute's value on its draft and published rows. */
type Values = Map<string, { draft?: unknown; published?: unknown }>;

export interface InverseKept {
  attributes: InverseAttribute[];
  /** documentIds per owner uid that the write may affect, and their values before it. */
  before: Map<string, Values>;
}

const cache = new Map<string, InverseAttribute[]>();

/** The written type's inverse-side relations whose owner type is governed. */
const inverseAttributes = (write: WriteContext): InverseAttribute[] => {
  let found = cache.get(write.uid);
  if (!found) {
    const governed = getService('governance', write.strapi).load().governed;
    const model: any = write.strapi.getModel(write.uid);
    found = [];
    for (const [name, attribute] of Object.entries<any>(model.attributes)) {
      if (attribute.type !== 'relation' || !attribute.mappedBy || !governed.has(attribute.target)) continue;
      const ownerAttribute = (write.strapi.getModel(attribute.target) as any).attributes[attribute.mappedBy];
      if (!ownerAttribute) continue;
      found.push({ name, owner: attribute.target, ownerAttribute: attribute.mappedBy, many: /ToMany$/.test(ownerAttribute.relation) });
    }
    cache.set(write.uid, found);
  }
  return found;
};

/** Strings (documentIds) and numbers (row ids) anywhere in a relation value: arrays, set/connect/disconnect, `{ documentId }`, `{ id }`. */
const idsIn = (value: unknown, strings: Set<string>, numbers: Set<number>, depth = 0): void => {
  if (depth > 6 || value === null || value === undefined) return;
  if (typeof value === 'string') strings.add(value);
  else if (typeof value === 'number' && Number.isInteger(value)) numbers.add(value);
  else if (Array.isArray(value)) value.slice(0, 10_000).forEach((v) => idsIn(v, strings, numbers, depth + 1));
  else if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['set', 'connect', 'disconnect', 'documentId', 'id']) idsIn(record[key], strings, numbers, depth + 1);
  }
};

const linkedTo = async (write: WriteContext, attribute: InverseAttribute, documentId: string): Promise<string[]> => {
  const rows: any[] = await write.strapi.db
    .query(attribute.owner as any)
    .findMany({ where: { [attribute.ownerAttribute]: { documentId } }, select: ['documentId'] });
  return rows.map((r) => r.documentId);
};

const valuesOf = async (write: WriteContext, attribute: InverseAttribute, documentIds: Iterable<string>): Promise<Values> => {
  const ids = [...new Set(documentIds)];
  const values: Values = new Map();
  if (ids.length === 0) return values;
  const rows: any[] = await write.strapi.db.query(attribute.owner as any).findMany({
    where: { documentId: { $in: ids } },
    select: ['documentId', 'publishedAt'],
    populate: { [attribute.ownerAttribute]: { select: ['documentId'] } },
  });
  const drafts = modelInfo(write.strapi, attribute.owner).draftAndPublish;
  for (const row of rows) {
    const linked = row[attribute.ownerAttribute];
    const value = attribute.many ? ((linked ?? []) as any[]).map((l) => l.documentId).sort() : (linked?.documentId ?? null);
    const entry = values.get(row.documentId) ?? {};
    if (drafts && row.publishedAt) entry.published = value;
    else entry.draft = value;
    values.set(row.documentId, entry);
  }
  return values;
};

const key = (attribute: InverseAttribute) => `${attribute.owner}#${attribute.ownerAttribute}`;

/** Before the write: the records linked now and those the data names, with their current values; undefined when the write cannot change such links. */
export const inverseBefore = async (write: WriteContext): Promise<InverseKept | undefined> => {
  const attributes = inverseAttributes(write);
  if (attributes.length === 0) return undefined;
  const documentId: string | undefined = write.params.documentId;
  const data = write.params.data ?? {};
  // A clone copies the source's relations: where the owner side holds one (a customer's one
  // group), the copy takes the source's records away from it, whatever the data says.
  const relevant = attributes.filter((a) =>
    write.action === 'delete' || write.action === 'clone'
      ? Boolean(documentId)
      : (write.action === 'create' || write.action === 'update') && data[a.name] !== undefined
  );
  if (relevant.length === 0) return undefined;
  const before = new Map<string, Values>();
  for (const attribute of relevant) {
    const strings = new Set<string>();
    const numbers = new Set<number>();
    if (write.action !== 'delete') idsIn(data[attribute.name], strings, numbers);
    if (numbers.size > 0) {
      const rows: any[] = await write.strapi.db.query(attribute.owner as any).findMany({ where: { id: { $in: [...numbers] } }, select: ['documentId'] });
      rows.forEach((r) => strings.add(r.documentId));
    }
    if (documentId) (await linkedTo(write, attribute, documentId)).forEach((id) => strings.add(id));
    before.set(key(attribute), await valuesOf(write, attribute, strings));
  }
  return { attributes: relevant, before };
};

/** After the write: one event per affected record whose owner attribute changed (read, not yet emitted). */
export const inverseRelationEvents = async (write: WriteContext, kept: InverseKept | undefined): Promise<EmittedEvent[]> => {
  const events: EmittedEvent[] = [];
  if (!kept) return events;
  const singular = (uid: string) => (write.strapi.getModel(uid as any) as any).info.singularName as string;
  for (const attribute of kept.attributes) {
    const before = kept.before.get(key(attribute))!;
    const afterIds = new Set(before.keys());
    const documentId: string | undefined = write.params.documentId;
    if (documentId && write.action !== 'delete') (await linkedTo(write, attribute, documentId)).forEach((id) => afterIds.add(id));
    const after = await valuesOf(write, attribute, afterIds);
    const empty = attribute.many ? [] : null;
    for (const owner of [...afterIds].sort()) {
      const was = before.get(owner) ?? {};
      const now = after.get(owner) ?? {};
      for (const [version, action] of [
        ['draft', 'update'],
        ['published', 'publish'],
      ] as const) {
        if (!(version in was) && !(version in now)) continue;
        const b = version in was ? was[version] : empty;
        const a = version in now ? now[version] : empty;
        if (JSON.stringify(b) === JSON.stringify(a)) continue;
        events.push({
          type: documentEventType(singular(attribute.owner), action === 'publish' ? DOCUMENT_CHANGES.published : DOCUMENT_CHANGES.updated),
          action,
          uid: attribute.owner,
          documentId: owner,
          locale: null,
          changes: { [attribute.ownerAttribute]: { before: b, after: a } },
        });
      }
    }
  }
  return events;
};
