/**
 * Which records hold external id pairs: one indexed query over the component's table, its join
 * table and the records' table (every version: the draft and the published row of a record both
 * count). Table and column names come from Strapi's metadata, so a renamed component still works.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { pairKey, type ExternalIdPair } from './domain/external-ids';
import type { SyncTarget } from './target';

export interface Holder extends ExternalIdPair {
  documentId: string;
  published: boolean;
  /** The component row. */
  componentId: number;
}

export interface Tables {
  records: string;
  documentIdColumn: string;
  publishedAtColumn: string;
  join: string;
  entityColumn: string;
  componentColumn: string;
  fieldColumn: string;
  typeColumn: string;
  components: string;
  systemColumn: string;
  externalIdColumn: string;
}

const tablesCache = new WeakMap<Core.Strapi, Tables>();

export const tablesOf = (strapi: Core.Strapi, target: SyncTarget): Tables => {
  let tables = tablesCache.get(strapi);
  if (!tables) {
    const meta: any = strapi.db.metadata.get(target.uid);
    const joinTable = meta.attributes[target.field].joinTable;
    const component: any = strapi.db.metadata.get(target.component);
    tables = {
      records: meta.tableName,
      documentIdColumn: meta.attributes.documentId?.columnName ?? 'document_id',
      publishedAtColumn: meta.attributes.publishedAt?.columnName ?? 'published_at',
      join: joinTable.name,
      entityColumn: joinTable.joinColumn.name,
      componentColumn: joinTable.inverseJoinColumn.name,
      fieldColumn: 'field',
      typeColumn: 'component_type',
      components: component.tableName,
      systemColumn: component.attributes.system.columnName ?? 'system',
      externalIdColumn: component.attributes.externalId.columnName ?? 'externalId',
    };
    tablesCache.set(strapi, tables);
  }
  return tables;
};

/**
 * The versions of records that hold any of `pairs` (system compared without case), in `db` (the
 * write's transaction, or the connection).
 */
export const holdersOf = async (strapi: Core.Strapi, target: SyncTarget, db: Knex | Knex.Transaction, pairs: ExternalIdPair[]): Promise<Holder[]> => {
  if (pairs.length === 0) return [];
  const t = tablesOf(strapi, target);
  const ids = [...new Set(pairs.map((p) => p.externalId))];
  const wanted = new Set(pairs.map(pairKey));
  const rows: any[] = await db(`${t.components} as c`)
    .join(`${t.join} as j`, function joinOn() {
      this.on(`j.${t.componentColumn}`, '=', 'c.id');
    })
    .join(`${t.records} as r`, `r.id`, `j.${t.entityColumn}`)
    .where(`j.${t.fieldColumn}`, target.field)
    .where(`j.${t.typeColumn}`, target.component)
    .whereIn(`c.${t.externalIdColumn}`, ids)
    .select({ componentId: 'c.id', system: `c.${t.systemColumn}`, externalId: `c.${t.externalIdColumn}`, documentId: `r.${t.documentIdColumn}`, publishedAt: `r.${t.publishedAtColumn}` });
  return rows
    .filter((row) => typeof row.system === 'string' && wanted.has(pairKey(row)))
    .map((row) => ({ componentId: Number(row.componentId), system: row.system, externalId: row.externalId, documentId: row.documentId, published: row.publishedAt != null }));
};
