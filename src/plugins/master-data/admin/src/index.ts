import { ClockCounterClockwise } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { PERMISSIONS } from './permissions';
import { HistoryPanel } from './components/HistoryPanel';

export default {
  register(app: any) {
    app.addMenuLink({
      // Relative to the admin panel's root: /admin/plugins/master-data/audit
      to: `plugins/${PLUGIN_ID}/audit`,
      icon: ClockCounterClockwise,
      intlLabel: { id: `${PLUGIN_ID}.audit.menu`, defaultMessage: 'Audit trail' },
      Component: () => import('./pages/AuditPage'),
      permissions: PERMISSIONS.audit,
    });
    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.settings.section`, defaultMessage: 'Master data' } },
      [
        {
          id: 'governance',
          intlLabel: { id: `${PLUGIN_ID}.settings.governance`, defaultMessage: 'Governance' },
          to: `${PLUGIN_ID}/governance`,
          Component: () => import('./pages/GovernancePage'),
          permissions: [],
        },
      ]
    );
    app.registerPlugin({ id: PLUGIN_ID, name: 'Master data' });
  },

  bootstrap(app: any) {
    // The record's audit history in the Content Manager's edit view (governed content types only).
    app.getPlugin('content-manager').apis.addEditViewSidePanel([HistoryPanel]);
  },

  async registerTrads() {
    return [];
  },
};
