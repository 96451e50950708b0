import type { Core, UID } from '@strapi/strapi';
import { createGovernedWriteMiddleware } from './governance/middleware';
import type { Stage } from './governance/pipeline';
import { validationStage } from './validation/stage';
import { codeStage } from './codes/stage';
import { getService } from './utils';

/** The governed-write pipeline, in order. Later capabilities append their stages here. */
const STAGES: Stage[] = [validationStage, codeStage];

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const { enabled, governed } = getService('governance', strapi).load();
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

  strapi.documents.use(createGovernedWriteMiddleware({ strapi, governed, stages: STAGES }) as any);
  strapi.log.info(`[master-data] governing ${[...governed.keys()].join(', ') || 'no content types'}`);
};
