import type { ComponentType } from 'react';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useRBAC } from '@strapi/strapi/admin';
import { useGovernedTypes } from '../hooks/useGovernedTypes';

interface RecordListProps {
  uid: string;
  documentId: string;
  /** The record's updatedAt: the list reloads when the record is saved. */
  version?: string;
}

/**
 * A Content Manager edit view side panel about the record being edited. Shown for saved records
 * (not in the create view) of governed content types, to admins holding `permissions`.
 */
export const recordPanel = (title: string, permissions: { action: string; subject: null }[], List: ComponentType<RecordListProps>): PanelComponent => {
  const Panel: PanelComponent = ({ model, documentId, document }) => {
    const { allowedActions } = useRBAC(permissions);
    const governedTypes = useGovernedTypes();

    if (!documentId || documentId === 'create') return null;
    if (!allowedActions.canRead) return null;
    if (!governedTypes?.some((type) => type.uid === model)) return null;

    const version = typeof document?.updatedAt === 'string' ? document.updatedAt : undefined;
    return { title, content: <List uid={model} documentId={documentId} version={version} /> };
  };
  return Panel;
};
