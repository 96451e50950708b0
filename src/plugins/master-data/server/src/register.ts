import type { Core } from '@strapi/strapi';
import { registerAuditActions } from './audit/permissions';
import { registerDuplicateActions } from './matching/permissions';
import { assertSecrets } from './security/secrets';
import { getService } from './utils';
import { auditMigrations } from './audit/schema';
import { matchingMigrations } from './matching/schema';
import { codeMigrations } from './codes/schema';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  assertSecrets(strapi);
  await registerAuditActions(strapi);
  await registerDuplicateActions(strapi);
  // Each capability's own tables; applied at bootstrap (governance/migrations.ts).
  const migrations = getService('migrations', strapi);
  migrations.add('audit', auditMigrations);
  migrations.add('matching', matchingMigrations);
  migrations.add('codes', codeMigrations);
};
