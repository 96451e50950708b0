import type { Core, UID } from '@strapi/strapi';
import { createGovernedWriteMiddleware } from './governance/middleware';
import { getService } from './utils';
import { duplicateReportMiddleware } from './matching/respond';
import { createHideMergedMiddleware } from './merging/hide-merged';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const governance = getService('governance', strapi);
  const { enabled, governed } = governance.load();
  // The plugin's own tables first: a failing migration stops start-up (nothing applied).
  await getService('migrations', strapi).run();
  if (!enabled) {
    strapi.log.warn('[master-data] governance is switched off by configuration (enabled: false)');
    return;
  }

  for (const [uid, typeConfig] of governed) {
    if (typeConfig.code) {
      const { field, prefix, digits } = typeConfig.code;
      await getService('codes', strapi).ensureCounter({ uid: uid as UID.ContentType, field, format: { prefix, digits } });
      await getService('codes', strapi).lockInAdmin({ uid: uid as UID.ContentType, field });
    }
  }

  for (const uid of governed.keys()) await getService('matching', strapi).ensureKeys(uid);
  strapi.server.use(duplicateReportMiddleware());
  strapi.documents.use(createHideMergedMiddleware(strapi, [...governed.keys()]) as any);

  strapi.documents.use(createGovernedWriteMiddleware({ strapi, governed, stages: governance.stages() }) as any);
  strapi.log.info(`[master-data] governing ${[...governed.keys()].join(', ') || 'no content types'}`);
};
