import { PERMISSIONS } from '../permissions';
import { ApprovalList } from './ApprovalList';
import { recordPanel } from './RecordPanel';

/** The record's open change request, for admins allowed to read change requests. */
export const ApprovalPanel = recordPanel('Approval', PERMISSIONS.changeRequestsRead, ApprovalList);
