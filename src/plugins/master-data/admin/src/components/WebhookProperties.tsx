import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { formatDateTime } from '../utils/audit';
import { age } from '../utils/approvals';
import type { WebhookEndpoint } from '../utils/webhooks';
import { DeliveryCounts } from './DeliveryCounts';
import { EndpointStateBadge } from './EndpointStateBadge';
import { Property } from './Property';

/** What an endpoint receives and how it stands: state, failures, secret, filters, headers (names only). */
export const WebhookProperties = ({ endpoint }: { endpoint: WebhookEndpoint }) => {
  const headers = Object.keys(endpoint.headers ?? {});
  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius tag="section" aria-label="Endpoint settings">
      <Grid.Root gap={5}>
        <Property label="Status">
          <EndpointStateBadge endpoint={endpoint} />
        </Property>
        <Property label="Failing since">
          {endpoint.failingSince ? (
            <Typography textColor="danger600" data-failing-since>
              {`${formatDateTime(endpoint.failingSince)} (${age(endpoint.failingSince)})`}
            </Typography>
          ) : (
            'Not failing'
          )}
        </Property>
        <Property label="Deliveries" col={6}>
          <DeliveryCounts stats={endpoint.stats} />
        </Property>
        <Property label="Events" col={6}>
          <Typography textColor="neutral800" style={{ wordBreak: 'break-word' }} data-events>
            {endpoint.events.includes('*') ? '* (every event)' : endpoint.events.join(', ')}
          </Typography>
        </Property>
        <Property label="Content types" col={6}>
          {endpoint.contentTypes.length ? endpoint.contentTypes.join(', ') : 'Every governed content type'}
        </Property>
        <Property label="Fields" col={6}>
          {endpoint.fields.length ? endpoint.fields.join(', ') : 'Every field'}
        </Property>
        <Property label="Sensitive fields">{endpoint.allowSensitive ? 'Sent in clear' : 'Masked'}</Property>
        <Property label="Custom headers">{headers.length ? headers.join(', ') : 'None'}</Property>
        <Property label="System">{endpoint.system ? `${endpoint.system}${endpoint.suppressEcho ? ' (its own changes are not sent back)' : ' (echo not suppressed)'}` : '—'}</Property>
        <Property label="Signing secret">
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography textColor="neutral800" style={{ fontFamily: 'monospace' }}>
              {endpoint.secretHint}
            </Typography>
            {endpoint.previousSecretExpiresAt && (
              <Typography variant="pi" textColor="warning600" data-previous-expires>
                {`The previous secret signs too until ${formatDateTime(endpoint.previousSecretExpiresAt)}`}
              </Typography>
            )}
          </Flex>
        </Property>
        <Property label="Created">{formatDateTime(endpoint.createdAt)}</Property>
        <Property label="Updated">{formatDateTime(endpoint.updatedAt)}</Property>
      </Grid.Root>
    </Box>
  );
};
