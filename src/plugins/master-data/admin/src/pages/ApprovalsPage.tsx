import { Badge, Box, EmptyStateLayout, Flex, Loader, Tabs } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router-dom';
import { ChangeRequestsTable } from '../components/ChangeRequestsTable';
import { ListPagination } from '../components/ListPagination';
import { StatusFilter } from '../components/StatusFilter';
import { useChangeRequests } from '../hooks/useChangeRequests';
import { PERMISSIONS } from '../permissions';
import { changeRequestPath, isStatusFilter, isTab, STATUS_OPTIONS, statusLabel, TABS, type ApprovalsTab, type ChangeRequestView, type StatusChoice } from '../utils/approvals';
import { ChangeRequestPage } from './ChangeRequestPage';

const DEFAULT_PAGE_SIZE = 25;

const positive = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const EMPTY: Record<ApprovalsTab, string> = {
  approvable: 'No change requests are waiting for you',
  mine: 'You have submitted no change requests',
  all: 'No change requests',
};

/**
 * The approval queue: change requests waiting for the viewer, submitted by the viewer, or all, with
 * the number of pending requests on each tab. Tab, status, page and page size live in the URL
 * (`?tab=mine&status=applied`), so a filtered list can be linked.
 */
const ApprovalsQueue = () => {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const { allowedActions } = useRBAC(PERMISSIONS.changeRequestsApprove);
  const rawTab = searchParams.get('tab');
  // Approvers start with what waits for them; everyone else with what they submitted.
  const tab: ApprovalsTab = isTab(rawTab) ? rawTab : allowedActions.canApprove ? 'approvable' : 'mine';
  const rawStatus = searchParams.get('status');
  const status: StatusChoice = isStatusFilter(rawStatus) ? rawStatus : 'pending';
  const page = positive(searchParams.get('page'), 1);
  const pageSize = Math.min(100, positive(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE));
  const { requests, pagination, counts, loading, error } = useChangeRequests({
    status: status === 'any' ? undefined : status,
    approvable: tab === 'approvable' ? 'me' : undefined,
    mine: tab === 'mine',
    page,
    pageSize,
  });

  const set = (changes: Record<string, string>) => {
    const params = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) params.set(key, value);
    params.delete('page');
    setSearchParams(params);
  };
  const open = (request: ChangeRequestView) => navigate(changeRequestPath(request.id));
  const total = pagination?.total ?? 0;
  const pageCount = pagination?.pageCount ?? Math.max(1, Math.ceil(total / (pagination?.pageSize || pageSize)));

  return (
    <Page.Main>
      <Page.Title>Approvals</Page.Title>
      <Layouts.Header
        title="Approvals"
        subtitle="Changes to governed records that wait for sign-off. Open a request to see the change field by field, approve or reject it."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Tabs.Root variant="simple" value={tab} onValueChange={(value) => isTab(value) && set({ tab: value })}>
            <Tabs.List aria-label="Change requests">
              {TABS.map((t) => (
                <Tabs.Trigger key={t.value} value={t.value}>
                  <Flex gap={2}>
                    {t.label}
                    <Badge size="S" variant={t.value === 'approvable' && (counts?.approvable ?? 0) > 0 ? 'warning' : 'neutral'} data-count={t.value}>
                      {counts ? String(counts[t.count]) : '…'}
                    </Badge>
                  </Flex>
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs.Root>
          <StatusFilter value={status} options={STATUS_OPTIONS} onChange={(v) => set({ status: v })} />
          {loading && requests.length === 0 ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>Loading the change requests…</Loader>
            </Flex>
          ) : error ? (
            <EmptyStateLayout content={`The change requests could not be loaded: ${error}`} hasRadius shadow="tableShadow" />
          ) : requests.length === 0 ? (
            <EmptyStateLayout
              content={`${EMPTY[tab]}${status === 'any' ? '' : ` with the status “${statusLabel(status)}”`}.`}
              hasRadius
              shadow="tableShadow"
            />
          ) : (
            <Box>
              <ChangeRequestsTable requests={requests} onOpen={open} />
              <ListPagination pageCount={pageCount} total={total} defaultPageSize={DEFAULT_PAGE_SIZE} noun={['change request', 'change requests']} />
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** The Approvals page: the queue, and a change request at `…/approvals/:id`. */
const ApprovalsPage = () => (
  <Page.Protect permissions={PERMISSIONS.changeRequestsRead}>
    <Routes>
      <Route index element={<ApprovalsQueue />} />
      <Route path=":id" element={<ChangeRequestPage />} />
    </Routes>
  </Page.Protect>
);

export default ApprovalsPage;
