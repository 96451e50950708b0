import { Box, EmptyStateLayout, Flex, Loader } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router-dom';
import type { DuplicatePair, PairStatus } from '../../../shared/contracts/matching';
import { DuplicatePairsTable } from '../components/DuplicatePairsTable';
import { ListPagination } from '../components/ListPagination';
import { StatusFilter } from '../components/StatusFilter';
import { useDuplicatePairs } from '../hooks/useDuplicatePairs';
import { PERMISSIONS } from '../permissions';
import { isPairStatus, pairPath, STATUS_OPTIONS, statusLabel } from '../utils/duplicates';
import { DuplicatePairPage } from './DuplicatePairPage';

const DEFAULT_PAGE_SIZE = 25;

const positive = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * The review queue: pairs of records that may be the same customer, strongest first. The status,
 * page and page size live in the URL (`?status=merged&page=2`), so a filtered page can be linked.
 */
const DuplicatesQueue = () => {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const rawStatus = searchParams.get('status');
  const status: PairStatus = isPairStatus(rawStatus) ? rawStatus : 'open';
  const page = positive(searchParams.get('page'), 1);
  const pageSize = Math.min(100, positive(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE));
  const { pairs, records, pagination, loading, error } = useDuplicatePairs({ status, page, pageSize });

  const setStatus = (next: PairStatus) => {
    const params = new URLSearchParams(searchParams);
    params.set('status', next);
    params.delete('page');
    setSearchParams(params);
  };
  const open = (pair: DuplicatePair) => navigate(pairPath(pair.id));
  const total = pagination?.total ?? 0;

  return (
    <Page.Main>
      <Page.Title>Duplicates</Page.Title>
      <Layouts.Header title="Duplicates" subtitle="Pairs of records that may be the same customer, strongest first. Open a pair to compare the records, merge them or dismiss it." />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <StatusFilter value={status} options={STATUS_OPTIONS} onChange={setStatus} />
          {loading && pairs.length === 0 ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>Loading the pairs…</Loader>
            </Flex>
          ) : error ? (
            <EmptyStateLayout content={`The pairs could not be loaded: ${error}`} hasRadius shadow="tableShadow" />
          ) : pairs.length === 0 ? (
            <EmptyStateLayout content={`No pairs with the status “${statusLabel(status)}”.`} hasRadius shadow="tableShadow" />
          ) : (
            <Box>
              <DuplicatePairsTable pairs={pairs} records={records} onOpen={open} />
              <ListPagination pageCount={pagination?.pageCount ?? 1} total={total} defaultPageSize={DEFAULT_PAGE_SIZE} noun={['pair', 'pairs']} />
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** The Duplicates page: the review queue, and a pair's comparison at `…/duplicates/:id`. */
const DuplicatesPage = () => (
  <Page.Protect permissions={PERMISSIONS.duplicatesRead}>
    <Routes>
      <Route index element={<DuplicatesQueue />} />
      <Route path=":id" element={<DuplicatePairPage />} />
    </Routes>
  </Page.Protect>
);

export default DuplicatesPage;
