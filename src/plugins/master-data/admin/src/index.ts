import { PLUGIN_ID } from './pluginId';

export default {
  register(app: any) {
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

  async registerTrads() {
    return [];
  },
};
