import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../utils/audit';
import { WEBHOOKS_URL, type WebhookDelivery } from '../utils/webhooks';

interface State {
  delivery: WebhookDelivery | null;
  loading: boolean;
  error: string | null;
}

/** One delivery with its attempt log and payload; nothing while `id` is null; `refreshKey` fetches it again. */
export const useWebhookDelivery = (id: number | null, refreshKey: string | number = 0) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ delivery: null, loading: false, error: null });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (!id) {
      setState({ delivery: null, loading: false, error: null });
      return;
    }
    let active = true;
    setState((s) => ({ delivery: s.delivery?.id === id ? s.delivery : null, loading: true, error: null }));
    get<{ data: WebhookDelivery }>(`${WEBHOOKS_URL}/deliveries/${id}`)
      .then(({ data }) => active && setState({ delivery: data.data, loading: false, error: null }))
      .catch((e: unknown) => active && setState({ delivery: null, loading: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get, id, reloads, refreshKey]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...state, reload };
};
