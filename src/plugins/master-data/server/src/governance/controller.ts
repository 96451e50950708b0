import type { Core } from '@strapi/strapi';
import { getService } from '../governance/services';

export const governanceController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /master-data/governance */
  async get(ctx: any) {
    ctx.body = { data: getService('governance', strapi).describe() };
  },
});
