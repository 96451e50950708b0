import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  WEBHOOKS_URL,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointInput,
  type WebhookEndpointWithSecret,
  type WebhookReplayInput,
} from '../utils/webhooks';

/** The endpoint's writes: each resolves to what the server answered, or throws its FetchError. */
export const useWebhookActions = () => {
  const { post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      /** The new endpoint with its secret, shown once. */
      create: async (input: WebhookEndpointInput) => (await post<{ data: WebhookEndpointWithSecret }>(WEBHOOKS_URL, input)).data.data,
      update: async (id: number, input: Partial<WebhookEndpointInput>) => (await put<{ data: WebhookEndpoint }>(`${WEBHOOKS_URL}/${id}`, input)).data.data,
      remove: async (id: number) => (await del<{ data: WebhookEndpoint }>(`${WEBHOOKS_URL}/${id}`)).data.data,
      /** The new secret, shown once; the previous one signs too until `previousSecretExpiresAt`. */
      rotate: async (id: number, overlapHours: number) =>
        (await post<{ data: WebhookEndpointWithSecret }>(`${WEBHOOKS_URL}/${id}/rotate`, { overlapHours })).data.data,
      /** Queues (and may already have attempted) a `webhook.test` delivery to this endpoint only. */
      test: async (id: number) => (await post<{ data: WebhookDelivery }>(`${WEBHOOKS_URL}/${id}/test`, {})).data.data,
      /** How many deliveries were queued again. */
      replay: async (id: number, input: WebhookReplayInput) => (await post<{ data: { queued: number } }>(`${WEBHOOKS_URL}/${id}/replay`, input)).data.data.queued,
    }),
    [post, put, del]
  );
};
