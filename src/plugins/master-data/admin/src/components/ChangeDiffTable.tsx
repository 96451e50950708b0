import { Box, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { isList, isMasked, listDiff, scalarText, type FieldChangeView } from '../utils/approvals';
import { TableHead } from './TableHead';

const COLUMNS = ['Field', 'Before', 'After'] as const;

/** In place of values the viewer's role may not read (the server withheld them). */
const Hidden = () => (
  <Typography textColor="neutral500" style={{ fontStyle: 'italic' }} data-masked>
    hidden (no permission)
  </Typography>
);

/** A list (repeatable components): one item a line; removed items struck through, added ones marked. */
const ListValue = ({ items, side }: { items: { text: string; removed?: boolean; added?: boolean }[]; side: 'before' | 'after' }) => {
  if (items.length === 0) {
    return <Typography textColor="neutral500">None</Typography>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={1} tag="ul">
      {items.map((item, i) => {
        const changed = side === 'before' ? item.removed : item.added;
        return (
          <Box
            key={i}
            tag="li"
            paddingLeft={2}
            paddingRight={2}
            paddingTop={1}
            paddingBottom={1}
            hasRadius
            background={changed ? (side === 'before' ? 'danger100' : 'success100') : undefined}
            data-item={changed ? (side === 'before' ? 'removed' : 'added') : 'kept'}
          >
            <Typography
              textColor={changed ? (side === 'before' ? 'danger700' : 'success700') : 'neutral800'}
              style={{ wordBreak: 'break-word', textDecoration: changed && side === 'before' ? 'line-through' : undefined }}
            >
              {`${changed ? (side === 'before' ? '− ' : '+ ') : ''}${item.text}`}
            </Typography>
          </Box>
        );
      })}
    </Flex>
  );
};

const Scalar = ({ value, tone }: { value: unknown; tone: 'before' | 'after' }) => (
  <Typography
    textColor={value === null || value === undefined ? 'neutral500' : tone === 'after' ? 'success700' : 'neutral800'}
    fontWeight={tone === 'after' ? 'bold' : undefined}
    style={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}
  >
    {scalarText(value)}
  </Typography>
);

/**
 * The proposed change field by field: the published value before and the proposed value after.
 * Lists (repeatable components such as bank accounts) item by item; fields the viewer's role may
 * not read say so instead of a value.
 */
export const ChangeDiffTable = ({ changes }: { changes: Record<string, FieldChangeView> }) => {
  const fields = Object.entries(changes);
  if (fields.length === 0) {
    return (
      <Box padding={4} background="neutral100" hasRadius>
        <Typography textColor="neutral600">No field changes (the whole record is concerned).</Typography>
      </Box>
    );
  }
  return (
    <Table colCount={COLUMNS.length} rowCount={fields.length + 1}>
      <TableHead columns={COLUMNS} />
      <Tbody>
        {fields.map(([field, change]) => {
          const masked = isMasked(change);
          const list = !masked && (isList(change.before) || isList(change.after));
          const diff = list && !masked ? listDiff(change.before, change.after) : null;
          return (
            <Tr key={field} data-field={field}>
              <Td style={{ verticalAlign: 'top' }}>
                <Typography fontWeight="bold" textColor="neutral800">
                  {field}
                </Typography>
              </Td>
              <Td style={{ whiteSpace: 'normal', maxWidth: '40rem', verticalAlign: 'top' }} data-side="before">
                {masked ? <Hidden /> : diff ? <ListValue items={diff.before} side="before" /> : <Scalar value={change.before} tone="before" />}
              </Td>
              <Td style={{ whiteSpace: 'normal', maxWidth: '40rem', verticalAlign: 'top' }} data-side="after">
                {masked ? <Hidden /> : diff ? <ListValue items={diff.after} side="after" /> : <Scalar value={change.after} tone="after" />}
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
