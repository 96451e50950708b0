import { PERMISSIONS } from '../permissions';
import { HistoryList } from './HistoryList';
import { recordPanel } from './RecordPanel';

/** The record's latest audit events, for admins allowed to read the audit trail. */
export const HistoryPanel = recordPanel('Audit history', PERMISSIONS.audit, HistoryList);
