/**
 * Pipeline stage: the approval gate. The published version is the golden record; a write that
 * would change one of its policy-governed values (REST create/update, which publish, an admin
 * publish, bulk publish, delete, unpublish, merge, unmerge, code) does not change it: the draft
 * takes the change, a change request holds it, and the caller gets 202. What no policy governs in
 * the same write goes live at once. Draft-only writes are free, except that while a request is
 * open, only its maker may touch the record's governed fields (an amendment).
 *
 * Runs after validation and the generated code (the change is checked before it waits) and before
 * the duplicate check, which a diverted write runs in the draft save it is diverted to.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Stage, WriteContext } from '../governance/pipeline';
import { modelInfo } from '../governance/model';
import { getService } from '../governance/services';
import { covers, fieldChanges, REMOVALS, sameValue } from './domain/policy';
import { pendingError } from './service';
import { httpError } from '../http';
import { publishExcept, readVersion, type RecordRef } from './publish';
import type { ChangeRequestAction, WriteChangeRequest } from '../../../shared/contracts/approvals';

/** Writes the gate already decided on (the publish of what needs no approval, and its bookkeeping). */
const checked = new AsyncLocalStorage<true>();
const asChecked = <T>(fn: () => Promise<T>) => checked.run(true, fn);

interface Kept {
  /** A draft save by the maker of the open request: the request follows the draft. */
  amend?: boolean;
  /** The maker discarded the draft that carried the request's change. */
  withdraw?: boolean;
}

const sameInstant = (a: unknown, b: unknown) => a != null && b != null && new Date(a as string).getTime() === new Date(b as string).getTime();


const approvals = (write: WriteContext) => getService('approvals', write.strapi);

const refOf = (write: WriteContext, documentId: string): RecordRef => ({ uid: write.uid, documentId, locale: write.locale });

const docs = (write: WriteContext) => write.strapi.documents(write.uid) as any;

const label = (record: Record<string, unknown> | null, documentId: string) => {
  const name = record?.name ?? record?.title ?? record?.legalName;
  return typeof name === 'string' && name ? name : documentId;
};


/** What the written response says about a request (and the 202 with its Location, when the change waits). */
const tell = (write: WriteContext, request: WriteChangeRequest, waiting: boolean) =>
  write.respond({
    meta: { changeRequest: request },
    ...(waiting ? { status: 202, headers: { Location: `/api/master-data/change-requests/${request.id}` } } : {}),
  });

interface Settlement {
  /** Publishes the draft (Strapi's publish, in the caller's scope). */
  publish(): Promise<unknown>;
  /** What the caller gets when the write went live (the golden record as the caller asked for it). */
  live(): Promise<unknown>;
  /** What the caller gets when the change waits (the draft). */
  waiting(): Promise<unknown>;
  /**
   * The fields this write speaks for. A REST update speaks for the fields it names: governed values
   * pending in the draft from an earlier draft save or a closed request are not its to submit, and
   * stay in the draft. An explicit publish (admin, bulk, code) and the open request's maker speak
   * for the whole draft (undefined).
   */
  scope?: string[];
}

/**
 * The publish part of a write whose draft is saved: what no policy governs goes live, a governed
 * change opens (or, for its maker, amends) the record's change request.
 */
const settle = async (write: WriteContext, documentId: string, how: Settlement) => {
  const service = approvals(write);
  const ref = refOf(write, documentId);
  const governed = service.fields(write.uid);
  const open = await service.open({ trx: write.trx, ref });
  if (open && REMOVALS.has(open.action)) throw pendingError(open);
  if (open && !service.isMaker(open, write.actor)) {
    // Someone else's request is open (this write changed none of the governed values: refused
    // before otherwise): the governed fields stay as they are, the rest of the write goes live.
    tell(write, await service.summaryOf({ trx: write.trx, row: open }), false);
    await asChecked(() => publishExcept(write.strapi, ref, governed, how.publish, write.origin));
    return how.live();
  }
  const [draft, published] = await Promise.all([readVersion(write.strapi, ref, 'draft'), readVersion(write.strapi, ref, 'published')]);
  const action: ChangeRequestAction = published ? 'update' : 'publish';
  const scope = open ? undefined : how.scope;
  // What this write proposes for the golden record: the fields it speaks for, from the draft.
  const proposed = scope && published && draft ? { ...published, ...Object.fromEntries(scope.filter((f) => f in draft).map((f) => [f, draft[f]])) } : draft;
  const verdict = service.evaluate(write.uid, action, published, proposed);
  // Governed values that stay as they are in the golden record: those waiting for approval, and
  // those pending in the draft that this write does not speak for.
  const pending = Object.keys(fieldChanges(published, draft, governed));
  const keep = pending.filter((f) => verdict.fields.includes(f) || (scope !== undefined && !scope.includes(f)));
  if (!verdict.required) {
    // The maker put the golden values back: nothing is left to approve.
    if (open) await service.withdrawOpen({ trx: write.trx, ref, actor: write.actor, why: 'The draft no longer changes a governed value' });
    await asChecked(() => publishExcept(write.strapi, ref, keep, how.publish, write.origin));
    return how.live();
  }
  const request = await service.submit({
    trx: write.trx,
    ref,
    action,
    verdict,
    published,
    proposed,
    actor: write.actor,
    reason: write.request.reason,
    label: label(draft, documentId),
  });
  // Mixed write: what no policy holds back goes live now.
  if (published) await asChecked(() => publishExcept(write.strapi, ref, keep, how.publish, write.origin));
  tell(write, request, true);
  return how.waiting();
};

/** Whether written data leaves a stored value as it is (relation operations that connect and disconnect nothing included). */
const sameInput = (attribute: any, input: unknown, stored: unknown) => {
  if (attribute?.type === 'relation' && input && typeof input === 'object' && !Array.isArray(input)) {
    const ops = input as Record<string, unknown>;
    const empty = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);
    if (ops.set === undefined && empty(ops.connect) && empty(ops.disconnect)) return true;
  }
  return sameValue(attribute?.type, input, stored);
};

/**
 * Before a draft save or a publishing update: a governed value changed while someone else's
 * request is open is refused (409). Returns the open request when the writer is its maker.
 */
const refuseIfPending = async (write: WriteContext, documentId: string, data: Record<string, unknown>, governed: string[]) => {
  const touched = Object.keys(data).filter((f) => governed.includes(f));
  if (touched.length === 0) return null;
  const service = approvals(write);
  const open = await service.open({ trx: write.trx, ref: refOf(write, documentId) });
  if (!open) return null;
  // A removal waiting for approval is not amended into something else: withdraw it first.
  if (REMOVALS.has(open.action)) throw pendingError(open);
  if (service.isMaker(open, write.actor)) return open;
  // The admin panel sends every field with each save: only a changed value touches the request.
  const draft = await write.state('draft', 'before', touched);
  const attributes: Record<string, any> = (write.strapi.getModel(write.uid) as any).attributes;
  if (touched.some((f) => !sameInput(attributes[f], data[f], draft?.[f]))) throw pendingError(open);
  return null;
};

/**
 * Relations whose owner side a policy governs, written from their inverse side (customer-group's
 * `customers` for a policy naming customer's `group`): that would change golden records without
 * their request, so it is refused; the change is made from the owner side, where it waits.
 */
const refuseGovernedInverse = async (write: WriteContext) => {
  const removes = write.action === 'delete';
  const data = write.params.data;
  if (!removes && (!data || (write.action !== 'create' && write.action !== 'update'))) return;
  const attributes: Record<string, any> = (write.strapi.getModel(write.uid) as any).attributes;
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type !== 'relation' || !attribute.mappedBy) continue;
    if (!approvals(write).fields(attribute.target).includes(attribute.mappedBy)) continue;
    if (removes) {
      // Deleting this record unlinks every record on the owner side.
      const linked = await write.strapi.db.query(attribute.target).count({ where: { [attribute.mappedBy]: { documentId: write.params.documentId } } });
      if (linked === 0) continue;
    } else if (!(name in data) || sameInput(attribute, data[name], undefined)) {
      continue;
    }
    throw httpError(409, 'ApprovalRequiredError', `${name}: links of ${attribute.target}.${attribute.mappedBy} need approval; change them from the ${attribute.target} side`, {
      errors: [{ path: [name], message: `change ${attribute.mappedBy} on each ${attribute.target} record instead (it needs approval there)` }],
    });
  }
};

export const approvalsStage: Stage<Kept> = {
  name: 'approvals',
  order: 550,
  async before(write) {
    const service = approvals(write);
    if (write.origin !== 'approval' && !checked.getStore()) await refuseGovernedInverse(write);
    const policies = service.policies(write.uid);
    if (!policies || !modelInfo(write.strapi, write.uid).draftAndPublish) return;
    // The apply of an approved request, and the gate's own bookkeeping.
    if (write.origin === 'approval' || checked.getStore()) return;

    const action = write.action;
    const data: Record<string, unknown> = write.params.data ?? {};
    const governed = service.fields(write.uid);
    const touched = Object.keys(data);
    const publishes = (action === 'create' || action === 'update') && write.params.status === 'published';
    const where = { ...(write.locale ? { locale: write.locale } : {}) };

    if (action === 'clone') return; // a clone is a new draft
    if (action === 'create') {
      if (!publishes || !covers(policies, 'create')) return;
      write.divert({
        run: async () => {
          const draft = await docs(write).create({ ...write.params, status: 'draft' });
          const ref = refOf(write, draft.documentId);
          const verdict = service.evaluate(write.uid, 'create', null, await readVersion(write.strapi, ref, 'draft'));
          if (!verdict.required) {
            // Published as Strapi would have; answered as the caller asked (populate, fields), as a plain create does.
            await asChecked(() => docs(write).publish({ documentId: draft.documentId, ...where }));
            const { populate, fields } = write.params;
            return docs(write).findOne({ documentId: draft.documentId, status: 'published', ...where, ...(populate ? { populate } : {}), ...(fields ? { fields } : {}) });
          }
          const request = await service.submit({ trx: write.trx, ref, action: 'create', verdict, published: null, proposed: draft, actor: write.actor, reason: write.request.reason, label: label(draft, draft.documentId) });
          tell(write, request, true);
          return draft;
        },
      });
      return;
    }

    const documentId: string | undefined = write.params.documentId;
    if (!documentId) return;

    if (action === 'update' && !publishes) {
      const open = await refuseIfPending(write, documentId, data, governed);
      return open ? { amend: true } : undefined;
    }

    if (action === 'discardDraft') {
      // Discarding the draft throws the open request's change away: its maker's to do.
      const open = await service.open({ trx: write.trx, ref: refOf(write, documentId) });
      if (!open) return;
      if (!service.isMaker(open, write.actor)) throw pendingError(open);
      return { withdraw: true };
    }

    if (action === 'delete' || action === 'unpublish') {
      const published = await write.state('published', 'before', []);
      const open = await service.open({ trx: write.trx, ref: refOf(write, documentId) });
      if (!published) {
        // A record that was never live (or no longer is): nothing golden changes.
        if (open && action === 'delete') {
          if (!service.isMaker(open, write.actor)) throw pendingError(open);
          return { withdraw: true };
        }
        return;
      }
      // The draft carries the open request's change: withdraw it first (whatever the policies say of removal).
      if (open) throw pendingError(open);
      if (!covers(policies, action)) return;
      // A delete whose `filters` leave the golden row out removes nothing golden (Strapi deletes what matches).
      const filters = write.params.filters;
      if (filters && typeof filters === 'object' && Object.keys(filters).length > 0) {
        const hit = await docs(write).findFirst({ ...where, status: 'published', filters: { $and: [filters, { documentId }] }, fields: ['documentId'] });
        if (!hit) return;
      }
      const before = await readVersion(write.strapi, refOf(write, documentId), 'published');
      const verdict = service.evaluate(write.uid, action, before, null);
      if (!verdict.required) return;
      write.divert({
        run: async () => {
          const request = await service.submit({ trx: write.trx, ref: refOf(write, documentId), action, verdict, published: before, proposed: null, actor: write.actor, reason: write.request.reason, label: label(before, documentId) });
          tell(write, request, true);
          // Nothing was removed: the caller gets the record as it stays.
          return { documentId, entries: action === 'unpublish' ? [before] : [] };
        },
      });
      return;
    }

    if (action !== 'publish' && !(action === 'update' && publishes)) return;

    // A publishing write. The fast, common case: it touches no governed field and the draft has
    // nothing pending (Strapi's publish copies the draft's updatedAt; every later draft save moves
    // it), so the golden record's governed values cannot change. Reads are shared with later stages.
    const only = action === 'publish' ? undefined : touched;
    const [draft, published] = await Promise.all([
      action === 'publish' ? write.existing() : write.state('draft', 'before', only),
      write.state('published', 'before', only),
    ]);
    if (!draft) return; // nothing to write: Strapi answers as it does
    if (!published && !covers(policies, 'publish')) return;
    const pending = !published || !sameInstant(draft.updatedAt, published.updatedAt);
    if (published && !pending) {
      if (action === 'publish') return; // the draft is the golden record already
      const attributes: Record<string, any> = (write.strapi.getModel(write.uid) as any).attributes;
      const changes = touched.filter((f) => governed.includes(f) && !sameValue(attributes[f]?.type, data[f], published[f]));
      if (changes.length === 0) return;
    }
    await refuseIfPending(write, documentId, data, governed);

    write.divert({
      run: async () => {
        const { populate, fields } = write.params;
        const golden = () => docs(write).findOne({ documentId, status: 'published', ...where, ...(populate ? { populate } : {}), ...(fields ? { fields } : {}) });
        if (action === 'publish') {
          const saved = await readVersion(write.strapi, refOf(write, documentId), 'draft');
          return settle(write, documentId, {
            publish: () => docs(write).publish({ ...write.params }),
            live: async () => ({ documentId, entries: [await golden()] }),
            waiting: async () => ({ documentId, entries: [saved] }),
          });
        }
        // Save the draft (its own governed write: validation, duplicate check, events), then settle.
        const saved = await asChecked(() => docs(write).update({ ...write.params, status: 'draft' }));
        if (!saved) return saved;
        return settle(write, documentId, {
          publish: () => docs(write).publish({ documentId, ...where }),
          live: golden,
          waiting: async () => saved,
          scope: touched,
        });
      },
    });
  },

  async after(write, result, kept) {
    if (!kept || !result || !write.documentId) return;
    const service = approvals(write);
    const ref = refOf(write, write.documentId);
    if (kept.withdraw) {
      await service.withdrawOpen({ trx: write.trx, ref, actor: write.actor, why: write.action === 'delete' ? 'The record was deleted' : 'The draft carrying the change was discarded' });
      return;
    }
    if (kept.amend) {
      const [draft, published] = await Promise.all([readVersion(write.strapi, ref, 'draft'), readVersion(write.strapi, ref, 'published')]);
      const action: ChangeRequestAction = published ? 'update' : 'publish';
      const verdict = service.evaluate(write.uid, action, published, draft);
      if (!verdict.required) {
        await service.withdrawOpen({ trx: write.trx, ref, actor: write.actor, why: 'The draft no longer changes a governed value' });
        return;
      }
      const request = await service.submit({ trx: write.trx, ref, action, verdict, published, proposed: draft, actor: write.actor, reason: write.request.reason, label: label(draft, write.documentId) });
      tell(write, request, false);
    }
  },
};

