/**
 * Background jobs with visible progress: work that settings changes need over existing records
 * (rebuilding match keys after new match fields or vocabulary), run in small transactions so that
 * writes are never blocked, by whichever instance claims it (PostgreSQL: `FOR UPDATE SKIP LOCKED`;
 * a job whose instance stops sending heartbeats is taken over). Capabilities register the kinds
 * they run (`jobs.handle(kind, fn)`) and queue work (`jobs.enqueue`); the settings pages show
 * `jobs.list()`.
 */
import type { Core } from '@strapi/strapi';
import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Migration } from './migrations';

export const JOBS = 'master_data_jobs';

export const jobMigrations: Migration[] = [
  {
    name: '0001-jobs',
    async up(knex) {
      await knex.schema.createTable(JOBS, (t) => {
        t.increments('id').primary();
        t.string('kind', 50).notNullable();
        t.string('scope', 255).notNullable();
        t.string('status', 16).notNullable();
        t.integer('done').notNullable().defaultTo(0);
        t.integer('total');
        t.text('error');
        t.string('claimed_by', 64);
        t.bigInteger('heartbeat_at');
        t.string('created_at', 32).notNullable();
        t.string('started_at', 32);
        t.string('finished_at', 32);
        t.index(['status', 'id'], 'master_data_jobs_status_idx');
      });
    },
  },
];

export interface JobView {
  id: number;
  kind: string;
  scope: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobProgress {
  /** Records the progress (and keeps the claim alive). */
  report(done: number, total: number | null): Promise<void>;
}

export type JobHandler = (job: { id: number; scope: string }, progress: JobProgress) => Promise<void>;

const STALE_MS = 60_000;

const view = (row: any): JobView => ({
  id: Number(row.id),
  kind: row.kind,
  scope: row.scope,
  status: row.status,
  done: Number(row.done),
  total: row.total === null ? null : Number(row.total),
  error: row.error ?? null,
  createdAt: row.created_at,
  startedAt: row.started_at ?? null,
  finishedAt: row.finished_at ?? null,
});

export const createJobs = (strapi: Core.Strapi) => {
  const me = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const handlers = new Map<string, JobHandler>();
  const knex = () => strapi.db.connection;
  const isPostgres = () => (knex() as any).client?.dialect === 'postgresql';
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  let scope: AsyncResource | undefined;

  /** Claims one queued job (or one whose instance stopped beating). */
  const claim = async (): Promise<any | null> => {
    const now = Date.now();
    if (isPostgres()) {
      const { rows } = await knex().raw(
        `UPDATE ${JOBS} SET status = 'running', claimed_by = ?, heartbeat_at = ?, started_at = COALESCE(started_at, ?)
         WHERE id = (SELECT id FROM ${JOBS} WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < ?) ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [me, now, new Date(now).toISOString(), now - STALE_MS]
      );
      return rows[0] ?? null;
    }
    const row = await knex()(JOBS).where({ status: 'queued' }).orWhere((q) => q.where({ status: 'running' }).andWhere('heartbeat_at', '<', now - STALE_MS)).orderBy('id').first();
    if (!row) return null;
    await knex()(JOBS).where({ id: row.id }).update({ status: 'running', claimed_by: me, heartbeat_at: now, started_at: row.started_at ?? new Date(now).toISOString() });
    return { ...row, claimed_by: me };
  };

  const runOne = async () => {
    if (busy) return;
    busy = true;
    try {
      for (;;) {
        const row = await claim();
        if (!row) break;
        const handler = handlers.get(row.kind);
        const finish = (status: 'done' | 'failed', error: string | null = null) =>
          knex()(JOBS).where({ id: row.id, claimed_by: me }).update({ status, error, finished_at: new Date().toISOString() });
        if (!handler) {
          await finish('failed', `no handler for jobs of kind "${row.kind}"`);
          continue;
        }
        try {
          await handler(
            { id: Number(row.id), scope: row.scope },
            { report: async (done, total) => void (await knex()(JOBS).where({ id: row.id, claimed_by: me }).update({ done, total, heartbeat_at: Date.now() })) }
          );
          await finish('done');
        } catch (error) {
          strapi.log.error(`[master-data] job ${row.kind} ${row.scope} failed: ${(error as Error).message}`);
          await finish('failed', (error as Error).message.slice(0, 2000));
        }
      }
    } catch (error) {
      if (timer) strapi.log.warn(`[master-data] jobs: ${(error as Error).message}`);
    } finally {
      busy = false;
    }
  };

  const run = () => (scope ? scope.runInAsyncScope(() => void runOne()) : undefined);

  return {
    handle(kind: string, handler: JobHandler) {
      handlers.set(kind, handler);
    },
    /** Queues a job (once: a queued job of the same kind and scope is not queued again). */
    async enqueue(kind: string, jobScope: string): Promise<void> {
      const queued = await knex()(JOBS).where({ kind, scope: jobScope, status: 'queued' }).first('id');
      if (!queued) await knex()(JOBS).insert({ kind, scope: jobScope, status: 'queued', done: 0, created_at: new Date().toISOString() });
      run();
    },
    async list(limit = 20): Promise<JobView[]> {
      return (await knex()(JOBS).orderBy('id', 'desc').limit(limit)).map(view);
    },
    start(intervalMs = 1000) {
      scope = new AsyncResource('master-data-jobs');
      timer = setInterval(run, intervalMs);
      timer.unref?.();
      run();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      scope = undefined;
    },
  };
};

export type Jobs = ReturnType<typeof createJobs>;
