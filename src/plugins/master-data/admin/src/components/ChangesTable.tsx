import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { AuditChangesView } from '../../../shared/contracts/audit';
import { formatValue, isRestricted } from '../utils/audit';

/** A value as text; objects and arrays as indented JSON in a monospace block. */
const Value = ({ value }: { value: unknown }) => {
  const text = formatValue(value);
  const structured = value !== null && typeof value === 'object';
  return (
    <Typography
      tag={structured ? 'pre' : 'span'}
      textColor={value === null || value === undefined ? 'neutral500' : 'neutral800'}
      style={{
        whiteSpace: structured ? 'pre-wrap' : 'normal',
        wordBreak: 'break-word',
        fontFamily: structured ? 'monospace' : undefined,
        fontSize: structured ? '1.2rem' : undefined,
        margin: 0,
      }}
    >
      {text}
    </Typography>
  );
};

/** In place of values the admin's role may not read (the server withheld them). */
const Restricted = () => (
  <Typography textColor="neutral500" style={{ fontStyle: 'italic' }}>
    Not shown: your role may not read this field
  </Typography>
);

/**
 * The changed fields of an event with their values before and after the change. Values the admin's
 * role may not read come without values (restricted) or without some sub-fields (hidden).
 */
export const ChangesTable = ({ changes }: { changes: AuditChangesView }) => {
  const fields = Object.entries(changes);
  if (fields.length === 0) {
    return (
      <Box padding={4} background="neutral100" hasRadius>
        <Typography textColor="neutral600">This event records no field changes.</Typography>
      </Box>
    );
  }
  return (
    <Table colCount={3} rowCount={fields.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">Field</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">Before</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">After</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {fields.map(([field, change]) => (
          <Tr key={field}>
            <Td>
              <Typography fontWeight="bold" textColor="neutral800">
                {field}
              </Typography>
              {!isRestricted(change) && change.hidden && (
                <Typography tag="p" variant="pi" textColor="neutral500">
                  {`Not shown: ${change.hidden.join(', ')}`}
                </Typography>
              )}
            </Td>
            <Td style={{ whiteSpace: 'normal', maxWidth: '32rem' }}>{isRestricted(change) ? <Restricted /> : <Value value={change.before} />}</Td>
            <Td style={{ whiteSpace: 'normal', maxWidth: '32rem' }}>{isRestricted(change) ? <Restricted /> : <Value value={change.after} />}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
