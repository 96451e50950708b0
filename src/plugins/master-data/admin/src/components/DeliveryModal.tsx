import { Box, Button, Flex, Grid, Loader, Modal, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useWebhookDelivery } from '../hooks/useWebhookDelivery';
import { formatDateTime } from '../utils/audit';
import { canReplay, deliveryRecord, payloadText } from '../utils/webhooks';
import { AttemptsTable } from './AttemptsTable';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { Property } from './Property';

interface Props {
  /** The delivery to show; the modal is open while it is set. */
  deliveryId: number | null;
  /** Changes when the delivery changed (its row in the polled log), to show it again. */
  refreshKey: string;
  onClose(): void;
  /** Absent when the viewer may not replay. */
  onReplay?(deliveryId: number): void;
  replaying: boolean;
}

/** One delivery: its event, every attempt (status, latency, response excerpt, error) and the payload as sent. */
export const DeliveryModal = ({ deliveryId, refreshKey, onClose, onReplay, replaying }: Props) => {
  const { delivery, loading, error } = useWebhookDelivery(deliveryId, refreshKey);

  return (
    <Modal.Root open={deliveryId !== null} onOpenChange={(open) => !open && onClose()}>
      {deliveryId !== null && (
        <Modal.Content style={{ maxWidth: '96rem', width: '90vw' }}>
          <Modal.Header>
            <Flex gap={2}>
              <Modal.Title>{`Delivery #${deliveryId}`}</Modal.Title>
              {delivery && <DeliveryStatusBadge delivery={delivery} />}
            </Flex>
          </Modal.Header>
          <Modal.Body>
            {!delivery ? (
              <Flex justifyContent="center" padding={6}>
                {loading ? <Loader>Loading the delivery…</Loader> : <Typography textColor="danger600">{`The delivery could not be loaded: ${error ?? 'not found'}`}</Typography>}
              </Flex>
            ) : (
              <Flex direction="column" alignItems="stretch" gap={6}>
                <Grid.Root gap={4}>
                  <Property label="Event" col={4}>
                    {delivery.eventType}
                  </Property>
                  <Property label="webhook-id" col={4} wordBreak="break-all">
                    {delivery.eventId}
                  </Property>
                  <Property label="Record" col={4} wordBreak="break-all">
                    {`${deliveryRecord(delivery)}${delivery.sequence !== null ? ` · sequence ${delivery.sequence}` : ''}`}
                  </Property>
                  <Property label="Created" col={4}>
                    {formatDateTime(delivery.createdAt)}
                  </Property>
                  <Property label="Attempts" col={4}>
                    {String(delivery.attempts)}
                  </Property>
                  <Property label="Next attempt" col={4}>
                    {delivery.status === 'pending' && delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt) : '—'}
                  </Property>
                  {delivery.lastError && (
                    <Property label="Last error" col={12}>
                      <Typography textColor="danger600" style={{ wordBreak: 'break-word' }}>
                        {delivery.lastError}
                      </Typography>
                    </Property>
                  )}
                </Grid.Root>
                <Box tag="section" aria-label="Attempts">
                  <Typography variant="delta" tag="h3">
                    Attempts
                  </Typography>
                  <Box paddingTop={3}>
                    <AttemptsTable attempts={delivery.attemptLog ?? []} />
                  </Box>
                </Box>
                <Box tag="section" aria-label="Payload">
                  <Typography variant="delta" tag="h3">
                    Payload
                  </Typography>
                  <Box paddingTop={3}>
                    <Box background="neutral100" padding={4} hasRadius style={{ maxHeight: '40rem', overflow: 'auto' }}>
                      <Typography tag="pre" textColor="neutral800" style={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }} data-payload>
                        {payloadText(delivery.payload)}
                      </Typography>
                    </Box>
                  </Box>
                </Box>
              </Flex>
            )}
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">Close</Button>
            </Modal.Close>
            {onReplay && delivery && canReplay(delivery) && (
              <Button startIcon={<ArrowClockwise />} onClick={() => onReplay(delivery.id)} loading={replaying}>
                Replay
              </Button>
            )}
          </Modal.Footer>
        </Modal.Content>
      )}
    </Modal.Root>
  );
};
