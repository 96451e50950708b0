import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage, toSearchString } from '../utils/audit';
import { CHANGE_REQUESTS_URL, type ChangeRequestView, type ListChangeRequestsResponse } from '../utils/approvals';

export interface ChangeRequestsQuery {
  status?: string;
  uid?: string;
  documentId?: string;
  approvable?: 'me';
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

interface State {
  requests: ChangeRequestView[];
  pagination: ListChangeRequestsResponse['meta']['pagination'] | null;
  counts: ListChangeRequestsResponse['meta']['counts'] | null;
  loading: boolean;
  error: string | null;
}

/**
 * A page of change requests (without comments) and the viewer's pending counts; `refreshKey`
 * refetches (e.g. the record's updatedAt in the edit view); `skip` makes no request.
 */
export const useChangeRequests = (query: ChangeRequestsQuery, { refreshKey, skip = false }: { refreshKey?: string; skip?: boolean } = {}) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ requests: [], pagination: null, counts: null, loading: !skip, error: null });
  const [reloads, setReloads] = useState(0);
  const search = toSearchString({
    status: query.status,
    uid: query.uid,
    documentId: query.documentId,
    approvable: query.approvable,
    mine: query.mine ? 'true' : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });

  useEffect(() => {
    if (skip) return;
    let active = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    get<ListChangeRequestsResponse>(CHANGE_REQUESTS_URL, { params: search })
      .then(({ data }) => active && setState({ requests: data.data, pagination: data.meta.pagination, counts: data.meta.counts, loading: false, error: null }))
      .catch((e: unknown) => active && setState({ requests: [], pagination: null, counts: null, loading: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get, search, reloads, refreshKey, skip]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...state, reload };
};
