import { SETTINGS_ACTIONS } from './permissions';
import { requires as can } from '../http';

export const settingsAdminRoutes = [
  { method: 'GET', path: '/settings', handler: 'settings.get', config: can(SETTINGS_ACTIONS.read) },
  { method: 'PUT', path: '/settings', handler: 'settings.put', config: can(SETTINGS_ACTIONS.manage) },
  { method: 'POST', path: '/settings/check', handler: 'settings.check', config: can(SETTINGS_ACTIONS.read) },
  { method: 'GET', path: '/settings/versions', handler: 'settings.versions', config: can(SETTINGS_ACTIONS.read) },
  { method: 'GET', path: '/settings/versions/:id', handler: 'settings.version', config: can(SETTINGS_ACTIONS.read) },
  { method: 'POST', path: '/settings/versions/:id/restore', handler: 'settings.restore', config: can(SETTINGS_ACTIONS.manage) },
  { method: 'GET', path: '/settings/jobs', handler: 'settings.jobs', config: can(SETTINGS_ACTIONS.read) },
];
