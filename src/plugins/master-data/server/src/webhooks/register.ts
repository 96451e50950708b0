/** Webhooks: the outbox consumer of the event stream, endpoints (tables, routes, permissions), and a dispatcher per instance. */
import type { Capability } from '../governance/capability';
import { getService } from '../governance/services';
import { registerWebhookActions } from './permissions';
import { webhookMigrations } from './schema';

export const webhooks: Capability = {
  name: 'webhooks',
  async register({ strapi, governance }) {
    await registerWebhookActions(strapi);
    governance.addConsumer(getService('webhooks', strapi).outbox.consumer());
    getService('migrations', strapi).add('webhooks', webhookMigrations);
  },
  async bootstrap({ strapi, governance, enabled }) {
    if (enabled && governance.load().config.webhooks.dispatcher) getService('webhooks', strapi).startDispatcher();
  },
  async destroy({ strapi }) {
    await getService('webhooks', strapi).stopDispatcher();
  },
};
