import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { AuditEventView } from '../../../shared/contracts/audit';
import { changedFields, formatDateTime, recordText } from '../utils/audit';
import { ActionBadge } from './ActionBadge';
import { ActorLabel } from './ActorLabel';
import { RowOpenButton } from './RowOpenButton';
import { TableHead } from './TableHead';

interface Props {
  events: AuditEventView[];
  onOpen(event: AuditEventView): void;
  /** Display names of content types by uid (the uid is shown for others). */
  typeNames?: Record<string, string>;
}

const COLUMNS = ['#', 'Time', 'Actor', 'Action', 'Record', 'Changed fields'];

/** Audit events, one a row; a click on a row (or its eye button) opens the event's details. */
export const AuditEventsTable = ({ events, onOpen, typeNames = {} }: Props) => (
  <Table colCount={COLUMNS.length + 1} rowCount={events.length + 1}>
    <TableHead columns={COLUMNS} action="Details" />
    <Tbody>
      {events.map((event) => (
        <Tr key={event.sequence} onClick={() => onOpen(event)} style={{ cursor: 'pointer' }} data-sequence={event.sequence}>
          <Td>
            <Typography textColor="neutral800" fontWeight="bold">
              {event.sequence}
            </Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800" title={event.occurredAt}>
              {formatDateTime(event.occurredAt)}
            </Typography>
          </Td>
          <Td>
            <ActorLabel actor={event.actor} />
          </Td>
          <Td>
            <Flex gap={1}>
              <ActionBadge action={event.action} />
              {event.outcome === 'failure' && <Typography textColor="danger600">failed</Typography>}
            </Flex>
          </Td>
          <Td>
            <Flex direction="column" alignItems="flex-start">
              <Typography textColor="neutral800" style={{ wordBreak: 'break-word' }} title={event.documentId ?? undefined}>
                {recordText(event.label, event.documentId)}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {typeNames[event.uid] ?? event.uid}
                {event.label && event.documentId ? ` · ${event.documentId}` : ''}
                {event.locale ? ` · ${event.locale}` : ''}
              </Typography>
            </Flex>
          </Td>
          <Td style={{ whiteSpace: 'normal' }}>
            <Typography textColor="neutral800">{changedFields(event.changes) || '—'}</Typography>
          </Td>
          <Td>
            <RowOpenButton label={`Show event ${event.sequence}`} onOpen={() => onOpen(event)} />
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);
