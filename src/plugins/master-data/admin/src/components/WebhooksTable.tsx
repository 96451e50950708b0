import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { formatDateTime } from '../utils/audit';
import { age } from '../utils/approvals';
import { eventsText, type WebhookEndpoint } from '../utils/webhooks';
import { DeliveryCounts } from './DeliveryCounts';
import { EndpointStateBadge } from './EndpointStateBadge';
import { RowOpenButton } from './RowOpenButton';
import { TableHead } from './TableHead';

interface Props {
  endpoints: WebhookEndpoint[];
  onOpen(endpoint: WebhookEndpoint): void;
}

const COLUMNS = ['URL', 'Events', 'Status', 'Failing since', 'Deliveries'];

/** Webhook endpoints, one a row; a click on a row (or its eye button) opens the endpoint and its log. */
export const WebhooksTable = ({ endpoints, onOpen }: Props) => (
  <Table colCount={COLUMNS.length + 1} rowCount={endpoints.length + 1}>
    <TableHead columns={COLUMNS} action="Open" />
    <Tbody>
      {endpoints.map((endpoint) => (
        <Tr key={endpoint.id} onClick={() => onOpen(endpoint)} style={{ cursor: 'pointer' }} data-endpoint={endpoint.id}>
          <Td style={{ whiteSpace: 'normal', maxWidth: '28rem' }}>
            <Flex direction="column" alignItems="flex-start">
              <Typography textColor="neutral800" fontWeight="bold" style={{ wordBreak: 'break-all' }}>
                {endpoint.url}
              </Typography>
              {endpoint.description && (
                <Typography variant="pi" textColor="neutral600" style={{ wordBreak: 'break-word' }}>
                  {endpoint.description}
                </Typography>
              )}
            </Flex>
          </Td>
          <Td style={{ whiteSpace: 'normal', maxWidth: '20rem' }}>
            <Typography textColor="neutral800" style={{ wordBreak: 'break-word' }}>
              {eventsText(endpoint.events)}
            </Typography>
          </Td>
          <Td style={{ whiteSpace: 'normal', maxWidth: '16rem' }}>
            <EndpointStateBadge endpoint={endpoint} />
          </Td>
          <Td>
            {endpoint.failingSince ? (
              <Typography textColor="danger600" title={formatDateTime(endpoint.failingSince)}>
                {age(endpoint.failingSince)}
              </Typography>
            ) : (
              <Typography textColor="neutral500">—</Typography>
            )}
          </Td>
          <Td style={{ whiteSpace: 'normal' }}>
            <DeliveryCounts stats={endpoint.stats} />
          </Td>
          <Td>
            <RowOpenButton label={`Open the endpoint ${endpoint.url}`} onOpen={() => onOpen(endpoint)} />
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);
