import { Badge } from '@strapi/design-system';
import { statusLabel, statusVariant, type ChangeRequestStatus } from '../utils/approvals';

/** A change request's status (pending, applied, …) as a coloured badge. */
export const ChangeRequestStatusBadge = ({ status }: { status: ChangeRequestStatus }) => (
  <Badge variant={statusVariant(status)} data-status={status}>
    {statusLabel(status)}
  </Badge>
);
