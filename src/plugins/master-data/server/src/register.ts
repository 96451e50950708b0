import type { Core } from '@strapi/strapi';
import { assertSecrets } from './security/secrets';
import { getService } from './governance/services';
import { changeStage } from './governance/changes';
import { jobMigrations } from './governance/jobs';
import { boundsStage } from './governance/bounds';
import { CAPABILITIES } from './capabilities';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  assertSecrets(strapi);
  const governance = getService('governance', strapi);
  // Governance's own stages: every input bounded first, every write turned into domain events last.
  governance.addStage(boundsStage);
  governance.addStage(changeStage);
  getService('migrations', strapi).add('governance', jobMigrations);
  for (const capability of CAPABILITIES) await capability.register?.({ strapi, governance });
};
