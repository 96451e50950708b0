import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useRBAC } from '@strapi/strapi/admin';
import { useGovernedTypes } from '../hooks/useGovernedTypes';
import { PERMISSIONS } from '../permissions';
import { DuplicatesList } from './DuplicatesList';

/**
 * Content Manager edit view side panel: the stored records this one may duplicate. Shown for saved
 * records (not in the create view) of governed content types, to admins allowed to see duplicates.
 */
export const DuplicatesPanel: PanelComponent = ({ model, documentId, document }) => {
  const { allowedActions } = useRBAC(PERMISSIONS.duplicatesRead);
  const governedTypes = useGovernedTypes();

  if (!documentId || documentId === 'create') return null;
  if (!allowedActions.canRead) return null;
  if (!governedTypes?.some((type) => type.uid === model)) return null;

  const version = typeof document?.updatedAt === 'string' ? document.updatedAt : undefined;
  return {
    title: 'Potential duplicates',
    content: <DuplicatesList uid={model} documentId={documentId} version={version} />,
  };
};
