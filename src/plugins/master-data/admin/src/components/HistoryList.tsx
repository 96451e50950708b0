import { useMemo } from 'react';
import { Box, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useAuditEvents } from '../hooks/useAuditEvents';
import { AUDIT_PAGE_PATH, changedFields, formatDateTime, toSearchString } from '../utils/audit';
import { ActionBadge } from './ActionBadge';

interface Props {
  uid: string;
  documentId: string;
  /** Changes when the record is saved, so the list refetches and shows the new event. */
  version?: string;
}

const LIMIT = 10;

/** The record's latest audit events, newest first, with a link to its full trail. */
export const HistoryList = ({ uid, documentId, version }: Props) => {
  const query = useMemo(() => ({ uid, documentId }), [uid, documentId]);
  const { events, nextCursor, loading, error } = useAuditEvents(query, { limit: LIMIT, refreshKey: version });

  if (loading && events.length === 0) {
    return (
      <Flex justifyContent="center" width="100%">
        <Loader small>Loading the history…</Loader>
      </Flex>
    );
  }
  if (error) {
    return (
      <Typography variant="pi" textColor="danger600">
        {`The history could not be loaded: ${error}`}
      </Typography>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" tag="ol" aria-label="Audit history">
      {events.length === 0 && (
        <Typography variant="pi" textColor="neutral600">
          No audit events for this record yet.
        </Typography>
      )}
      {events.map((event) => {
        const fields = changedFields(event.changes);
        return (
          <Box key={event.sequence} tag="li" padding={3} background="neutral100" hasRadius borderColor="neutral200" borderStyle="solid" borderWidth="1px">
            <Flex justifyContent="space-between" gap={2} paddingBottom={1}>
              <ActionBadge action={event.action} />
              <Typography variant="pi" textColor="neutral600" title={event.occurredAt}>
                {formatDateTime(event.occurredAt)}
              </Typography>
            </Flex>
            <Typography variant="pi" textColor="neutral800" tag="p" style={{ wordBreak: 'break-word' }}>
              {event.actor.name}
            </Typography>
            {fields && (
              <Typography variant="pi" textColor="neutral600" tag="p" style={{ wordBreak: 'break-word' }}>
                {`Changed: ${fields}`}
              </Typography>
            )}
          </Box>
        );
      })}
      <Box paddingTop={1}>
        <Link tag={NavLink} to={`${AUDIT_PAGE_PATH}?${toSearchString({ uid, documentId })}`}>
          {nextCursor ? 'See the full history in the audit trail' : 'Open in the audit trail'}
        </Link>
      </Box>
    </Flex>
  );
};
