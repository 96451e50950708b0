import { Badge, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { SettingsVersion } from '../../../shared/contracts/settings';
import { formatDateTime } from '../utils/audit';
import { RowOpenButton } from './RowOpenButton';
import { TableHead } from './TableHead';

const COLUMNS = ['Version', 'Saved', 'By', 'Why'];

interface Props {
  versions: SettingsVersion[];
  /** The version in force. */
  current: number;
  onOpen(version: SettingsVersion): void;
}

/** Saved versions, newest first: who saved each, when and why; a row opens its diff. */
export const SettingsVersionsTable = ({ versions, current, onOpen }: Props) => (
  <Table colCount={COLUMNS.length + 1} rowCount={versions.length + 1}>
    <TableHead columns={COLUMNS} action="Open" />
    <Tbody>
      {versions.map((version) => (
        <Tr key={version.id} data-version={version.id} onClick={() => onOpen(version)} style={{ cursor: 'pointer' }}>
          <Td>
            <Flex gap={2}>
              <Typography fontWeight="bold">{`#${version.id}`}</Typography>
              {version.id === current && <Badge variant="success">in force</Badge>}
              {version.restoredFrom !== null && <Badge variant="secondary">{`restores #${version.restoredFrom}`}</Badge>}
            </Flex>
          </Td>
          <Td>
            <Typography>{formatDateTime(version.createdAt)}</Typography>
          </Td>
          <Td>
            <Typography>{version.actor.name}</Typography>
          </Td>
          <Td style={{ whiteSpace: 'normal', maxWidth: '40rem' }}>
            <Typography textColor={version.reason ? 'neutral800' : 'neutral500'}>{version.reason || '—'}</Typography>
          </Td>
          <Td>
            <RowOpenButton label={`Open version ${version.id}`} onOpen={() => onOpen(version)} />
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);
