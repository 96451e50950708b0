/** Test-only access to the audit table, including lifting its append-only triggers to play an attacker. */
import type { TestApp } from './strapi';
import { isPostgres } from './database';

export const EVENTS = 'master_data_audit_events';

export const auditRows = (app: TestApp, where: Record<string, unknown> = {}) =>
  app.strapi.db.connection(EVENTS).where(where).orderBy('sequence', 'asc');

export const eventsOf = async (app: TestApp, documentId: string) =>
  (await auditRows(app, { document_id: documentId })).map((r: any) => ({ ...r, sequence: Number(r.sequence), changes: JSON.parse(r.changes) }));

/** Runs `fn` with the append-only triggers removed, then puts them back (as an attacker with DB access could). */
export const withTriggersLifted = async (app: TestApp, fn: () => Promise<void>) => {
  const knex = app.strapi.db.connection;
  if (isPostgres()) {
    await knex.raw(`ALTER TABLE ${EVENTS} DISABLE TRIGGER USER`);
  } else {
    await knex.raw('DROP TRIGGER IF EXISTS master_data_audit_no_update');
    await knex.raw('DROP TRIGGER IF EXISTS master_data_audit_no_delete');
  }
  try {
    await fn();
  } finally {
    if (isPostgres()) await knex.raw(`ALTER TABLE ${EVENTS} ENABLE TRIGGER USER`);
    else await reapplyMigration(app, 'audit/0001-audit-tables');
  }
};

/**
 * Runs one (idempotent) migration again, as if it had never been applied: the first migration of
 * a capability puts back whatever of its schema is missing.
 */
export const reapplyMigration = async (app: TestApp, id: string) => {
  await app.strapi.db.connection('master_data_migrations').where({ name: id }).delete();
  const applied = await app.strapi.plugin('master-data').service('migrations').run();
  if (applied.join() !== id) throw new Error(`expected to re-apply ${id}, applied ${applied.join(', ') || 'nothing'}`);
};

/**
 * The error message of a database query, or 'no error'. Awaits the knex builder itself: handing a
 * builder to jest's `expect(...).rejects` was seen to pass an UPDATE that the trigger refuses.
 */
export const queryError = async (query: PromiseLike<unknown>): Promise<string> => {
  try {
    await query;
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  }
};

/** Reads a response body as text (supertest leaves text/csv unparsed). */
export const asText = (res: NodeJS.ReadableStream, done: (error: Error | null, body: string) => void) => {
  let text = '';
  res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  res.on('end', () => done(null, text));
};
