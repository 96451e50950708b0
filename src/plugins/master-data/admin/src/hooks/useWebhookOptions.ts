import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../utils/audit';
import { WEBHOOKS_URL, type WebhookOptions } from '../utils/webhooks';

/** The event types, governed content types (with their fields) and systems an endpoint may use. */
export const useWebhookOptions = () => {
  const { get } = useFetchClient();
  const [state, setState] = useState<{ options: WebhookOptions | null; error: string | null }>({ options: null, error: null });

  useEffect(() => {
    let active = true;
    get<{ data: WebhookOptions }>(`${WEBHOOKS_URL}/options`)
      .then(({ data }) => active && setState({ options: data.data, error: null }))
      .catch((e: unknown) => active && setState({ options: null, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get]);

  return state;
};
