/** Admin RBAC checks of the plugin's pages and panels (actions registered by the server). */
export const AUDIT_READ = 'plugin::master-data.audit.read';
export const DUPLICATES_READ = 'plugin::master-data.duplicates.read';
export const DUPLICATES_MANAGE = 'plugin::master-data.duplicates.manage';

export const PERMISSIONS = {
  audit: [{ action: AUDIT_READ, subject: null }],
  /** See the review queue, compare pairs, match records (the Duplicates page and edit-view panel). */
  duplicatesRead: [{ action: DUPLICATES_READ, subject: null }],
  /** Merge, unmerge and dismiss pairs ("Not a duplicate"). */
  duplicatesManage: [{ action: DUPLICATES_MANAGE, subject: null }],
};
