/**
 * The audit trail as a consumer of the domain event stream: every event becomes one hash-chained
 * row, appended in the transaction of the change (so no change commits without its row).
 */
import type { Core } from '@strapi/strapi';
import type { EventConsumer } from '../governance/pipeline';
import { getService } from '../governance/services';

export const auditConsumer = (strapi: Core.Strapi): EventConsumer => ({
  name: 'audit',
  order: 100,
  async handle(event, trx) {
    await getService('audit', strapi).record({
      trx,
      uid: event.uid,
      documentId: event.documentId,
      locale: event.locale,
      action: event.action,
      changes: event.changes,
      reason: event.reason,
      actor: event.actor,
      request: event.request,
    });
  },
});
