import { Badge } from '@strapi/design-system';
import { deliveryStatusLabel, deliveryStatusVariant, isRetrying, type WebhookDelivery } from '../utils/webhooks';

/** A delivery's status as a coloured badge; a pending delivery that failed before reads "Retrying". */
export const DeliveryStatusBadge = ({ delivery }: { delivery: Pick<WebhookDelivery, 'status' | 'attempts'> }) => {
  const retrying = isRetrying(delivery);
  return (
    <Badge variant={retrying ? 'danger' : deliveryStatusVariant(delivery.status)} data-status={delivery.status}>
      {retrying ? 'Retrying' : deliveryStatusLabel(delivery.status)}
    </Badge>
  );
};
