/** Approvals: the approval gate stage, change requests (tables, routes, permissions). */
import type { Capability } from '../governance/capability';
import { getService } from '../governance/services';
import { registerChangeRequestActions } from './permissions';
import { approvalsStage } from './stage';
import { approvalsMigrations } from './schema';

export const approvals: Capability = {
  name: 'approvals',
  async register({ strapi, governance }) {
    await registerChangeRequestActions(strapi);
    governance.addStage(approvalsStage);
    getService('migrations', strapi).add('approvals', approvalsMigrations);
  },
};
