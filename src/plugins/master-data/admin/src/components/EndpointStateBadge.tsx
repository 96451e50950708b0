import { Badge, Flex, Typography } from '@strapi/design-system';
import { endpointState, type WebhookEndpoint } from '../utils/webhooks';

/** Enabled or Disabled, as a coloured badge; when disabled, why (by hand, 410 Gone, failing too long), beneath. */
export const EndpointStateBadge = ({ endpoint }: { endpoint: Pick<WebhookEndpoint, 'enabled' | 'disabledReason'> }) => {
  const state = endpointState(endpoint);
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Badge variant={state.variant} data-state={endpoint.enabled ? 'enabled' : `disabled-${endpoint.disabledReason ?? 'manual'}`} title={state.reason ?? undefined}>
        {state.label}
      </Badge>
      {state.reason && (
        <Typography variant="pi" textColor="neutral600">
          {state.reason}
        </Typography>
      )}
    </Flex>
  );
};
