/**
 * Start-up DDL (audit tables and triggers, code sequences) runs in one transaction under a
 * PostgreSQL advisory lock, so that several instances starting together neither race ("already
 * exists") nor leave a window in which the audit table has no triggers.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

const STARTUP_LOCK = 0x6d64_7375; // "mdsu"

export const withStartupLock = async <T>(strapi: Core.Strapi, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
  strapi.db.connection.transaction(async (trx) => {
    if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?)', [STARTUP_LOCK]);
    return fn(trx);
  });
