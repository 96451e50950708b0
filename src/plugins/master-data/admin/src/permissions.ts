/** Admin RBAC checks of the plugin's pages and panels (actions registered by the server). */
export const AUDIT_READ = 'plugin::master-data.audit.read';
export const DUPLICATES_READ = 'plugin::master-data.duplicates.read';
export const DUPLICATES_MANAGE = 'plugin::master-data.duplicates.manage';
export const CHANGE_REQUESTS_READ = 'plugin::master-data.change-requests.read';
export const CHANGE_REQUESTS_APPROVE = 'plugin::master-data.change-requests.approve';
export const SETTINGS_READ = 'plugin::master-data.settings.read';
export const SETTINGS_MANAGE = 'plugin::master-data.settings.manage';
export const WEBHOOKS_READ = 'plugin::master-data.webhooks.read';
export const WEBHOOKS_MANAGE = 'plugin::master-data.webhooks.manage';

export const PERMISSIONS = {
  audit: [{ action: AUDIT_READ, subject: null }],
  /** See the review queue, compare pairs, match records (the Duplicates page and edit-view panel). */
  duplicatesRead: [{ action: DUPLICATES_READ, subject: null }],
  /** Merge, unmerge and dismiss pairs ("Not a duplicate"). */
  duplicatesManage: [{ action: DUPLICATES_MANAGE, subject: null }],
  /** See change requests (the Approvals page, a request's page, the edit view's Approval panel), comment on them. */
  changeRequestsRead: [{ action: CHANGE_REQUESTS_READ, subject: null }],
  /** Approve and reject change requests (the server also checks the step's roles and four-eyes). */
  changeRequestsApprove: [{ action: CHANGE_REQUESTS_APPROVE, subject: null }],
  /** See the governance settings, their history, and try a record (Settings → Master data). */
  settingsRead: [{ action: SETTINGS_READ, subject: null }],
  /** Save, import and restore governance settings. */
  settingsManage: [{ action: SETTINGS_MANAGE, subject: null }],
  /** See webhook endpoints and their delivery logs (Settings → Master data → Webhooks). */
  webhooksRead: [{ action: WEBHOOKS_READ, subject: null }],
  /** Create, edit, delete endpoints, rotate secrets, send test events, replay deliveries. */
  webhooksManage: [{ action: WEBHOOKS_MANAGE, subject: null }],
};
