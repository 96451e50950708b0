import { Box, Button, Flex, Grid, Modal, Typography } from '@strapi/design-system';
import type { AuditEventView } from '../../../shared/contracts/audit';
import { formatDateTime, recordText } from '../utils/audit';
import { ActionBadge } from './ActionBadge';
import { ActorLabel } from './ActorLabel';
import { ChangesTable } from './ChangesTable';

interface Props {
  event: AuditEventView | null;
  onClose(): void;
}

/** One labelled property of the event. */
const Property = ({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) => (
  <Grid.Item col={wide ? 12 : 6} s={12} direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {typeof children === 'string' || children === null ? (
      <Typography textColor={children ? 'neutral800' : 'neutral500'} style={{ wordBreak: 'break-all' }}>
        {children || '—'}
      </Typography>
    ) : (
      children
    )}
  </Grid.Item>
);

const Hash = ({ value }: { value: string }) => (
  <Typography textColor="neutral800" style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
    {value}
  </Typography>
);

/** Everything an audit event records: who, where from, why, the changed values and its chain hashes. */
export const AuditEventModal = ({ event, onClose }: Props) => (
  <Modal.Root open={event !== null} onOpenChange={(open) => !open && onClose()}>
    {event && (
      <Modal.Content style={{ maxWidth: '96rem', width: '90vw' }}>
        <Modal.Header>
          <Flex gap={2}>
            <Modal.Title>{`Audit event #${event.sequence}`}</Modal.Title>
            <ActionBadge action={event.action} />
          </Flex>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Grid.Root gap={4}>
              <Property label="Time">{`${formatDateTime(event.occurredAt)} (${event.occurredAt})`}</Property>
              <Property label="Outcome">{event.outcome}</Property>
              <Property label="Actor">
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <ActorLabel actor={event.actor} />
                  {event.actor.id && (
                    <Typography variant="pi" textColor="neutral600">
                      {`id ${event.actor.id}`}
                    </Typography>
                  )}
                </Flex>
              </Property>
              <Property label="Record">
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography textColor="neutral800" style={{ wordBreak: 'break-word' }}>
                    {recordText(event.label, event.documentId)}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600" style={{ wordBreak: 'break-all' }}>
                    {`${event.uid} · ${event.documentId ?? '—'}${event.locale ? ` · ${event.locale}` : ''}`}
                  </Typography>
                </Flex>
              </Property>
              <Property label="Request ID">{event.requestId}</Property>
              <Property label="IP address">{event.ip}</Property>
              <Property label="User agent" wide>
                {event.userAgent}
              </Property>
              <Property label="Reason" wide>
                {event.reason}
              </Property>
            </Grid.Root>
            <Box>
              <Typography variant="delta" tag="h3">
                Changes
              </Typography>
              <Box paddingTop={3}>
                <ChangesTable changes={event.changes} />
              </Box>
            </Box>
            <Grid.Root gap={4}>
              <Property label="Previous hash" wide>
                <Hash value={event.prevHash} />
              </Property>
              <Property label="Hash" wide>
                <Hash value={event.hash} />
              </Property>
            </Grid.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Close</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    )}
  </Modal.Root>
);
