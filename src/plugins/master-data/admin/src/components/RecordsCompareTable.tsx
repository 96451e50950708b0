import { Badge, Flex, Link, Radio, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { MergePreview } from '../../../shared/contracts/merging';
import { editViewPath, isComponentValue, sameValue, valueLines, type FullRecord } from '../utils/duplicates';
import { RecordLabel } from './RecordLabel';

interface Side {
  /** "A" or "B". */
  letter: string;
  record: FullRecord;
}

interface Props {
  uid: string;
  fields: string[];
  a: Side;
  b: Side;
  /** The fields where a pick is offered (differing values a merge chooses between). */
  pickable: Set<string>;
  /** The document id whose value a field keeps (for pickable fields). */
  choice(field: string): string;
  onPick(field: string, documentId: string): void;
  /** When given, a column with the survivor's values after the merge. */
  preview?: MergePreview | null;
  /** No picks (a pair that is no longer open, or a user who may not merge). */
  readOnly?: boolean;
}

/** A value as lines of text; an empty one as an em dash. */
const Value = ({ value }: { value: unknown }) => {
  const lines = valueLines(value);
  if (lines.length === 0) return <Typography textColor="neutral500">—</Typography>;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      {lines.map((line, index) => (
        <Typography key={index} textColor="neutral800" style={{ wordBreak: 'break-word' }}>
          {line}
        </Typography>
      ))}
    </Flex>
  );
};

const cell = { whiteSpace: 'normal', verticalAlign: 'top', paddingTop: '1.2rem', paddingBottom: '1.2rem' } as const;

/**
 * Two records side by side, one row a field. Rows whose values differ are highlighted; for those a
 * merge chooses between, a radio picks the record whose value the survivor keeps.
 */
export const RecordsCompareTable = ({ uid, fields, a, b, pickable, choice, onPick, preview, readOnly = false }: Props) => {
  const withPreview = preview !== undefined;
  const colCount = withPreview ? 5 : 4;
  return (
    <Table colCount={colCount} rowCount={fields.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">Field</Typography>
          </Th>
          {[a, b].map((side) => (
            <Th key={side.letter} style={{ ...cell, width: '28%' }}>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Flex gap={2} alignItems="flex-start">
                  <Badge variant="secondary">{side.letter}</Badge>
                  <RecordLabel documentId={side.record.documentId} record={side.record} />
                </Flex>
                <Link tag={NavLink} to={editViewPath(uid, side.record.documentId)}>
                  {`Open record ${side.letter}`}
                </Link>
              </Flex>
            </Th>
          ))}
          <Th>
            <Typography variant="sigma">Keep value of</Typography>
          </Th>
          {withPreview && (
            <Th style={{ ...cell, width: '24%' }}>
              <Typography variant="sigma">After the merge</Typography>
            </Th>
          )}
        </Tr>
      </Thead>
      <Tbody>
        {fields.map((field) => {
          const x = a.record[field];
          const y = b.record[field];
          const differs = !sameValue(x, y);
          const united = differs && (isComponentValue(x) || isComponentValue(y));
          return (
            <Tr key={field} background={differs ? 'warning100' : undefined} data-field={field} data-differs={differs ? 'true' : 'false'}>
              <Td style={cell}>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography textColor="neutral800" fontWeight="bold">
                    {field}
                  </Typography>
                  {differs && (
                    <Typography variant="pi" textColor="warning700">
                      differs
                    </Typography>
                  )}
                </Flex>
              </Td>
              <Td style={cell}>
                <Value value={x} />
              </Td>
              <Td style={cell}>
                <Value value={y} />
              </Td>
              <Td style={cell}>
                {pickable.has(field) && !readOnly ? (
                  <Radio.Group
                    aria-label={`Value of ${field}`}
                    value={choice(field)}
                    onValueChange={(documentId: string) => onPick(field, documentId)}
                    style={{ flexDirection: 'row', gap: '1.6rem' }}
                  >
                    <Radio.Item value={a.record.documentId}>{a.letter}</Radio.Item>
                    <Radio.Item value={b.record.documentId}>{b.letter}</Radio.Item>
                  </Radio.Group>
                ) : pickable.has(field) ? (
                  <Typography textColor="neutral800">{choice(field) === a.record.documentId ? a.letter : b.letter}</Typography>
                ) : united ? (
                  <Typography textColor="neutral600">both (united)</Typography>
                ) : (
                  <>
                    <Typography textColor="neutral500" aria-hidden>
                      —
                    </Typography>
                    <VisuallyHidden>{differs ? 'not chosen' : 'same value'}</VisuallyHidden>
                  </>
                )}
              </Td>
              {withPreview && (
                <Td style={cell}>
                  {preview ? <Value value={preview.values[field]} /> : <Typography textColor="neutral500">…</Typography>}
                </Td>
              )}
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
