/**
 * Change requests: stored in the plugin's own tables (./schema.ts), opened and amended by governed
 * writes (./stage.ts) in their transaction, decided by approvers (approve, reject), withdrawn by
 * their maker. Approving the last step applies the change in the same transaction as the approval,
 * under the record's lock, so that concurrent approvals apply it exactly once. The rows themselves
 * are read and written in ./store.ts.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { getService } from '../governance/services';
import { lockDocuments } from '../governance/locks';
import { withOrigin } from '../governance/request';
import { comparable } from '../governance/domain/diff';
import { httpError } from '../http';
import { evaluate, policyFields, type Policy, type Verdict } from './domain/policy';
import {
  actorKey,
  advance,
  approvalRefusal,
  rejectionRefusal,
  withdrawalRefusal,
  type Approver,
  type RequestState,
  type StoredApproval,
} from './domain/request';
import { APPROVALS, REQUESTS } from './schema';
import { publishExcept, readVersion, toWriteData, type RecordRef } from './publish';
import {
  addComment,
  baseOf,
  changesOf,
  close,
  commentsOf,
  getRequest,
  json,
  listRequests,
  makerOf,
  now,
  openKey,
  parsed,
  pendingError,
  refOf,
  sameBase,
  stateOf,
  summary,
  viewOf,
  type Base,
  type Db,
  type Row,
} from './store';
import { CHANGE_REQUEST_ERRORS, CHANGE_REQUEST_EVENTS, type ChangeRequestAction, type WriteChangeRequest } from '../../../shared/contracts/approvals';
import type { Actor } from '../../../shared/contracts/events';

export { pendingError, refOf };

export interface Submission {
  trx: Knex.Transaction;
  ref: RecordRef;
  action: ChangeRequestAction;
  verdict: Verdict;
  /** The published version now (null when there is none). */
  published: Row | null;
  /** What would be published (the draft), null for a removal. */
  proposed: Row | null;
  actor: Actor;
  reason: string | null;
  label: string | null;
}

/** Thrown inside an approval's transaction to roll it back, then recorded on the request in a new one. */
class Outcome extends Error {
  constructor(
    readonly kind: 'stale' | 'blocked',
    readonly error: any,
    /** The refusal's own status (400 for a value that no longer validates, 409 for a duplicate). */
    readonly status = 409
  ) {
    super(kind);
  }
}

export const approvalsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const db = () => strapi.db.connection;

  const governance = () => getService('governance', strapi);

  const emit = (
    trx: Knex.Transaction,
    row: Row,
    type: string,
    action: string,
    changes: Record<string, { before: unknown; after: unknown }> = {},
    reason?: string | null
  ) =>
    governance().emit({
      trx,
      event: {
        type,
        action,
        uid: row.uid,
        documentId: row.document_id,
        locale: row.locale ?? null,
        changes: { ...changes, changeRequest: { before: null, after: row.id } },
        ...(reason !== undefined ? { reason } : {}),
      },
    });

  const policiesOf = (uid: string): Policy[] | null => {
    const config = governance().load().governed.get(uid)?.approvals;
    if (!config || !config.enabled || config.policies.length === 0) return null;
    return config.policies as Policy[];
  };

  const service = {
    get: ({ id, trx }: { id: number; trx?: Db }) => getRequest(trx ?? db(), id),
    comments: (id: number) => commentsOf(db(), id),
    view: viewOf,
    changesOf,
    list: (input: Parameters<typeof listRequests>[1]) => listRequests(db(), input),

    /** The type's policies, or null when nothing of it needs approval. */
    policies: policiesOf,

    /** Every field some policy of the type names. */
    fields(uid: string): string[] {
      const policies = policiesOf(uid);
      return policies ? policyFields(policies) : [];
    },

    /**
     * What stale detection watches: the request's fields, and the record's merge markers (a record
     * merged into another after the request was opened is not the record the approvers saw).
     */
    baseFields(uid: string, fields: string[]): string[] {
      const merged = governance().load().governed.get(uid)?.matching?.merged;
      return [...new Set([...fields, ...(merged ? [merged.field, merged.pointer] : [])])];
    },

    evaluate(uid: string, action: ChangeRequestAction, published: Row | null, proposed: Row | null): Verdict {
      const policies = policiesOf(uid);
      return policies ? evaluate(policies, action, published, proposed) : { required: false, policies: [], fields: [], changes: {}, steps: [] };
    },

    /** The open (pending) request of a record, if any. */
    async open({ trx, ref }: { trx?: Db; ref: RecordRef }): Promise<Row | null> {
      return (
        (await (trx ?? db())(REQUESTS)
          .where({ open_key: openKey(ref) })
          .first()) ?? null
      );
    },

    isMaker: (row: Row, actor: Actor) => actor.kind !== 'system' && actor.kind !== 'public' && actorKey(makerOf(row)) === actorKey(actor),

    /**
     * Opens a request for a governed change, or amends the maker's open one (its approvals start
     * over). Returns what the write tells its caller.
     */
    async submit(input: Submission): Promise<WriteChangeRequest> {
      const { trx, ref, action, verdict, published, proposed, actor, reason, label } = input;
      const fields = verdict.fields;
      const values = {
        policies: json(verdict.policies),
        fields: json(fields),
        base: json(baseOf(published, service.baseFields(ref.uid, fields))),
        proposed: json(Object.fromEntries(fields.map((f) => [f, comparable(proposed?.[f] ?? null)]))),
        steps: json(verdict.steps),
        current_step: 0,
        label,
        blocked: null,
        updated_at: now(),
      };
      const open = await service.open({ trx, ref });
      let row: Row;
      if (open) {
        if (!service.isMaker(open, actor)) throw pendingError(open);
        // A save that leaves the proposal as it was (the admin panel saves every field) changes nothing.
        if (open.action === action && open.proposed === values.proposed && open.fields === values.fields && open.steps === values.steps) {
          return summary(open, await stateOf(trx, open));
        }
        await trx(REQUESTS)
          .where({ id: open.id })
          .update({ ...values, action, round: open.round + 1, reason: reason ?? open.reason });
        row = await trx(REQUESTS).where({ id: open.id }).first();
        await addComment(trx, row.id, 'amend', actor, reason);
        await emit(trx, row, CHANGE_REQUEST_EVENTS.amended, 'change-request.amend', verdict.changes);
      } else {
        const [inserted] = await trx(REQUESTS)
          .insert({
            ...values,
            uid: ref.uid,
            document_id: ref.documentId,
            locale: ref.locale,
            action,
            status: 'pending',
            open_key: openKey(ref),
            round: 0,
            maker_kind: actor.kind,
            maker_id: actor.id,
            maker_name: actor.name,
            amenders: json([]),
            reason,
            created_at: now(),
          })
          .returning('id');
        row = await trx(REQUESTS)
          .where({ id: typeof inserted === 'object' ? inserted.id : inserted })
          .first();
        await addComment(trx, row.id, 'submit', actor, reason);
        await emit(trx, row, CHANGE_REQUEST_EVENTS.submitted, 'change-request.submit', verdict.changes);
      }
      return summary(row, await stateOf(trx, row));
    },

    async summaryOf({ trx, row }: { trx: Db; row: Row }): Promise<WriteChangeRequest> {
      return summary(row, await stateOf(trx, row));
    },

    /** Closes an open request whose change is gone (its maker put the golden values back, or discarded the draft). */
    async withdrawOpen({ trx, ref, actor, why }: { trx: Knex.Transaction; ref: RecordRef; actor: Actor; why: string }) {
      const open = await service.open({ trx, ref });
      if (!open) return;
      await close(trx, open.id, 'withdrawn');
      await addComment(trx, open.id, 'withdraw', actor, why);
      await emit(trx, { ...open, status: 'withdrawn' }, CHANGE_REQUEST_EVENTS.withdrawn, 'change-request.withdraw', {}, why);
    },

    /** Runs `fn` on a request in its own transaction, holding the record's lock, with the row read afresh. */
    async decide<T>(id: number, fn: (trx: Knex.Transaction, row: Row, state: RequestState) => Promise<T>): Promise<T> {
      return strapi.db.transaction(async ({ trx }: any) => {
        const head = await trx(REQUESTS).where({ id }).first();
        if (!head) throw new errors.NotFoundError(`No change request ${id}`);
        await lockDocuments(trx, head.uid, [head.document_id]);
        const row = await trx(REQUESTS).where({ id }).first();
        return fn(trx, row, await stateOf(trx, row));
      });
    },

    async approve({ id, approver, comment, round }: { id: number; approver: Approver; comment: string | null; round?: number }): Promise<void> {
      try {
        await service.decide(id, async (trx, row, state) => {
          const refusal = approvalRefusal(state, approver);
          if (refusal) throw refusalError(row, refusal);
          assertRound(row, round);
          if (await service.isStale({ trx, row })) throw new Outcome('stale', null);
          const approval: StoredApproval = { step: state.currentStep, actor: approver.actor, at: now() };
          await trx(APPROVALS).insert({
            request_id: row.id,
            round: row.round,
            step: approval.step,
            actor_kind: approver.actor.kind,
            actor_id: approver.actor.id ?? '',
            actor_name: approver.actor.name,
            created_at: approval.at,
          });
          await addComment(trx, row.id, 'approve', approver.actor, comment);
          const { currentStep, done } = advance(state, approval);
          await trx(REQUESTS).where({ id }).update({ current_step: currentStep, updated_at: now() });
          await emit(trx, row, CHANGE_REQUEST_EVENTS.approved, 'change-request.approve', {}, comment);
          if (!done) return;
          try {
            await service.apply({ trx, row });
          } catch (error: any) {
            const status = error?.status ?? error?.statusCode ?? (error instanceof errors.ValidationError ? 400 : undefined);
            if (status && status >= 400 && status < 500) throw new Outcome('blocked', error, status);
            throw error;
          }
          await close(trx, id, 'applied', { current_step: currentStep, blocked: null });
          await addComment(trx, row.id, 'applied', approver.actor, null);
          await emit(trx, { ...row, status: 'applied' }, CHANGE_REQUEST_EVENTS.applied, `change-request.apply`, service.changesOf(row));
        });
      } catch (error) {
        if (!(error instanceof Outcome)) throw error;
        await service.recordOutcome({ id, approver, outcome: error });
      }
    },

    /** After a rolled-back approval: the request is marked stale or flagged blocked, and the caller told why (409). */
    async recordOutcome({ id, approver, outcome }: { id: number; approver: Approver; outcome: Outcome }): Promise<never> {
      await service.decide(id, async (trx, row) => {
        if (row.status !== 'pending') return;
        if (outcome.kind === 'stale') {
          await close(trx, id, 'stale');
          await addComment(
            trx,
            id,
            'stale',
            approver.actor,
            'The golden record changed after this request was opened; its maker must submit it again against the current values'
          );
          await emit(trx, { ...row, status: 'stale' }, CHANGE_REQUEST_EVENTS.stale, 'change-request.stale');
        } else {
          const error = outcome.error;
          const blocked = { name: error?.name ?? 'Error', message: String(error?.message ?? error), details: error?.details ?? {} };
          await trx(REQUESTS)
            .where({ id })
            .update({ blocked: json(blocked), updated_at: now() });
          await addComment(trx, id, 'blocked', approver.actor, `${blocked.name}: ${blocked.message}`);
        }
      });
      if (outcome.kind === 'stale') {
        throw httpError(
          409,
          CHANGE_REQUEST_ERRORS.stale,
          `Change request ${id} is stale: the golden record changed after it was opened; its maker must submit the change again`,
          {
            changeRequest: { id, status: 'stale' },
          }
        );
      }
      const error = outcome.error;
      throw httpError(outcome.status, error?.name ?? 'ApplyRefusedError', `Change request ${id} cannot be applied: ${error?.message ?? error}. It stays pending`, {
        ...(error?.details ?? {}),
        changeRequest: { id, status: 'pending', blocked: true },
      });
    },

    async reject({ id, approver, comment, round }: { id: number; approver: Approver; comment: string; round?: number }) {
      await service.decide(id, async (trx, row, state) => {
        const refusal = rejectionRefusal(state, approver);
        if (refusal) throw refusalError(row, refusal);
        assertRound(row, round);
        await close(trx, id, 'rejected');
        await addComment(trx, id, 'reject', approver.actor, comment);
        await emit(trx, { ...row, status: 'rejected' }, CHANGE_REQUEST_EVENTS.rejected, 'change-request.reject', {}, comment);
      });
    },

    async withdraw({ id, actor, comment }: { id: number; actor: Actor; comment: string | null }) {
      await service.decide(id, async (trx, row, state) => {
        const refusal = withdrawalRefusal(state, actor);
        if (refusal) throw refusalError(row, refusal);
        await close(trx, id, 'withdrawn');
        await addComment(trx, id, 'withdraw', actor, comment);
        await emit(trx, { ...row, status: 'withdrawn' }, CHANGE_REQUEST_EVENTS.withdrawn, 'change-request.withdraw', {}, comment);
      });
    },

    async comment({ id, actor, body }: { id: number; actor: Actor; body: string }) {
      const row = await db()(REQUESTS).where({ id }).first();
      if (!row) throw new errors.NotFoundError(`No change request ${id}`);
      await addComment(db(), id, 'comment', actor, body);
      await db()(REQUESTS).where({ id }).update({ updated_at: now() });
    },

    /** Whether the golden record moved since the request was opened (on the request's fields). */
    async isStale({ trx, row }: { trx: Db; row: Row }): Promise<boolean> {
      const base = parsed<Base>(row.base, { exists: false, values: {} });
      const published = await readVersion(strapi, refOf(row), 'published');
      return !sameBase(base, baseOf(published, Object.keys(base.values)));
    },

    /**
     * Applies an approved request in the caller's transaction, as the approver: the approved values
     * are saved to the draft again (validation and the duplicate check run on them) and exactly they
     * are published; a removal deletes or unpublishes.
     */
    async apply({ trx: _trx, row }: { trx: Knex.Transaction; row: Row }) {
      const ref = refOf(row);
      const documents = strapi.documents(ref.uid as any) as any;
      const where = { documentId: ref.documentId, ...(ref.locale ? { locale: ref.locale } : {}) };
      await withOrigin('approval', async () => {
        if (row.action === 'delete') return documents.delete(where);
        if (row.action === 'unpublish') return documents.unpublish(where);
        const fields: string[] = parsed(row.fields, []);
        const proposed = parsed<Record<string, unknown>>(row.proposed, {});
        await documents.update({ ...where, status: 'draft', data: toWriteData(strapi, ref.uid, proposed, fields) });
        const attributes = Object.keys((strapi.getModel(ref.uid as any) as any).attributes);
        await publishExcept(
          strapi,
          ref,
          attributes.filter((a) => !fields.includes(a)),
          () => documents.publish(where),
          'approval'
        );
      });
    },
  };
  return service;
};

const refusalError = (row: Row, refusal: { rule: string; message: string }) =>
  refusal.rule === 'closed'
    ? httpError(409, CHANGE_REQUEST_ERRORS.closed, refusal.message, { rule: refusal.rule, changeRequest: { id: row.id, status: row.status } })
    : httpError(403, 'ForbiddenError', refusal.message, { rule: refusal.rule, changeRequest: { id: row.id, status: row.status } });

/** A decision sent for the version the approver saw: an amendment since then is a 409, not a blind approval. */
const assertRound = (row: Row, round: number | undefined) => {
  if (round !== undefined && round !== row.round) {
    throw httpError(
      409,
      CHANGE_REQUEST_ERRORS.amended,
      `Change request ${row.id} was amended since you loaded it (version ${round}, now ${row.round}); review it again`,
      {
        changeRequest: { id: row.id, status: row.status, round: row.round },
      }
    );
  }
};

export type ApprovalsService = ReturnType<typeof approvalsService>;

declare module '../governance/services' {
  interface PluginServices {
    approvals: ApprovalsService;
  }
}
