/**
 * Indexes on the governed records themselves (issue 13): `unique: true` in a Strapi 5 schema creates
 * no index, and Strapi checks it with a query (`code = ? AND published_at IS NOT NULL AND id <> ?`),
 * a sequential scan per write; integrations look records up by code, tax id and email. For each
 * governed type: its generated code and the attributes feeding the tax id and email match keys, one
 * column each, never partial. On a table bulk-loaded after Strapi created it (and its indexes,
 * empty) and never analysed, PostgreSQL believes every index empty and reads any index it can use
 * whole as if it cost nothing: a partial index whose predicate the condition implies
 * (`published_at IS NULL`), or a second column the condition names, made Strapi's read of a draft
 * (`document_id = ? AND published_at IS NULL`) read the whole code index instead of the document
 * index, 60-100 ms per read at 100,000 customers. A single-column index is only read for its own
 * column. The first version (0005) made the code index partial, one for drafts and one for
 * published rows; 0006 replaces them. Not unique: the values are checked by Strapi and the
 * pipeline with a clear 4xx; a unique index would turn a legacy duplicate into a failed start-up
 * and a race into a 500. Strapi's schema sync leaves indexes it did not create alone.
 *
 * A migration: applied once, for the types governed at that time.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { getService } from '../governance/services';
import { indexName } from '../governance/migrations';

export interface RecordIndex {
  name: string;
  table: string;
  columns: string[];
  /** Indexes an earlier version created in its place, dropped first. */
  replaces?: string[];
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
    const code = column(config.code?.field);
    if (code) {
      out.push({
        name: indexName(meta.tableName, code, ''),
        table: meta.tableName,
        columns: [code],
        replaces: [indexName(meta.tableName, code, '_pub'), indexName(meta.tableName, code, '_draft')],
      });
    }
    for (const field of [config.matching?.fields.taxId, config.matching?.fields.email]) {
      const c = column(field);
      if (c && !out.some((i) => i.table === meta.tableName && i.columns[0] === c)) out.push({ name: indexName(meta.tableName, c, ''), table: meta.tableName, columns: [c] });
    }
  }
  return out;
};

export const createRecordIndexes = async (knex: Knex, indexes: RecordIndex[]) => {
  for (const index of indexes) {
    if (!(await knex.schema.hasTable(index.table))) continue;
    for (const old of index.replaces ?? []) await knex.raw('DROP INDEX IF EXISTS ??', [old]);
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${index.columns.map(() => '??').join(', ')})`, [index.name, index.table, ...index.columns]);
  }
};
