import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage, toSearchString } from '../utils/audit';
import { nextPollDelay, WEBHOOKS_URL, type Pagination, type WebhookDelivery, type WebhookDeliveryQuery } from '../utils/webhooks';

interface State {
  deliveries: WebhookDelivery[];
  pagination: Pagination | null;
  loading: boolean;
  error: string | null;
}

/**
 * A page of an endpoint's delivery log. While a delivery shown is in flight or due within a minute,
 * the page is fetched again every two seconds (quietly: the table stays), so a test event or a
 * retry is seen landing without a reload. `refreshKey` fetches it again (after a test event).
 */
export const useWebhookDeliveries = (endpointId: number, query: WebhookDeliveryQuery, refreshKey = 0) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ deliveries: [], pagination: null, loading: true, error: null });
  const [reloads, setReloads] = useState(0);
  const search = toSearchString({ ...query });

  useEffect(() => {
    if (!endpointId) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (quiet: boolean) => {
      if (!quiet) setState((s) => ({ ...s, loading: true, error: null }));
      get<{ data: WebhookDelivery[]; meta: { pagination: Pagination } }>(`${WEBHOOKS_URL}/${endpointId}/deliveries`, { params: search })
        .then(({ data }) => {
          if (!active) return;
          setState({ deliveries: data.data, pagination: data.meta.pagination, loading: false, error: null });
          const delay = nextPollDelay(data.data);
          if (delay !== null) timer = setTimeout(() => load(true), delay);
        })
        .catch((e: unknown) => {
          if (active) setState((s) => ({ ...s, deliveries: quiet ? s.deliveries : [], loading: false, error: errorMessage(e) }));
        });
    };
    load(false);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [get, endpointId, search, reloads, refreshKey]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...state, reload };
};
