/**
 * Per-document advisory locks (PostgreSQL, transaction-scoped, re-entrant within a transaction).
 * Every governed write of a document takes its lock before its stages run, and merge and unmerge
 * take the locks of all their documents first, so a merge and an edit of the same record are
 * serialised before either holds a row or the audit chain lock. SQLite serialises writes itself.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export const lockDocuments = async (strapi: Core.Strapi, trx: Knex.Transaction, uid: string, documentIds: string[]) => {
  if (strapi.db.dialect.client !== 'postgres') return;
  for (const id of [...new Set(documentIds)].sort()) {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`master-data:doc:${uid}:${id}`]);
  }
};
