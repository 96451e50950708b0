import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { MatchReason } from '../../../shared/contracts/matching';
import { formatContribution } from '../utils/duplicates';
import { TableHead } from './TableHead';

const COLUMNS = ['Field', 'Comparator', 'Outcome', 'Similarity', 'Contribution'];

/** The explanation of a score: every piece of evidence and what it added to (or took from) the score. */
export const MatchReasonsTable = ({ reasons }: { reasons: MatchReason[] }) => (
  <Table colCount={COLUMNS.length} rowCount={reasons.length + 1}>
    <TableHead columns={COLUMNS} />
    <Tbody>
      {reasons.map((reason, index) => (
        <Tr key={`${reason.field}-${index}`}>
          <Td>
            <Typography textColor="neutral800" fontWeight="bold">
              {reason.field}
            </Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800">{reason.comparator}</Typography>
          </Td>
          <Td>
            <Typography textColor="neutral800">{reason.value ? `${reason.outcome} (${reason.value})` : reason.outcome}</Typography>
          </Td>
          <Td>
            <Typography textColor={typeof reason.similarity === 'number' ? 'neutral800' : 'neutral500'}>
              {typeof reason.similarity === 'number' ? reason.similarity.toFixed(2) : '—'}
            </Typography>
          </Td>
          <Td>
            <Typography textColor={reason.contribution < 0 ? 'danger600' : 'success600'} fontWeight="bold">
              {formatContribution(reason.contribution)}
            </Typography>
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);
