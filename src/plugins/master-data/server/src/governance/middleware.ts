/**
 * The one Document Service middleware of the plugin. It applies only to governed content types
 * and write actions, runs every stage's `before`, then the write and every stage's `after` in one
 * database transaction, so that a stage's own rows (codes, audit, outbox) commit or roll back with
 * the write.
 */
import type { Core, UID } from '@strapi/strapi';
import type { GovernedTypeConfig } from '../config/schema';
import { storedRow } from './model';
import { lockDocuments } from './locks';
import { WRITE_ACTIONS, type GovernedWrite, type Stage, type WriteAction } from './pipeline';

interface MiddlewareInput {
  strapi: Core.Strapi;
  governed: Map<string, GovernedTypeConfig>;
  stages: Stage[];
}

interface DocumentContext {
  uid: string;
  action: string;
  params: any;
}

export const createGovernedWriteMiddleware = ({ strapi, governed, stages }: MiddlewareInput) => {
  return async (ctx: DocumentContext, next: () => Promise<unknown>) => {
    const config = governed.get(ctx.uid);
    if (!config || !WRITE_ACTIONS.has(ctx.action)) return next();

    const uid = ctx.uid as UID.ContentType;
    const action = ctx.action as WriteAction;
    const documentId: string | undefined = action === 'create' ? undefined : ctx.params?.documentId;
    let existing: Promise<Record<string, unknown> | null> | undefined;

    return strapi.db.transaction(async ({ trx }) => {
      if (documentId) await lockDocuments(strapi, trx, uid, [documentId]);
      const write: GovernedWrite = {
        strapi,
        trx,
        uid,
        action,
        params: ctx.params ?? {},
        config,
        stash: {},
        existing: () => {
          if (!documentId) return Promise.resolve(null);
          existing ??= strapi.db.query(uid).findOne({ where: { documentId, ...storedRow(strapi, uid) } });
          return existing;
        },
      };
      for (const stage of stages) {
        if (stage.before) await stage.before(write);
      }
      ctx.params = write.params;
      const result = await next();
      for (const stage of stages) {
        if (stage.after) await stage.after(write, result);
      }
      return result;
    });
  };
};
