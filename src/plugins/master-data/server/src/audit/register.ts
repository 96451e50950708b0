/** The audit trail plugs in as a consumer of every domain event. */
import type { Capability } from '../governance/capability';
import { registerAuditActions } from './permissions';
import { auditConsumer } from './consumer';
import { getService } from '../governance/services';

export const audit: Capability = {
  name: 'audit',
  async register({ strapi, governance }) {
    await registerAuditActions(strapi);
    governance.addConsumer(auditConsumer(strapi));
  },
  async bootstrap({ strapi }) {
    await getService('audit', strapi).ensureSchema();
  },
};
