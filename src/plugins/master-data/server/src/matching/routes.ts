import { DUPLICATE_ACTIONS } from './permissions';
import { requires as can } from '../http';

export const matchingAdminRoutes = [
  { method: 'POST', path: '/match', handler: 'matching.match', config: can(DUPLICATE_ACTIONS.read) },
  { method: 'GET', path: '/duplicates', handler: 'matching.list', config: can(DUPLICATE_ACTIONS.read) },
  { method: 'GET', path: '/duplicates/:id', handler: 'merge.pair', config: can(DUPLICATE_ACTIONS.read) },
  { method: 'POST', path: '/duplicates/:id/not-duplicate', handler: 'matching.notDuplicate', config: can(DUPLICATE_ACTIONS.manage) },
  { method: 'POST', path: '/merges/preview', handler: 'merge.preview', config: can(DUPLICATE_ACTIONS.read) },
  { method: 'POST', path: '/merges', handler: 'merge.merge', config: can(DUPLICATE_ACTIONS.manage) },
  { method: 'GET', path: '/merges', handler: 'merge.list', config: can(DUPLICATE_ACTIONS.read) },
  { method: 'POST', path: '/merges/:id/unmerge', handler: 'merge.unmerge', config: can(DUPLICATE_ACTIONS.manage) },
  // The settings pages' "try a record" (the settings capability's read permission).
  { method: 'POST', path: '/settings/try-match', handler: 'matching.tryMatch', config: can('plugin::master-data.settings.read') },
];

/** For integrations holding `master-data.matching.match` (API token, users-permissions role). */
export const matchingContentApiRoutes = [{ method: 'POST', path: '/match', handler: 'matching.match' }];
