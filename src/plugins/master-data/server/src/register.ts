import type { Core } from '@strapi/strapi';
import { registerAuditActions } from './audit/permissions';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAuditActions(strapi);
};
