import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { DuplicatePair } from '../../../shared/contracts/matching';
import { formatScore, recordName, topReasons, type RecordSummaries } from '../utils/duplicates';
import { DecisionBadge } from './DecisionBadge';
import { RecordLabel } from './RecordLabel';
import { RowOpenButton } from './RowOpenButton';
import { TableHead } from './TableHead';

interface Props {
  pairs: DuplicatePair[];
  records: RecordSummaries;
  onOpen(pair: DuplicatePair): void;
}

const COLUMNS = ['Record A', 'Record B', 'Score', 'Decision', 'Why'];

/** Pairs of the review queue, one a row; a click on a row (or its eye button) opens the comparison. */
export const DuplicatePairsTable = ({ pairs, records, onOpen }: Props) => (
  <Table colCount={COLUMNS.length + 1} rowCount={pairs.length + 1}>
    <TableHead columns={COLUMNS} action="Compare" />
    <Tbody>
      {pairs.map((pair) => (
        <Tr key={pair.id} onClick={() => onOpen(pair)} style={{ cursor: 'pointer' }} data-pair={pair.id}>
          <Td style={{ whiteSpace: 'normal' }}>
            <RecordLabel documentId={pair.a} record={records[pair.a]} />
          </Td>
          <Td style={{ whiteSpace: 'normal' }}>
            <RecordLabel documentId={pair.b} record={records[pair.b]} />
          </Td>
          <Td>
            <Typography textColor="neutral800" fontWeight="bold">
              {formatScore(pair.score)}
            </Typography>
          </Td>
          <Td>
            <DecisionBadge decision={pair.decision} />
          </Td>
          <Td style={{ whiteSpace: 'normal' }}>
            <Typography textColor="neutral800">{topReasons(pair.reasons).join(', ') || '—'}</Typography>
          </Td>
          <Td>
            <RowOpenButton label={`Compare ${recordName(records[pair.a], pair.a)} and ${recordName(records[pair.b], pair.b)}`} onOpen={() => onOpen(pair)} />
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);
