/**
 * The governed-write pipeline's contracts. Every write of a governed content type passes the
 * stages that capabilities registered (in their declared `order`), in one database transaction:
 * each stage's `before` may change `write.params.data`, refuse the write by throwing a
 * `@strapi/utils` error, or divert it; then the write; then each stage's `after`, which gets what
 * its own `before` returned. Events emitted during the write reach every registered consumer in
 * the same transaction.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { GovernedTypeConfig } from '../config/schema';
import type { Actor, DomainEvent, RequestFacts, WriteOrigin } from '../../../shared/contracts/events';

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

export type State = Record<string, unknown> | null;
export type Version = 'draft' | 'published';

/** What a diverted write does instead, and what the caller is told. */
export interface Diversion {
  /** The write carried out instead (e.g. save the draft); its result is returned to the caller. */
  run(): Promise<unknown>;
  /** HTTP status for the caller (e.g. 202). */
  status?: number;
}

/** Additions to the HTTP response of the write: `meta.masterData[key]`, headers, the status. */
export interface ResponseNote {
  meta?: Record<string, unknown>;
  status?: number;
  headers?: Record<string, string>;
}

/** An event as a stage emits it; governance adds where it came from. */
export type EmittedEvent = Omit<DomainEvent, 'origin' | 'source' | 'actor' | 'request' | 'reason' | 'locale'> & { reason?: string | null; locale?: string | null };

export interface WriteContext {
  strapi: Core.Strapi;
  /** The knex transaction of the write, for a stage's own rows. */
  trx: Knex.Transaction;
  uid: UID.ContentType;
  action: WriteAction;
  /** The document written; undefined on create and clone until the write made it. */
  documentId: string | undefined;
  /** The locale whose rows the write changes: null for a type without i18n, whatever the request said. */
  locale: string | null;
  /** The document service params; stages may replace `params.data`. */
  params: Record<string, any>;
  config: GovernedTypeConfig;
  origin: WriteOrigin;
  actor: Actor;
  request: RequestFacts;
  /** Whether the caller holds an admin permission (see ./request.ts). */
  can(action: string): boolean;
  /** The stored draft (or only row) of the record, root attributes only, loaded at most once; null on create. */
  existing(): Promise<Record<string, unknown> | null>;
  /**
   * A version of the record with its components and relations (`only`: just these attributes),
   * before or after the write; each distinct read is made once per write and shared by the stages.
   */
  state(version: Version, moment: 'before' | 'after', only?: string[]): Promise<State>;
  /** Emits a domain event to every consumer, in this transaction. */
  emit(event: EmittedEvent): Promise<void>;
  /** Carries out another write instead of this one and tells the caller something else (see Diversion). */
  divert(diversion: Diversion): void;
  /** Adds to the caller's response (shown only when the write succeeds). */
  respond(note: ResponseNote): void;
}

export interface Stage<Kept = unknown> {
  name: string;
  /** Position in the pipeline: lower runs first (see docs/ARCHITECTURE.md for the orders in use). */
  order: number;
  before?(write: WriteContext): Promise<Kept | void>;
  /** Not called for a diverted write (that write did not happen). */
  after?(write: WriteContext, result: unknown, kept: Kept | undefined): Promise<void>;
}

/** What a consumer may ask of the write an event comes from (absent for events emitted outside one). */
export interface EventContext {
  /** The record's published state after the write, with components and relations; read once per write. */
  published(): Promise<State>;
}

export interface EventConsumer {
  name: string;
  order: number;
  /** Runs in the transaction of the change; throwing rolls the change back. */
  handle(event: DomainEvent, trx: Knex.Transaction, context?: EventContext): Promise<void>;
}
