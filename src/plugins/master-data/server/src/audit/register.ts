/** The audit trail plugs in as a consumer of every domain event. */
import type { Capability } from '../governance/capability';
import { registerAuditActions } from './permissions';
import { auditConsumer } from './consumer';
import { getService } from '../governance/services';
import { auditMigrations } from './schema';

export const audit: Capability = {
  name: 'audit',
  async register({ strapi, governance }) {
    await registerAuditActions(strapi);
    governance.addConsumer(auditConsumer(strapi));
    getService('migrations', strapi).add('audit', auditMigrations);
  },
};
