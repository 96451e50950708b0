import { CHANGE_REQUEST_ACTIONS } from './permissions';
import { requires as can } from '../http';

export const approvalsAdminRoutes = [
  { method: 'GET', path: '/change-requests', handler: 'change-requests.list', config: can(CHANGE_REQUEST_ACTIONS.read) },
  { method: 'GET', path: '/change-requests/preview', handler: 'change-requests.preview', config: can(CHANGE_REQUEST_ACTIONS.read) },
  { method: 'GET', path: '/change-requests/:id', handler: 'change-requests.get', config: can(CHANGE_REQUEST_ACTIONS.read) },
  { method: 'POST', path: '/change-requests/:id/approve', handler: 'change-requests.approve', config: can(CHANGE_REQUEST_ACTIONS.approve) },
  { method: 'POST', path: '/change-requests/:id/reject', handler: 'change-requests.reject', config: can(CHANGE_REQUEST_ACTIONS.approve) },
  { method: 'POST', path: '/change-requests/:id/withdraw', handler: 'change-requests.withdraw', config: can(CHANGE_REQUEST_ACTIONS.read) },
  { method: 'POST', path: '/change-requests/:id/comments', handler: 'change-requests.comment', config: can(CHANGE_REQUEST_ACTIONS.read) },
];

/** For integrations that got a 202: `master-data.change-requests.findOne` (API token, users-permissions role). */
export const approvalsContentApiRoutes = [{ method: 'GET', path: '/change-requests/:id', handler: 'change-requests.findOne' }];
