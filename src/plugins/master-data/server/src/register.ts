import type { Core } from '@strapi/strapi';
import { registerAuditActions } from './audit/permissions';
import { registerDuplicateActions } from './matching/permissions';
import { assertSecrets } from './security/secrets';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  assertSecrets(strapi);
  await registerAuditActions(strapi);
  await registerDuplicateActions(strapi);
};
