import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { DuplicatePair, PairStatus } from '../../../shared/contracts/matching';
import { errorMessage } from '../utils/audit';
import { DUPLICATES_URL, type ListDuplicatesResponse, type Pagination, type RecordSummaries } from '../utils/duplicates';

interface Query {
  status: PairStatus;
  page: number;
  pageSize: number;
}

interface State {
  pairs: DuplicatePair[];
  records: RecordSummaries;
  pagination: Pagination | null;
  loading: boolean;
  error: string | null;
}

/** A page of the review queue (pairs of one status, strongest first) with a summary of each record. */
export const useDuplicatePairs = ({ status, page, pageSize }: Query) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ pairs: [], records: {}, pagination: null, loading: true, error: null });
  const [reloads, setReloads] = useState(0);
  // An encoded string: the fetch client appends it as it is.
  const search = new URLSearchParams({ status, page: String(page), pageSize: String(pageSize) }).toString();

  useEffect(() => {
    let active = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    get<ListDuplicatesResponse>(DUPLICATES_URL, { params: search })
      .then(({ data }) => active && setState({ pairs: data.results, records: data.records ?? {}, pagination: data.pagination, loading: false, error: null }))
      .catch((e: unknown) => active && setState({ pairs: [], records: {}, pagination: null, loading: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get, search, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return { ...state, reload };
};
