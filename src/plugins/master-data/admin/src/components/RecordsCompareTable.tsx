import { Badge, Flex, Link, Radio, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { MergePreview } from '../../../shared/contracts/merging';
import { editViewPath, isComponentValue, isEmptyValue, sameValue, valueLines, type FullRecord } from '../utils/duplicates';
import { RecordLabel } from './RecordLabel';

interface Side {
  /** "A" or "B". */
  letter: string;
  record: FullRecord;
}

/** What an open pair's merge is being prepared with: the survivor, the picks and the server's preview. */
export interface Picking {
  survivor: string;
  /** The fields where a pick is offered (differing values a merge chooses between). */
  pickable: Set<string>;
  /** The document id whose value a pickable field keeps. */
  choice(field: string): string;
  onPick(field: string, documentId: string): void;
  /** The survivor's values after the merge; null while it loads (or when it failed). */
  preview: MergePreview | null;
}

interface Props {
  uid: string;
  fields: string[];
  a: Side;
  b: Side;
  /** For an open pair the admin may merge: a column to pick values, and one with the result. */
  picking?: Picking;
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

const Note = ({ children }: { children: string }) => (
  <Typography variant="pi" textColor="neutral600">
    {children}
  </Typography>
);

const cell = { whiteSpace: 'normal', verticalAlign: 'top', paddingTop: '1.2rem', paddingBottom: '1.2rem' } as const;

/**
 * Two records side by side, one row a field. Rows whose values differ are highlighted. When a merge
 * is being prepared, a radio picks the record whose value the survivor keeps where both differ, and
 * a last column shows the survivor after the merge.
 */
export const RecordsCompareTable = ({ uid, fields, a, b, picking }: Props) => {
  const colCount = picking ? 5 : 3;
  const letterOf = (documentId: string) => (documentId === a.record.documentId ? a.letter : b.letter);

  /** Why a differing field that offers no pick ends up as it does. */
  const keepNote = (x: unknown, y: unknown) => {
    if (isComponentValue(x) || isComponentValue(y)) return 'both (united)';
    if (isEmptyValue(x) !== isEmptyValue(y)) return `${isEmptyValue(x) ? b.letter : a.letter} (the only value)`;
    return `${letterOf(picking!.survivor)} (the survivor's)`;
  };
  /** The survivor's value after the merge: the preview's, or its own for the fields a merge leaves alone (its code, stage). */
  const after = (field: string) => {
    const preview = picking?.preview;
    if (!preview) return undefined;
    if (field in preview.values) return preview.values[field];
    return (picking!.survivor === a.record.documentId ? a.record : b.record)[field];
  };

  return (
    <Table colCount={colCount} rowCount={fields.length + 1}>
      <Thead>
        <Tr>
          <Th style={cell}>
            <Typography variant="sigma">Field</Typography>
          </Th>
          {[a, b].map((side) => (
            <Th key={side.letter} style={{ ...cell, width: picking ? '28%' : '42%' }}>
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
          {picking && (
            <>
              <Th style={cell}>
                <Typography variant="sigma">Keep value of</Typography>
              </Th>
              <Th style={{ ...cell, width: '24%' }}>
                <Typography variant="sigma">After the merge</Typography>
              </Th>
            </>
          )}
        </Tr>
      </Thead>
      <Tbody>
        {fields.map((field) => {
          const x = a.record[field];
          const y = b.record[field];
          const differs = !sameValue(x, y);
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
              {picking && (
                <>
                  <Td style={cell}>
                    {picking.pickable.has(field) ? (
                      <Radio.Group
                        aria-label={`Value of ${field}`}
                        value={picking.choice(field)}
                        onValueChange={(documentId: string) => picking.onPick(field, documentId)}
                        style={{ flexDirection: 'row', gap: '1.6rem' }}
                      >
                        <Radio.Item value={a.record.documentId}>{a.letter}</Radio.Item>
                        <Radio.Item value={b.record.documentId}>{b.letter}</Radio.Item>
                      </Radio.Group>
                    ) : differs ? (
                      <Note>{keepNote(x, y)}</Note>
                    ) : (
                      <>
                        <Typography textColor="neutral500" aria-hidden>
                          —
                        </Typography>
                        <VisuallyHidden>same value</VisuallyHidden>
                      </>
                    )}
                  </Td>
                  <Td style={cell}>{picking.preview ? <Value value={after(field)} /> : <Typography textColor="neutral500">…</Typography>}</Td>
                </>
              )}
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
