import { Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { formatDateTime } from '../utils/audit';
import { actionLabel, age, changedFieldsText, requestLabel, stepProgress, type ChangeRequestView } from '../utils/approvals';
import { ActionBadge } from './ActionBadge';
import { ChangeRequestStatusBadge } from './ChangeRequestStatusBadge';
import { RowOpenButton } from './RowOpenButton';
import { TableHead } from './TableHead';

interface Props {
  requests: ChangeRequestView[];
  onOpen(request: ChangeRequestView): void;
}

const COLUMNS = ['Record', 'Action', 'Changed fields', 'Maker', 'Steps', 'Age', 'Status'];

/** Change requests, one a row; a click on a row (or its eye button) opens the request. */
export const ChangeRequestsTable = ({ requests, onOpen }: Props) => (
  <Table colCount={COLUMNS.length + 1} rowCount={requests.length + 1}>
    <TableHead columns={COLUMNS} action="Open" />
    <Tbody>
      {requests.map((request) => (
        <Tr key={request.id} onClick={() => onOpen(request)} style={{ cursor: 'pointer' }} data-request={request.id}>
          <Td style={{ whiteSpace: 'normal' }}>
            <Flex direction="column" alignItems="flex-start">
              <Typography textColor="neutral800" fontWeight="bold" style={{ wordBreak: 'break-word' }}>
                {requestLabel(request)}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {`#${request.id} · ${request.documentId}`}
              </Typography>
            </Flex>
          </Td>
          <Td>
            <ActionBadge action={request.action} />
          </Td>
          <Td style={{ whiteSpace: 'normal', maxWidth: '24rem' }}>
            <Typography textColor="neutral800" style={{ wordBreak: 'break-word' }}>
              {changedFieldsText(request.changes) || '—'}
            </Typography>
          </Td>
          <Td style={{ whiteSpace: 'normal', maxWidth: '20rem' }}>
            <Typography textColor="neutral800" style={{ wordBreak: 'break-word' }}>
              {request.maker.name}
            </Typography>
          </Td>
          <Td style={{ whiteSpace: 'normal' }}>
            <Typography textColor="neutral800">{stepProgress(request)}</Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800" title={formatDateTime(request.createdAt)}>
              {age(request.createdAt)}
            </Typography>
          </Td>
          <Td>
            <ChangeRequestStatusBadge status={request.status} />
          </Td>
          <Td>
            <RowOpenButton label={`Open the change request #${request.id} (${actionLabel(request.action)} ${requestLabel(request)})`} onOpen={() => onOpen(request)} />
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);
