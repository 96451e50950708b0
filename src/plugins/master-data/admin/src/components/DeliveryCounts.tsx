import { Badge, Flex, Typography } from '@strapi/design-system';
import { DELIVERY_STATUSES, deliveryCountText, deliveryStatusVariant, type WebhookEndpoint } from '../utils/webhooks';

/** An endpoint's deliveries by status ("3 delivered", "1 dead letter"); statuses without any are left out. */
export const DeliveryCounts = ({ stats }: { stats: WebhookEndpoint['stats'] | undefined }) => {
  const shown = DELIVERY_STATUSES.filter((status) => (stats?.[status] ?? 0) > 0);
  if (shown.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        No deliveries yet
      </Typography>
    );
  }
  return (
    <Flex gap={1} wrap="wrap">
      {shown.map((status) => (
        <Badge key={status} size="S" variant={deliveryStatusVariant(status)} data-count={status}>
          {deliveryCountText(status, stats![status])}
        </Badge>
      ))}
    </Flex>
  );
};
