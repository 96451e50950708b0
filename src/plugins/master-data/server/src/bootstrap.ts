import type { Core } from '@strapi/strapi';
import { createGovernedWriteMiddleware } from './governance/middleware';
import { responseMiddleware } from './governance/respond';
import { getService } from './governance/services';
import { createParamsGuardMiddleware, inputGuard } from './governance/bounds';
import { CAPABILITIES } from './capabilities';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const governance = getService('governance', strapi);
  const { enabled, governed } = governance.load();
  // The plugin's own tables first: a failing migration stops start-up (nothing applied).
  await getService('migrations', strapi).run();
  if (enabled) {
    // Bounds at the HTTP edge (before Strapi's own sanitisers walk a huge body) and on every document
    // query's parameters (filters, ids), before any other document middleware.
    strapi.server.use(inputGuard(strapi));
    strapi.documents.use(createParamsGuardMiddleware(strapi, (uid) => governance.load().governed.has(uid)) as any);
  }
  for (const capability of CAPABILITIES) await capability.bootstrap?.({ strapi, governance, enabled });
  governance.onChange(async (next, previous, initiator) => {
    for (const capability of CAPABILITIES) await capability.reconfigure?.({ strapi, governance, next, previous, initiator });
  });
  if (enabled) governance.jobs.start();
  if (!enabled) {
    strapi.log.warn('[master-data] governance is switched off by configuration (enabled: false)');
    return;
  }
  strapi.server.use(responseMiddleware());
  strapi.documents.use(createGovernedWriteMiddleware({ strapi, governance }) as any);
  strapi.log.info(`[master-data] governing ${[...governed.keys()].join(', ') || 'no content types'}`);
};
