/**
 * What the pipeline needs to know about a content type's schema, read once per uid (schemas change
 * only with a restart).
 */
import type { Core, UID } from '@strapi/strapi';

export interface ModelInfo {
  /** Draft & publish on: writes change the draft; publish copies it to the published row. */
  draftAndPublish: boolean;
  /** JSON attributes: their values are data as a whole (diffed and recorded as they are). */
  jsonAttributes: Set<string>;
}

const cache = new Map<string, ModelInfo>();

export const modelInfo = (strapi: Core.Strapi, uid: string): ModelInfo => {
  let info = cache.get(uid);
  if (!info) {
    const model = strapi.getModel(uid as UID.Schema) as { options?: { draftAndPublish?: boolean }; attributes: Record<string, { type: string }> };
    info = {
      draftAndPublish: model.options?.draftAndPublish !== false,
      jsonAttributes: new Set(Object.entries(model.attributes).filter(([, a]) => a.type === 'json').map(([name]) => name)),
    };
    cache.set(uid, info);
  }
  return info;
};

/** Where-clause for the row a governed write changes: the draft, or the only row of a type without drafts. */
export const storedRow = (strapi: Core.Strapi, uid: string) => ({ publishedAt: modelInfo(strapi, uid).draftAndPublish ? null : { $notNull: true } });
