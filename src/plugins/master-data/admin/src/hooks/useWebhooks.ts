import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../utils/audit';
import { WEBHOOKS_URL, type WebhookEndpoint } from '../utils/webhooks';

interface State {
  endpoints: WebhookEndpoint[];
  loading: boolean;
  error: string | null;
}

/** Every webhook endpoint with its delivery counts. */
export const useWebhooks = () => {
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ endpoints: [], loading: true, error: null });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let active = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    get<{ data: WebhookEndpoint[] }>(WEBHOOKS_URL)
      .then(({ data }) => active && setState({ endpoints: data.data, loading: false, error: null }))
      .catch((e: unknown) => active && setState({ endpoints: [], loading: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...state, reload };
};
