/**
 * Change requests over HTTP: the approver inbox and decisions (admin), and one request for the
 * integration that got a 202 (content API). Every view withholds the values of fields the reader
 * may not read; a reader who may not read the record's type does not see its requests at all.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { parse } from '../http';
import { getService } from '../governance/services';
import { currentRequest, cleanText } from '../governance/request';
import { adminReader, contentApiReader, type FieldReader } from '../security/field-access';
import { approvalRefusal, rejectionRefusal, withdrawalRefusal, actorKey, type Approver, type RequestState } from './domain/request';
import { readVersion } from './publish';
import type { ChangeRequestView, FieldChangeView } from '../../../shared/contracts/approvals';

const MAX_COMMENT = 4000;

const idParam = z.object({ id: z.coerce.number().int().min(1).max(2147483647) });

const listQuery = z
  .object({
    status: z.enum(['pending', 'applied', 'rejected', 'withdrawn', 'stale']).optional(),
    uid: z.string().min(1).max(255).optional(),
    documentId: z.string().min(1).max(64).optional(),
    approvable: z.enum(['me']).optional(),
    mine: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

const previewQuery = z
  .object({
    uid: z.string().min(1).max(255),
    documentId: z.string().min(1).max(64),
    locale: z.string().min(1).max(32).optional(),
  })
  .strict();

const commentBody = (required: boolean) =>
  z
    .object({
      comment: required
        ? z.string().trim().min(1, 'is required: say why').max(MAX_COMMENT)
        : z.string().trim().max(MAX_COMMENT).nullish(),
      /** The request's `round` as the approver saw it (optional): an amendment since is a 409. */
      round: z.number().int().min(0).max(1_000_000).optional(),
    })
    .strict();

/** The admin user as an approver: who, their role names, Super Admin or not. */
const approverOf = (strapi: Core.Strapi, ctx: any): Approver => {
  const user = ctx.state.user;
  if (!user) throw new errors.ForbiddenError('Change requests are decided by admin users');
  const roles: Array<{ name: string; code: string }> = user.roles ?? [];
  return {
    actor: currentRequest(strapi).actor,
    roles: roles.map((r) => r.name),
    superAdmin: roles.some((r) => r.code === 'strapi-super-admin'),
  };
};

const masked = async (reader: FieldReader, view: ChangeRequestView): Promise<ChangeRequestView> => {
  const visible = await reader.keys(view.uid, view.changes);
  const changes: Record<string, FieldChangeView> = {};
  for (const field of Object.keys(view.changes)) {
    if (!(field in visible)) {
      changes[field] = { masked: true };
      continue;
    }
    // Sub-fields of a component the reader may not read (bankAccounts.iban) are withheld too.
    const change = view.changes[field] as { before: unknown; after: unknown };
    const before = await reader.record(view.uid, { [field]: change.before });
    const after = await reader.record(view.uid, { [field]: change.after });
    changes[field] = { before: before.values[field] ?? null, after: after.values[field] ?? null };
  }
  return { ...view, changes };
};

const abilities = (state: RequestState, approver: Approver, canDecide: boolean) => {
  const approve = approvalRefusal(state, approver);
  const reject = rejectionRefusal(state, approver);
  const withdraw = withdrawalRefusal(state, approver.actor);
  return {
    approve: canDecide && !approve,
    reject: canDecide && !reject,
    withdraw: !withdraw,
    comment: state.status === 'pending',
    // Four-eyes first: it holds whatever the viewer's permissions.
    why:
      approve?.rule === 'four-eyes'
        ? approve.message
        : !canDecide
          ? 'You may not approve change requests (missing the "Approve or reject change requests" permission)'
          : (approve?.message ?? null),
  };
};

export const changeRequestController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('approvals', strapi);
  const canDecide = (ctx: any) => Boolean(ctx.state.userAbility?.can('plugin::master-data.change-requests.approve'));

  /** The request as `reader` may see it, or a 404 (also when the reader may not read its type). */
  const readable = async (reader: FieldReader, id: number) => {
    const found = await service().get({ id });
    if (!found || !(await reader.canRead(found.row.uid))) throw new errors.NotFoundError(`No change request ${id}`);
    return { ...found, view: await masked(reader, service().view(found.row, found.state)) };
  };

  const respondWith = async (ctx: any, id: number) => {
    const { view, state } = await readable(adminReader(strapi, ctx), id);
    ctx.body = { data: { ...view, comments: await service().comments(id), can: abilities(state, approverOf(strapi, ctx), canDecide(ctx)) } };
  };

  return {
    async list(ctx: any) {
      const query = parse(listQuery, ctx.query);
      const reader = adminReader(strapi, ctx);
      const approver = approverOf(strapi, ctx);
      const mineKey = actorKey(approver.actor);
      const approvable = (_row: unknown, state: RequestState) => canDecide(ctx) && !approvalRefusal(state, approver);
      const result = await service().list({
        status: query.approvable ? 'pending' : query.status,
        uid: query.uid,
        documentId: query.documentId,
        makerKey: query.mine === 'true' ? mineKey : undefined,
        page: query.page,
        pageSize: query.pageSize,
        approvable: query.approvable === 'me' ? approvable : undefined,
      });
      const data: ChangeRequestView[] = [];
      for (const { row, state } of result.items) {
        if (!(await reader.canRead(row.uid))) continue;
        data.push({ ...(await masked(reader, service().view(row, state))), can: abilities(state, approver, canDecide(ctx)) });
      }
      // The "waiting for me" tab without other filters has just counted them: not scanned twice.
      const listedApprovable = query.approvable === 'me' && !query.uid && !query.documentId && query.mine !== 'true';
      const [approvableCount, mineCount, pendingCount] = await Promise.all([
        listedApprovable ? result.total : service().list({ status: 'pending', page: 1, pageSize: 1, approvable }).then((r) => r.total),
        service().list({ status: 'pending', makerKey: mineKey, page: 1, pageSize: 1 }).then((r) => r.total),
        service().list({ status: 'pending', page: 1, pageSize: 1 }).then((r) => r.total),
      ]);
      ctx.body = {
        data,
        meta: {
          pagination: { page: query.page, pageSize: query.pageSize, total: result.total },
          counts: { approvable: approvableCount, mine: mineCount, pending: pendingCount },
        },
      };
    },

    async get(ctx: any) {
      await respondWith(ctx, parse(idParam, ctx.params, 'params').id);
    },

    /** Whether publishing the record's draft now would need approval, and its open request. */
    async preview(ctx: any) {
      const query = parse(previewQuery, ctx.query);
      const reader = adminReader(strapi, ctx);
      const governed = getService('governance', strapi).load().governed;
      if (!governed.has(query.uid) || !(await reader.canRead(query.uid))) throw new errors.NotFoundError(`No governed type ${query.uid}`);
      const ref = { uid: query.uid, documentId: query.documentId, locale: query.locale ?? null };
      const [draft, published, open] = await Promise.all([
        readVersion(strapi, ref, 'draft'),
        readVersion(strapi, ref, 'published'),
        service().open({ ref }),
      ]);
      const verdict = draft ? service().evaluate(query.uid, published ? 'update' : 'publish', published, draft) : null;
      let openRequest: ChangeRequestView | null = null;
      if (open) openRequest = (await readable(reader, open.id)).view;
      const changes = verdict ? await reader.keys(query.uid, verdict.changes) : {};
      ctx.body = {
        data: {
          needsApproval: Boolean(verdict?.required),
          fields: verdict?.fields ?? [],
          changes,
          steps: verdict?.steps ?? [],
          openRequest,
        },
      };
    },

    async approve(ctx: any) {
      const { id } = parse(idParam, ctx.params, 'params');
      const { comment, round } = parse(commentBody(false), ctx.request.body ?? {}, 'body');
      await readable(adminReader(strapi, ctx), id);
      await service().approve({ id, approver: approverOf(strapi, ctx), comment: cleanText(comment, MAX_COMMENT), round });
      await respondWith(ctx, id);
    },

    async reject(ctx: any) {
      const { id } = parse(idParam, ctx.params, 'params');
      const { comment, round } = parse(commentBody(true), ctx.request.body ?? {}, 'body');
      await readable(adminReader(strapi, ctx), id);
      await service().reject({ id, approver: approverOf(strapi, ctx), comment: cleanText(comment, MAX_COMMENT)!, round });
      await respondWith(ctx, id);
    },

    async withdraw(ctx: any) {
      const { id } = parse(idParam, ctx.params, 'params');
      const { comment } = parse(commentBody(false), ctx.request.body ?? {}, 'body');
      await readable(adminReader(strapi, ctx), id);
      await service().withdraw({ id, actor: approverOf(strapi, ctx).actor, comment: cleanText(comment, MAX_COMMENT) });
      await respondWith(ctx, id);
    },

    async comment(ctx: any) {
      const { id } = parse(idParam, ctx.params, 'params');
      const { comment } = parse(commentBody(true), ctx.request.body ?? {}, 'body');
      await readable(adminReader(strapi, ctx), id);
      await service().comment({ id, actor: approverOf(strapi, ctx).actor, body: cleanText(comment, MAX_COMMENT)! });
      await respondWith(ctx, id);
    },

    /** Content API: one request, for the integration that got a 202. */
    async findOne(ctx: any) {
      const { id } = parse(idParam, ctx.params, 'params');
      const { view } = await readable(contentApiReader(strapi, ctx), id);
      ctx.body = { data: { ...view, comments: await service().comments(id) } };
    },
  };
};
