/**
 * The Content Manager's own permissions apply to duplicate management: records are shown with only
 * the fields the admin may read (a role without bank-account access sees none in a compare view),
 * and merging or unmerging needs the right to update and publish the content type.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const contentAccess = (strapi: Core.Strapi, ctx: any, uid: string) => {
  const checker = (strapi.plugin('content-manager').service('permission-checker') as any).create({ userAbility: ctx.state.userAbility, model: uid });
  return {
    /** The records with the fields the admin may not read removed. */
    async readable<T extends Record<string, unknown>>(records: Record<string, T>): Promise<Record<string, T>> {
      const out: Record<string, T> = {};
      for (const [id, record] of Object.entries(records)) out[id] = await checker.sanitizeOutput(record);
      return out;
    },
    assertCanWrite() {
      if (checker.cannot.update() || checker.cannot.publish()) {
        throw new errors.ForbiddenError(`Merging needs the right to update and publish ${uid}`);
      }
    },
  };
};
