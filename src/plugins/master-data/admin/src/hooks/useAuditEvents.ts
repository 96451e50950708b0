import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AuditEventView, AuditQuery, ListAuditEvents } from '../../../shared/contracts/audit';
import { AUDIT_EVENTS_URL, errorMessage, toSearchString } from '../utils/audit';

interface State {
  events: AuditEventView[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
}

/**
 * Audit events matching `query`, newest first, a page at a time: `loadMore` appends the next page
 * (the events older than the last one shown). A new query starts over; `reload` refetches.
 */
export const useAuditEvents = (query: AuditQuery, { limit = 50, refreshKey }: { limit?: number; refreshKey?: unknown } = {}) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ events: [], nextCursor: null, loading: true, loadingMore: false, error: null });
  const [reloads, setReloads] = useState(0);
  // The query as a string: a stable dependency, and what a stale response is recognised by.
  const search = toSearchString({ ...query, limit });
  const current = useRef(search);
  current.current = search;

  useEffect(() => {
    let active = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    get<ListAuditEvents['Response']>(AUDIT_EVENTS_URL, { params: search })
      .then(({ data }) => active && setState({ events: data.data, nextCursor: data.meta.nextCursor, loading: false, loadingMore: false, error: null }))
      .catch((e: unknown) => active && setState({ events: [], nextCursor: null, loading: false, loadingMore: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get, search, reloads, refreshKey]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const requested = search;
    setState((s) => ({ ...s, loadingMore: true }));
    get<ListAuditEvents['Response']>(AUDIT_EVENTS_URL, { params: toSearchString({ ...query, limit, cursor }) })
      .then(({ data }) => {
        if (current.current !== requested) return;
        setState((s) => ({ ...s, events: [...s.events, ...data.data], nextCursor: data.meta.nextCursor, loadingMore: false }));
      })
      .catch((e: unknown) => {
        if (current.current !== requested) return;
        setState((s) => ({ ...s, loadingMore: false, error: errorMessage(e) }));
      });
  }, [get, query, limit, search, state.nextCursor, state.loadingMore]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return { ...state, loadMore, reload };
};
