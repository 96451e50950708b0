import type { Core } from '@strapi/strapi';
import { registerAuditActions } from './audit/permissions';
import { registerDuplicateActions } from './matching/permissions';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAuditActions(strapi);
  await registerDuplicateActions(strapi);
};
