import { Badge } from '@strapi/design-system';
import { actionVariant } from '../utils/audit';

/** An audit event's action (create, update, …) as a coloured badge. */
export const ActionBadge = ({ action }: { action: string }) => <Badge variant={actionVariant(action)}>{action}</Badge>;
