import type { Core, UID } from '@strapi/strapi';
import { createGovernedWriteMiddleware } from './governance/middleware';
import { getService } from './utils';
import { duplicateReportMiddleware } from './matching/respond';
import { createHideMergedMiddleware } from './merging/hide-merged';
import { inputGuard, createParamsGuardMiddleware } from './validation/bounds';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const governance = getService('governance', strapi);
  const { enabled, governed } = governance.load();
  await getService('audit', strapi).ensureSchema();
  await getService('matching', strapi).ensureSchema();
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
  strapi.server.use(inputGuard(strapi, [...governed.keys()]));
  strapi.documents.use(createParamsGuardMiddleware(strapi, [...governed.keys()]) as any);
  strapi.documents.use(createHideMergedMiddleware(strapi, [...governed.keys()]) as any);

  strapi.documents.use(createGovernedWriteMiddleware({ strapi, governed, stages: governance.stages() }) as any);
  strapi.log.info(`[master-data] governing ${[...governed.keys()].join(', ') || 'no content types'}`);
};
