import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useRBAC } from '@strapi/strapi/admin';
import { useGovernedTypes } from '../hooks/useGovernedTypes';
import { PERMISSIONS } from '../permissions';
import { HistoryList } from './HistoryList';

/**
 * Content Manager edit view side panel: the record's latest audit events. Shown for saved records
 * (not in the create view) of governed content types, to admins allowed to read the audit trail.
 */
export const HistoryPanel: PanelComponent = ({ model, documentId, document }) => {
  const { allowedActions } = useRBAC(PERMISSIONS.audit);
  const governedTypes = useGovernedTypes();

  if (!documentId || documentId === 'create') return null;
  if (!allowedActions.canRead) return null;
  if (!governedTypes?.some((type) => type.uid === model)) return null;

  const version = typeof document?.updatedAt === 'string' ? document.updatedAt : undefined;
  return {
    title: 'Audit history',
    content: <HistoryList uid={model} documentId={documentId} version={version} />,
  };
};
