import type { Core } from '@strapi/strapi';
import { assertSecrets } from './security/secrets';
import { getService } from './governance/services';
import { changeStage } from './governance/changes';
import { CAPABILITIES } from './capabilities';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  assertSecrets(strapi);
  const governance = getService('governance', strapi);
  // Governance's own last stage turns every write into domain events.
  governance.addStage(changeStage);
  for (const capability of CAPABILITIES) await capability.register?.({ strapi, governance });
};
