import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { formatDateTime } from '../utils/audit';
import { latencyText, replayStarts, type WebhookAttempt } from '../utils/webhooks';
import { TableHead } from './TableHead';

const COLUMNS = ['#', 'Started', 'Status', 'Latency', 'Response', 'Error'];

/** A delivery's attempts, oldest first: what the receiver answered each time, or why nothing came. */
export const AttemptsTable = ({ attempts }: { attempts: WebhookAttempt[] }) => {
  const replayed = replayStarts(attempts);
  return attempts.length === 0 ? (
    <Typography textColor="neutral600">Not attempted yet.</Typography>
  ) : (
    <Table colCount={COLUMNS.length} rowCount={attempts.length + 1}>
      <TableHead columns={COLUMNS} />
      <Tbody>
        {attempts.map((attempt, index) => (
          <Tr key={index} data-attempt={attempt.attempt}>
            <Td>
              <Typography textColor="neutral800">{replayed[index] ? `${attempt.attempt} (replay)` : String(attempt.attempt)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{formatDateTime(attempt.startedAt)}</Typography>
            </Td>
            <Td>
              <Typography
                textColor={attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300 ? 'success600' : 'danger600'}
                data-attempt-status
              >
                {attempt.statusCode === null ? 'No response' : String(attempt.statusCode)}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{latencyText(attempt.latencyMs)}</Typography>
            </Td>
            <Td style={{ whiteSpace: 'normal', maxWidth: '24rem' }}>
              <Typography
                textColor={attempt.responseExcerpt ? 'neutral800' : 'neutral500'}
                style={{ fontFamily: 'monospace', wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
                data-response
              >
                {attempt.responseExcerpt || '—'}
              </Typography>
            </Td>
            <Td style={{ whiteSpace: 'normal', maxWidth: '20rem' }}>
              <Typography textColor={attempt.error ? 'danger600' : 'neutral500'} style={{ wordBreak: 'break-word' }}>
                {attempt.error || '—'}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
