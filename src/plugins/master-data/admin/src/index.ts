import { ClockCounterClockwise, Duplicate, SealCheck } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { PERMISSIONS } from './permissions';
import { ApprovalPanel } from './components/ApprovalPanel';
import { DuplicatesPanel } from './components/DuplicatesPanel';
import { HistoryPanel } from './components/HistoryPanel';
import { withApprovalLabel } from './components/SubmitForApprovalAction';

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
    app.addMenuLink({
      // The approval queue; a change request is at /admin/plugins/master-data/approvals/:id
      to: `plugins/${PLUGIN_ID}/approvals`,
      icon: SealCheck,
      intlLabel: { id: `${PLUGIN_ID}.approvals.menu`, defaultMessage: 'Approvals' },
      Component: () => import('./pages/ApprovalsPage'),
      permissions: PERMISSIONS.changeRequestsRead,
    });
    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.settings.section`, defaultMessage: 'Master data' } },
      [
        {
          // The governed content types, their field rules and generated codes; one Save for all the settings pages.
          id: 'governance',
          intlLabel: { id: `${PLUGIN_ID}.settings.governance`, defaultMessage: 'Governed types' },
          to: `${PLUGIN_ID}/governance`,
          Component: () => import('./pages/GovernancePage'),
          permissions: PERMISSIONS.settingsRead,
        },
        {
          // Duplicate matching per governed type, with the "try a record" box.
          id: 'matching',
          intlLabel: { id: `${PLUGIN_ID}.settings.matching`, defaultMessage: 'Matching' },
          to: `${PLUGIN_ID}/matching`,
          Component: () => import('./pages/MatchingSettingsPage'),
          permissions: PERMISSIONS.settingsRead,
        },
        {
          id: 'approval-policies',
          intlLabel: { id: `${PLUGIN_ID}.settings.approvalPolicies`, defaultMessage: 'Approval policies' },
          to: `${PLUGIN_ID}/approval-policies`,
          Component: () => import('./pages/ApprovalPoliciesPage'),
          permissions: PERMISSIONS.settingsRead,
        },
        {
          // Saved versions (who, when, why, the diff), restore, export and import.
          id: 'settings-history',
          intlLabel: { id: `${PLUGIN_ID}.settings.history`, defaultMessage: 'Settings history' },
          to: `${PLUGIN_ID}/history`,
          Component: () => import('./pages/SettingsHistoryPage'),
          permissions: PERMISSIONS.settingsRead,
        },
      ]
    );
    app.registerPlugin({ id: PLUGIN_ID, name: 'Master data' });
  },

  bootstrap(app: any) {
    const contentManager = app.getPlugin('content-manager').apis;
    // In the Content Manager's edit view (governed content types only): the open change request,
    // the records this one may duplicate, and its audit history.
    contentManager.addEditViewSidePanel([ApprovalPanel, DuplicatesPanel, HistoryPanel]);
    // Its Publish button reads "Submit for approval" when publishing the draft needs approval.
    contentManager.addDocumentAction((actions: any[]) => actions.map((action) => (action.type === 'publish' ? withApprovalLabel(action) : action)));
  },

  async registerTrads() {
    return [];
  },
};
