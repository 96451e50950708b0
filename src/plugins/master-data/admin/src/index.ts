import { ClockCounterClockwise, Duplicate } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { PERMISSIONS } from './permissions';
import { DuplicatesPanel } from './components/DuplicatesPanel';
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
    app.addMenuLink({
      // The review queue; a pair's comparison is at /admin/plugins/master-data/duplicates/:id
      to: `plugins/${PLUGIN_ID}/duplicates`,
      icon: Duplicate,
      intlLabel: { id: `${PLUGIN_ID}.duplicates.menu`, defaultMessage: 'Duplicates' },
      Component: () => import('./pages/DuplicatesPage'),
      permissions: PERMISSIONS.duplicatesRead,
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
    // In the Content Manager's edit view (governed content types only): the records this one may
    // duplicate, and its audit history.
    app.getPlugin('content-manager').apis.addEditViewSidePanel([DuplicatesPanel, HistoryPanel]);
  },

  async registerTrads() {
    return [];
  },
};
