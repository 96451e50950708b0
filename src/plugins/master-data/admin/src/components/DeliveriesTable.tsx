import { Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { formatDateTime } from '../utils/audit';
import { age } from '../utils/approvals';
import { canReplay, latencyText, type WebhookDelivery } from '../utils/webhooks';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { RowOpenButton } from './RowOpenButton';
import { TableHead } from './TableHead';

interface Props {
  deliveries: WebhookDelivery[];
  onOpen(delivery: WebhookDelivery): void;
  /** Absent when the viewer may not replay. */
  onReplay?(delivery: WebhookDelivery): void;
  /** The delivery being replayed, if any. */
  replaying: number | null;
}

const COLUMNS = ['Event', 'Record', 'Status', 'Attempts', 'Last status', 'Latency', 'Next attempt', 'Created'];

const Muted = () => <Typography textColor="neutral500">—</Typography>;

/** A page of the delivery log; a click on a row opens the delivery's attempts and payload. */
export const DeliveriesTable = ({ deliveries, onOpen, onReplay, replaying }: Props) => (
  <Table colCount={COLUMNS.length + 1} rowCount={deliveries.length + 1}>
    <TableHead columns={COLUMNS} action="Actions" />
    <Tbody>
      {deliveries.map((delivery) => (
        <Tr key={delivery.id} onClick={() => onOpen(delivery)} style={{ cursor: 'pointer' }} data-delivery={delivery.id} data-event-type={delivery.eventType}>
          <Td>
            <Typography textColor="neutral800" fontWeight="bold">
              {delivery.eventType}
            </Typography>
          </Td>
          <Td style={{ whiteSpace: 'normal', minWidth: '14rem', maxWidth: '22rem' }}>
            {delivery.documentId ? (
              <Flex direction="column" alignItems="flex-start">
                <Typography textColor="neutral800" style={{ whiteSpace: 'nowrap' }}>
                  {delivery.documentId}
                </Typography>
                <Typography variant="pi" textColor="neutral600" style={{ wordBreak: 'break-all' }}>
                  {delivery.uid ?? ''}
                </Typography>
              </Flex>
            ) : (
              <Muted />
            )}
          </Td>
          <Td>
            <DeliveryStatusBadge delivery={delivery} />
          </Td>
          <Td>
            <Typography textColor="neutral800" data-attempts>
              {String(delivery.attempts)}
            </Typography>
          </Td>
          <Td>
            {delivery.lastStatusCode !== null ? (
              <Typography textColor={delivery.lastStatusCode >= 200 && delivery.lastStatusCode < 300 ? 'success600' : 'danger600'} data-last-status>
                {String(delivery.lastStatusCode)}
              </Typography>
            ) : delivery.lastError ? (
              <Typography textColor="danger600" title={delivery.lastError} data-last-status>
                No response
              </Typography>
            ) : (
              <Muted />
            )}
          </Td>
          <Td>
            <Typography textColor="neutral800">{latencyText(delivery.lastLatencyMs)}</Typography>
          </Td>
          <Td>
            {delivery.nextAttemptAt && delivery.status === 'pending' ? (
              <Typography textColor="neutral800" title={formatDateTime(delivery.nextAttemptAt)}>
                {age(delivery.nextAttemptAt)}
              </Typography>
            ) : (
              <Muted />
            )}
          </Td>
          <Td>
            <Typography textColor="neutral800" title={formatDateTime(delivery.createdAt)}>
              {age(delivery.createdAt)}
            </Typography>
          </Td>
          <Td>
            <Flex gap={1} justifyContent="flex-end">
              {onReplay && canReplay(delivery) && (
                <Button
                  size="S"
                  variant="tertiary"
                  startIcon={<ArrowClockwise />}
                  loading={replaying === delivery.id}
                  disabled={replaying !== null}
                  onClick={(e: React.MouseEvent) => {
                    e.stopPropagation();
                    onReplay(delivery);
                  }}
                  aria-label={`Replay delivery ${delivery.id} (${delivery.eventType})`}
                >
                  Replay
                </Button>
              )}
              <RowOpenButton label={`Open delivery ${delivery.id} (${delivery.eventType})`} onOpen={() => onOpen(delivery)} />
            </Flex>
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);
