import { useMemo, useState } from 'react';
import { Box, Button, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { SealCheck } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import type { AuditEventView } from '../../../shared/contracts/audit';
import { AuditEventModal } from '../components/AuditEventModal';
import { AuditEventsTable } from '../components/AuditEventsTable';
import { AuditFiltersForm } from '../components/AuditFiltersForm';
import { ExportCsvButton } from '../components/ExportCsvButton';
import { VerifyResultAlert } from '../components/VerifyResultAlert';
import { useAuditEvents } from '../hooks/useAuditEvents';
import { useGovernedTypes } from '../hooks/useGovernedTypes';
import { useVerifyChain } from '../hooks/useVerifyChain';
import { PERMISSIONS } from '../permissions';
import { filtersFromSearch, filtersToSearch, labelOf, recordText, toAuditQuery, type AuditFilters } from '../utils/audit';

/**
 * The audit trail: filter, page through and export the events of governed records, open one to
 * see its before/after values, and verify the hash chain. Filters live in the URL, so a link such as
 * `/plugins/master-data/audit?uid=…&documentId=…` (the History panel's) opens a filtered trail.
 */
const AuditTrail = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(search)), [search]);
  const query = useMemo(() => toAuditQuery(filters), [filters]);
  const governedTypes = useGovernedTypes();
  const { events, nextCursor, loading, loadingMore, error, loadMore, reload } = useAuditEvents(query);
  const chain = useVerifyChain();
  const [selected, setSelected] = useState<AuditEventView | null>(null);
  const typeNames = useMemo(() => Object.fromEntries((governedTypes ?? []).map((t) => [t.uid, t.displayName])), [governedTypes]);
  // A trail filtered to one record (the History panel's link) says whose it is.
  const record = filters.documentId ? labelOf(events, filters.documentId) : null;
  const subtitle = record
    ? `The trail of ${recordText(record, filters.documentId)} (${filters.documentId}), newest first. Each event is hash-chained to the one before it.`
    : 'Every change to governed records, newest first. Each event is hash-chained to the one before it.';

  const apply = (next: AuditFilters) => {
    const nextSearch = filtersToSearch(next).toString();
    if (nextSearch === search) reload();
    else setSearchParams(nextSearch);
  };

  return (
    <Page.Main>
      <Page.Title>Audit trail</Page.Title>
      <Layouts.Header
        title="Audit trail"
        subtitle={subtitle}
        primaryAction={
          <Flex gap={2}>
            <Button variant="tertiary" startIcon={<SealCheck />} onClick={chain.verify} loading={chain.verifying}>
              Verify chain
            </Button>
            <ExportCsvButton query={query} />
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <VerifyResultAlert result={chain.result} error={chain.error} onClose={chain.clear} />
          <AuditFiltersForm value={filters} onApply={apply} governedTypes={governedTypes ?? []} />
          {loading && events.length === 0 ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>Loading audit events…</Loader>
            </Flex>
          ) : error && events.length === 0 ? (
            <EmptyStateLayout content={`The audit events could not be loaded: ${error}`} hasRadius shadow="tableShadow" />
          ) : events.length === 0 ? (
            <EmptyStateLayout content="No audit events match these filters." hasRadius shadow="tableShadow" />
          ) : (
            <Box>
              <AuditEventsTable events={events} onOpen={setSelected} typeNames={typeNames} />
              <Flex justifyContent="space-between" paddingTop={4}>
                <Typography variant="pi" textColor="neutral600">
                  {`${events.length} ${events.length === 1 ? 'event' : 'events'} shown${nextCursor ? ', more available' : ''}`}
                </Typography>
                {nextCursor && (
                  <Button variant="secondary" onClick={loadMore} loading={loadingMore}>
                    Load more
                  </Button>
                )}
              </Flex>
              {error && (
                <Typography variant="pi" textColor="danger600">
                  {error}
                </Typography>
              )}
            </Box>
          )}
        </Flex>
      </Layouts.Content>
      <AuditEventModal event={selected} onClose={() => setSelected(null)} />
    </Page.Main>
  );
};

const AuditPage = () => (
  <Page.Protect permissions={PERMISSIONS.audit}>
    <AuditTrail />
  </Page.Protect>
);

export default AuditPage;
