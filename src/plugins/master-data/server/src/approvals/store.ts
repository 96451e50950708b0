/**
 * The stored side of change requests: rows of the three tables (./schema.ts) read and written, and
 * shown as the API shows them. No decisions here (./service.ts makes them, ./domain/ says what is
 * allowed).
 */
import type { Knex } from 'knex';
import { comparable } from '../governance/domain/diff';
import { canonicalJson } from '../governance/domain/canonical';
import { httpError } from '../http';
import { stepViews, type RequestState, type StoredApproval } from './domain/request';
import { APPROVALS, COMMENTS, REQUESTS } from './schema';
import type { RecordRef } from './publish';
import {
  CHANGE_REQUEST_ERRORS,
  type ChangeRequestStatus,
  type ChangeRequestView,
  type CommentKind,
  type WriteChangeRequest,
} from '../../../shared/contracts/approvals';
import type { Actor } from '../../../shared/contracts/events';

export type Row = Record<string, any>;
export type Db = Knex | Knex.Transaction;

export const now = () => new Date().toISOString();
/** Pending requests looked at to find those a viewer may approve (newest first). */
const MAX_SCANNED = 5000;
export const json = (value: unknown) => canonicalJson(value ?? null);
export const parsed = <T>(text: string | null | undefined, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

export const openKey = (ref: RecordRef) => `${ref.uid}|${ref.documentId}|${ref.locale ?? ''}`;

export const makerOf = (row: Row): Actor => ({ kind: row.maker_kind, id: row.maker_id, name: row.maker_name });

/** The published values a request was opened against: what stale detection compares. */
export interface Base {
  exists: boolean;
  values: Record<string, unknown>;
}

export const baseOf = (published: Row | null, fields: string[]): Base => ({
  exists: Boolean(published),
  values: Object.fromEntries(fields.map((f) => [f, comparable(published?.[f] ?? null)])),
});

export const sameBase = (a: Base, b: Base) => a.exists === b.exists && canonicalJson(a.values) === canonicalJson(b.values);

export const pendingError = (row: Row) =>
  httpError(
    409,
    CHANGE_REQUEST_ERRORS.pending,
    `Change request ${row.id} is waiting for approval on this record: its governed fields can change only through it (its maker may amend or withdraw it)`,
    { changeRequest: { id: row.id, status: row.status, fields: parsed<string[]>(row.fields, []) } }
  );

export const addComment = (trx: Db, requestId: number, kind: CommentKind, actor: Actor, body: string | null = null) =>
  trx(COMMENTS).insert({ request_id: requestId, kind, actor_kind: actor.kind, actor_id: actor.id, actor_name: actor.name, body, created_at: now() });

export const toApproval = (a: Row): StoredApproval => ({ step: a.step, actor: { kind: a.actor_kind, id: a.actor_id, name: a.actor_name }, at: a.created_at });

export const stateFrom = (row: Row, approvals: StoredApproval[]): RequestState => ({
  status: row.status,
  maker: makerOf(row),
  amenders: parsed<Actor[]>(row.amenders, []),
  steps: parsed(row.steps, []),
  currentStep: row.current_step,
  approvals,
});

export const stateOf = async (trx: Db, row: Row): Promise<RequestState> =>
  stateFrom(row, (await trx(APPROVALS).where({ request_id: row.id, round: row.round }).orderBy('id')).map(toApproval));

/** The states of many requests with one query for their approvals (the inbox). */
export const statesOf = async (trx: Db, rows: Row[]): Promise<RequestState[]> => {
  const byRequest = new Map<number, Row[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    for (const a of await trx(APPROVALS).whereIn('request_id', ids).orderBy('id')) {
      const list = byRequest.get(a.request_id) ?? [];
      list.push(a);
      byRequest.set(a.request_id, list);
    }
  }
  return rows.map((row) => stateFrom(row, (byRequest.get(row.id) ?? []).filter((a) => a.round === row.round).map(toApproval)));
};

export const close = (trx: Knex.Transaction, id: number, status: ChangeRequestStatus, extra: Row = {}) =>
  trx(REQUESTS)
    .where({ id })
    .update({ status, open_key: null, decided_at: now(), updated_at: now(), ...extra });

export const summary = (row: Row, state: RequestState): WriteChangeRequest => ({
  id: row.id,
  status: row.status,
  action: row.action,
  fields: parsed(row.fields, []),
  steps: stepViews(state).map(({ index, name, roles, required, status }) => ({ index, name, roles, required, status })),
});

export const refOf = (row: Row): RecordRef => ({ uid: row.uid, documentId: row.document_id, locale: row.locale ?? null });

/** The fields of a request with their golden value then and the proposed one (null for a removal). */
export const changesOf = (row: Row) => {
  const base = parsed<Base>(row.base, { exists: false, values: {} });
  const proposed = parsed<Record<string, unknown>>(row.proposed, {});
  const removal = row.action === 'delete' || row.action === 'unpublish';
  return Object.fromEntries(
    parsed<string[]>(row.fields, []).map((f) => [f, { before: base.values[f] ?? null, after: removal ? null : (proposed[f] ?? null) }])
  );
};

export const getRequest = async (db: Db, id: number): Promise<{ row: Row; state: RequestState } | null> => {
  const row = await db(REQUESTS).where({ id }).first();
  if (!row) return null;
  return { row, state: await stateOf(db, row) };
};

export const commentsOf = async (db: Db, id: number) =>
  (await db(COMMENTS).where({ request_id: id }).orderBy('id')).map((c: Row) => ({
    id: c.id,
    kind: c.kind,
    actor: { kind: c.actor_kind, id: c.actor_id, name: c.actor_name },
    body: c.body,
    at: c.created_at,
  }));

/** The stored request as the API shows it (values not yet masked for the viewer). */
export const viewOf = (row: Row, state: RequestState): ChangeRequestView => ({
  id: row.id,
  uid: row.uid,
  documentId: row.document_id,
  locale: row.locale ?? null,
  action: row.action,
  status: row.status,
  blocked: parsed(row.blocked, null),
  label: row.label ?? null,
  maker: makerOf(row),
  amenders: state.amenders,
  reason: row.reason ?? null,
  policies: parsed(row.policies, []),
  changes: changesOf(row),
  steps: stepViews(state),
  currentStep: row.current_step,
  round: row.round,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  decidedAt: row.decided_at ?? null,
});

/** Rows for the inbox (filters already checked), newest first. */
export const listRequests = async (
  db: Db,
  input: {
    status?: string;
    uid?: string;
    documentId?: string;
    makerKey?: string;
    page: number;
    pageSize: number;
    approvable?: (row: Row, state: RequestState) => boolean;
  }
) => {
  const base = db(REQUESTS).modify((q) => {
    if (input.status) q.where('status', input.status);
    if (input.uid) q.where('uid', input.uid);
    if (input.documentId) q.where('document_id', input.documentId);
    if (input.makerKey) {
      const [kind, ...rest] = input.makerKey.split(':');
      q.where({ maker_kind: kind, maker_id: rest.join(':') });
    }
  });
  if (input.approvable) {
    // Pending requests are few; which of them the viewer may approve is the domain's call.
    const rows: Row[] = await base.clone().orderBy('id', 'desc').limit(MAX_SCANNED);
    const states = await statesOf(db, rows);
    const out = rows.map((row, i) => ({ row, state: states[i] })).filter(({ row, state }) => input.approvable!(row, state));
    return { items: out.slice((input.page - 1) * input.pageSize, input.page * input.pageSize), total: out.length };
  }
  const [{ count }] = await base.clone().count({ count: '*' });
  const rows: Row[] = await base
    .clone()
    .orderBy('id', 'desc')
    .offset((input.page - 1) * input.pageSize)
    .limit(input.pageSize);
  const states = await statesOf(db, rows);
  return { items: rows.map((row, i) => ({ row, state: states[i] })), total: Number(count) };
};
