import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Button, Dialog, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise, ArrowsCounterClockwise, Clock } from '@strapi/icons';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { useWebhookActions } from '../hooks/useWebhookActions';
import { useWebhookDeliveries } from '../hooks/useWebhookDeliveries';
import { apiError } from '../utils/approvals';
import { formatDateTime } from '../utils/audit';
import { deliveriesQueryFromSearch, type WebhookDelivery, type WebhookEndpoint, type WebhookReplayInput } from '../utils/webhooks';
import { DeliveriesTable } from './DeliveriesTable';
import { DeliveryFilters, type DeliveryFilterValues } from './DeliveryFilters';
import { DeliveryModal } from './DeliveryModal';
import { ListPagination } from './ListPagination';
import { ResyncModal } from './ResyncModal';

const DEFAULT_PAGE_SIZE = 20;

interface Props {
  endpoint: WebhookEndpoint;
  /** The event types to filter by. */
  eventTypes: string[];
  /** Whether the viewer may replay (webhooks.manage). */
  canManage: boolean;
  /** Changes when the log must be fetched again (a test event was sent). */
  refreshKey: number;
  /** After a replay, or when the deliveries shown changed: the endpoint's counts changed. */
  onChanged(): void;
}

const queuedText = (queued: number) => (queued === 1 ? '1 delivery queued' : `${queued} deliveries queued`);

/**
 * An endpoint's delivery log: filters and page in the URL (`?status=dead&page=2`), a row per
 * delivery with a Replay button, a delivery's attempts and payload in a modal, and the bulk
 * replays: every dead letter, or every event since a date (a re-sync).
 */
export const DeliveryLog = ({ endpoint, eventTypes, canManage, refreshKey, onChanged }: Props) => {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const query = useMemo(() => deliveriesQueryFromSearch(new URLSearchParams(search), DEFAULT_PAGE_SIZE), [search]);
  const filters = useMemo<DeliveryFilterValues>(() => ({ status: query.status, eventType: query.eventType, documentId: query.documentId }), [query]);
  const { deliveries, pagination, loading, error, reload } = useWebhookDeliveries(endpoint.id, query, refreshKey);
  const actions = useWebhookActions();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = useState<number | null>(null);
  const [replaying, setReplaying] = useState<number | 'dead' | 'since' | null>(null);
  const [confirmDead, setConfirmDead] = useState(false);
  const [resync, setResync] = useState(false);

  // When the log shows deliveries change (a retry, a dead letter, a replay landing), the endpoint's
  // counts and failure state changed too: the page fetches the endpoint again.
  const signature = deliveries.map((d) => `${d.id}:${d.status}:${d.attempts}`).join(',');
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (seen.current !== null && seen.current !== signature) onChanged();
    seen.current = signature;
  }, [signature, onChanged]);

  const apply = (next: DeliveryFilterValues) => {
    const params = new URLSearchParams(searchParams);
    for (const key of ['status', 'eventType', 'documentId', 'page'] as const) params.delete(key);
    for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
    if (params.toString() === search) reload();
    else setSearchParams(params);
  };

  const replay = async (kind: number | 'dead' | 'since', input: WebhookReplayInput) => {
    setReplaying(kind);
    try {
      const queued = await actions.replay(endpoint.id, input);
      toggleNotification({ type: queued > 0 ? 'success' : 'info', message: queued > 0 ? queuedText(queued) : 'Nothing to replay' });
      reload();
      onChanged();
      return true;
    } catch (e) {
      toggleNotification({ type: 'danger', title: 'The replay failed', message: apiError(e).message });
      return false;
    } finally {
      setReplaying(null);
    }
  };

  // The open delivery is fetched again when its row changes (the log polls while deliveries are in flight).
  const openRow = deliveries.find((d) => d.id === open);
  const openKey = openRow ? `${openRow.status}:${openRow.attempts}:${openRow.lastAttemptAt ?? ''}` : '';
  const total = pagination?.total ?? 0;
  const pageCount = pagination?.pageCount ?? Math.max(1, Math.ceil(total / (pagination?.pageSize || DEFAULT_PAGE_SIZE)));
  const dead = endpoint.stats?.dead ?? 0;

  return (
    <Box tag="section" aria-label="Delivery log">
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={4} gap={2} wrap="wrap">
        <Typography variant="beta" tag="h2">
          Delivery log
        </Typography>
        <Flex gap={2}>
          <Button variant="tertiary" startIcon={<ArrowsCounterClockwise />} onClick={reload} loading={loading && deliveries.length > 0}>
            Refresh
          </Button>
          {canManage && (
            <>
              <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={() => setConfirmDead(true)} disabled={dead === 0 || replaying !== null}>
                Replay all dead letters
              </Button>
              <Button variant="secondary" startIcon={<Clock />} onClick={() => setResync(true)} disabled={replaying !== null}>
                Re-sync since…
              </Button>
            </>
          )}
        </Flex>
      </Flex>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <DeliveryFilters value={filters} eventTypes={eventTypes} onApply={apply} />
        {loading && deliveries.length === 0 ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>Loading the deliveries…</Loader>
          </Flex>
        ) : error && deliveries.length === 0 ? (
          <EmptyStateLayout content={`The deliveries could not be loaded: ${error}`} hasRadius shadow="tableShadow" />
        ) : deliveries.length === 0 ? (
          <EmptyStateLayout
            content={filters.status || filters.eventType || filters.documentId ? 'No deliveries match these filters.' : 'No deliveries yet. Send a test event to try the endpoint.'}
            hasRadius
            shadow="tableShadow"
          />
        ) : (
          <Box>
            <DeliveriesTable
              deliveries={deliveries}
              onOpen={(d: WebhookDelivery) => setOpen(d.id)}
              onReplay={canManage ? (d) => replay(d.id, { deliveryId: d.id }) : undefined}
              replaying={typeof replaying === 'number' ? replaying : null}
            />
            <ListPagination pageCount={pageCount} total={total} defaultPageSize={DEFAULT_PAGE_SIZE} noun={['delivery', 'deliveries']} />
          </Box>
        )}
      </Flex>
      <DeliveryModal
        deliveryId={open}
        refreshKey={openKey}
        onClose={() => setOpen(null)}
        onReplay={canManage ? (id) => replay(id, { deliveryId: id }) : undefined}
        replaying={replaying === open && open !== null}
      />
      <Dialog.Root open={confirmDead} onOpenChange={setConfirmDead}>
        <ConfirmDialog
          title="Replay all dead letters?"
          icon={<ArrowClockwise />}
          endAction={
            <Button
              fullWidth
              startIcon={<ArrowClockwise />}
              loading={replaying === 'dead'}
              onClick={async () => {
                await replay('dead', { dead: true });
                setConfirmDead(false);
              }}
            >
              Replay
            </Button>
          }
        >
          {`The ${dead === 1 ? 'dead letter' : `${dead} dead letters`} of this endpoint ${dead === 1 ? 'is' : 'are'} sent again now, and retried on the usual schedule if the receiver still fails.`}
        </ConfirmDialog>
      </Dialog.Root>
      <ResyncModal
        open={resync}
        busy={replaying === 'since'}
        onCancel={() => setResync(false)}
        onResync={async (since: Date) => {
          if (await replay('since', { since: since.toISOString() })) {
            setResync(false);
            toggleNotification({ type: 'info', message: `Re-sync since ${formatDateTime(since.toISOString())} queued` });
          }
        }}
      />
    </Box>
  );
};
