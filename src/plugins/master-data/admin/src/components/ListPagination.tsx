import { Flex, Typography } from '@strapi/design-system';
import { Pagination } from '@strapi/strapi/admin';

const PAGE_SIZES = ['10', '25', '50', '100'];

interface Props {
  pageCount: number;
  total: number;
  defaultPageSize: number;
  /** What is counted: ['pair', 'pairs']. */
  noun: [string, string];
}

/** Page size, total and page links under a list (page and pageSize live in the URL). */
export const ListPagination = ({ pageCount, total, defaultPageSize, noun }: Props) => (
  <Pagination.Root pageCount={pageCount} total={total} defaultPageSize={defaultPageSize}>
    <Flex gap={4}>
      <Pagination.PageSize options={PAGE_SIZES} />
      <Typography variant="pi" textColor="neutral600">
        {`${total} ${total === 1 ? noun[0] : noun[1]}`}
      </Typography>
    </Flex>
    <Pagination.Links />
  </Pagination.Root>
);
