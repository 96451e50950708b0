import { WEBHOOK_ACTIONS } from './permissions';
import { requires as can } from '../http';

export const webhooksAdminRoutes = [
  { method: 'GET', path: '/webhooks', handler: 'webhooks.list', config: can(WEBHOOK_ACTIONS.read) },
  { method: 'GET', path: '/webhooks/options', handler: 'webhooks.options', config: can(WEBHOOK_ACTIONS.read) },
  { method: 'GET', path: '/webhooks/deliveries/:id', handler: 'webhooks.delivery', config: can(WEBHOOK_ACTIONS.read) },
  { method: 'POST', path: '/webhooks', handler: 'webhooks.create', config: can(WEBHOOK_ACTIONS.manage) },
  { method: 'GET', path: '/webhooks/:id', handler: 'webhooks.get', config: can(WEBHOOK_ACTIONS.read) },
  { method: 'PUT', path: '/webhooks/:id', handler: 'webhooks.update', config: can(WEBHOOK_ACTIONS.manage) },
  { method: 'DELETE', path: '/webhooks/:id', handler: 'webhooks.remove', config: can(WEBHOOK_ACTIONS.manage) },
  { method: 'POST', path: '/webhooks/:id/rotate', handler: 'webhooks.rotate', config: can(WEBHOOK_ACTIONS.manage) },
  { method: 'POST', path: '/webhooks/:id/test', handler: 'webhooks.test', config: can(WEBHOOK_ACTIONS.manage) },
  { method: 'POST', path: '/webhooks/:id/replay', handler: 'webhooks.replay', config: can(WEBHOOK_ACTIONS.manage) },
  { method: 'GET', path: '/webhooks/:id/deliveries', handler: 'webhooks.deliveries', config: can(WEBHOOK_ACTIONS.read) },
];
