/**
 * The webhooks service: endpoints, the outbox consumer, the delivery log and this instance's
 * dispatcher, wired together once per Strapi instance.
 */
import type { Core } from '@strapi/strapi';
import { catalogue as createCatalogue } from './catalogue';
import { endpointStore } from './endpoints';
import { createOutbox } from './outbox';
import { createLog } from './log';
import { createDispatcher } from './dispatcher';

export const webhooksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const catalogue = createCatalogue(strapi);
  const endpoints = endpointStore(strapi, catalogue);
  let dispatcher: ReturnType<typeof createDispatcher> | undefined;
  const wake = () => dispatcher?.wake();
  const outbox = createOutbox(strapi, catalogue, endpoints, wake);
  const log = createLog(strapi, catalogue, endpoints, outbox, wake);
  return {
    catalogue,
    endpoints,
    outbox,
    log,
    /** Starts this instance's dispatcher (bootstrap, when `webhooks.dispatcher` is on). */
    startDispatcher() {
      dispatcher ??= createDispatcher(strapi, catalogue, endpoints);
      dispatcher.start();
      return dispatcher;
    },
    dispatcher: () => dispatcher,
    async stopDispatcher() {
      await dispatcher?.stop();
    },
  };
};

export type WebhooksService = ReturnType<typeof webhooksService>;

declare module '../governance/services' {
  interface PluginServices {
    webhooks: WebhooksService;
  }
}
