const read = { policies: [{ name: 'admin::hasPermissions', config: { actions: ['plugin::master-data.audit.read'] } }] };

export const auditAdminRoutes = [
  { method: 'GET', path: '/audit-events', handler: 'audit.find', config: read },
  { method: 'GET', path: '/audit-events/export', handler: 'audit.export', config: read },
  { method: 'GET', path: '/audit-events/verify', handler: 'audit.verify', config: read },
  { method: 'GET', path: '/audit-events/as-of', handler: 'audit.asOf', config: read },
];

/** For integrations holding the `master-data.audit.readTrail` permission (full-access or custom API token, users-permissions role). */
export const auditContentApiRoutes = [{ method: 'GET', path: '/audit-events', handler: 'audit.readTrail' }];
