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
    /**
     * The records with the fields the admin may not read removed; a record the admin may not read at
     * all (no read permission on the type, or a condition the record does not meet) keeps only its
     * documentId. The sanitiser alone would show every field there: with no rule it includes all.
     */
    async readable<T extends Record<string, unknown>>(records: Record<string, T>): Promise<Record<string, T>> {
      const out: Record<string, T> = {};
      for (const [id, record] of Object.entries(records)) {
        out[id] = checker.can.read(record) ? await checker.sanitizeOutput(record) : ({ documentId: record.documentId ?? id } as unknown as T);
      }
      return out;
    },
    assertCanWrite() {
      if (checker.cannot.update() || checker.cannot.publish()) {
        throw new errors.ForbiddenError(`Merging needs the right to update and publish ${uid}`);
      }
    },
  };
};
