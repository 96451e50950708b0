/** Admin RBAC checks of the plugin's pages and panels (actions registered by the server). */
export const AUDIT_READ = 'plugin::master-data.audit.read';

export const PERMISSIONS = {
  audit: [{ action: AUDIT_READ, subject: null }],
};
