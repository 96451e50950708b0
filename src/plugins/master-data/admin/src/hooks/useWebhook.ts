import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../utils/audit';
import { WEBHOOKS_URL, type WebhookEndpoint } from '../utils/webhooks';

interface State {
  endpoint: WebhookEndpoint | null;
  loading: boolean;
  error: string | null;
}

/** One webhook endpoint; no request for id 0. */
export const useWebhook = (id: number) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ endpoint: null, loading: true, error: null });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (!id) {
      setState({ endpoint: null, loading: false, error: 'not an endpoint id' });
      return;
    }
    let active = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    get<{ data: WebhookEndpoint }>(`${WEBHOOKS_URL}/${id}`)
      .then(({ data }) => active && setState({ endpoint: data.data, loading: false, error: null }))
      .catch((e: unknown) => active && setState({ endpoint: null, loading: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get, id, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  /** Shows an endpoint the server just returned (after an edit or a rotation) without another fetch. */
  const replace = useCallback((endpoint: WebhookEndpoint) => setState({ endpoint, loading: false, error: null }), []);
  return { ...state, reload, replace };
};
