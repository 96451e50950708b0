/**
 * The governed-write pipeline: the stages every write of a governed content type passes through,
 * in order (validation and standardisation first; duplicates, approvals, audit and outbox slot in
 * after it). Each stage may change `write.params.data` or refuse the write by throwing a
 * `@strapi/utils` error before the write happens; `after` hooks run in the write's transaction.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { GovernedTypeConfig } from '../config/schema';

export type WriteAction = 'create' | 'update' | 'delete' | 'clone' | 'publish' | 'unpublish' | 'discardDraft';

export const WRITE_ACTIONS: ReadonlySet<string> = new Set<WriteAction>([
  'create',
  'update',
  'delete',
  'clone',
  'publish',
  'unpublish',
  'discardDraft',
]);

export interface GovernedWrite {
  strapi: Core.Strapi;
  /** The knex transaction of the write, for a stage's own rows. */
  trx: Knex.Transaction;
  uid: UID.ContentType;
  action: WriteAction;
  /** The document service params; stages may replace `params.data`. */
  params: Record<string, any>;
  config: GovernedTypeConfig;
  /** Scratch space for stages, e.g. a state kept in `before` for `after`. Keys: the stage's name. */
  stash: Record<string, unknown>;
  /** The stored draft of the record (root attributes only), loaded at most once; null on create. */
  existing(): Promise<Record<string, unknown> | null>;
}

export interface Stage {
  name: string;
  before?(write: GovernedWrite): Promise<void>;
  after?(write: GovernedWrite, result: unknown): Promise<void>;
}
