/**
 * Indexes on the governed records themselves (issue 13): `unique: true` in a Strapi 5 schema creates
 * no index, and Strapi checks it with a query (`code = ? AND published_at IS NOT NULL AND id <> ?`),
 * a sequential scan per write; integrations look records up by code, tax id and email. For each
 * governed type: its generated code (partial, one index for published rows and one for drafts, as
 * draft and published rows share the table and each query names one of them) and the attributes
 * feeding the tax id and email match keys (plain). Not unique: the values are checked by Strapi and
 * the pipeline with a clear 4xx; a unique index would turn a legacy duplicate into a failed start-up
 * and a race into a 500. Strapi's schema sync leaves indexes it did not create alone.
 *
 * A migration: applied once, for the types governed at that time.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { modelInfo } from '../governance/model';
import { getService } from '../governance/services';
import { indexName } from '../governance/migrations';

export interface RecordIndex {
  name: string;
  table: string;
  column: string;
  /** SQL condition of a partial index. */
  where?: string;
}

/** The indexes the governed types need, from the configuration and Strapi's metadata. */
export const recordIndexes = (strapi: Core.Strapi): RecordIndex[] => {
  const out: RecordIndex[] = [];
  for (const [uid, config] of getService('governance', strapi).load().governed) {
    const meta = strapi.db.metadata.get(uid);
    const column = (attribute: string | undefined) => {
      const a = attribute ? (meta.attributes[attribute] as { type?: string; columnName?: string } | undefined) : undefined;
      return a && a.type !== 'relation' && a.type !== 'component' ? (a.columnName ?? attribute!) : null;
    };
    const draftAndPublish = modelInfo(strapi, uid).draftAndPublish;
    const code = column(config.code?.field);
    if (code) {
      if (draftAndPublish) {
        out.push({ name: indexName(meta.tableName, code, '_pub'), table: meta.tableName, column: code, where: 'published_at IS NOT NULL' });
        out.push({ name: indexName(meta.tableName, code, '_draft'), table: meta.tableName, column: code, where: 'published_at IS NULL' });
      } else {
        out.push({ name: indexName(meta.tableName, code, ''), table: meta.tableName, column: code });
      }
    }
    for (const field of [config.matching?.fields.taxId, config.matching?.fields.email]) {
      const c = column(field);
      if (c && !out.some((i) => i.table === meta.tableName && i.column === c)) out.push({ name: indexName(meta.tableName, c, ''), table: meta.tableName, column: c });
    }
  }
  return out;
};

export const createRecordIndexes = async (knex: Knex, indexes: RecordIndex[]) => {
  for (const index of indexes) {
    if (!(await knex.schema.hasTable(index.table))) continue;
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (??)${index.where ? ` WHERE ${index.where}` : ''}`, [index.name, index.table, index.column]);
  }
};
