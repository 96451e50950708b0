import { Flex, Typography } from '@strapi/design-system';
import { recordCode, recordName } from '../utils/duplicates';

interface Props {
  documentId: string;
  record?: Record<string, unknown>;
}

/** A record as its name over its code (or document id when it has no code). */
export const RecordLabel = ({ documentId, record }: Props) => (
  <Flex direction="column" alignItems="flex-start">
    <Typography textColor="neutral800" fontWeight="bold" style={{ wordBreak: 'break-word' }}>
      {recordName(record, documentId)}
    </Typography>
    <Typography variant="pi" textColor="neutral600">
      {recordCode(record) ?? documentId}
    </Typography>
  </Flex>
);
