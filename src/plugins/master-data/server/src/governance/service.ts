/**
 * Governance: the configuration (parsed and checked against the schemas once), the pipeline's
 * stages and the event stream's consumers. Capabilities register their stages and consumers here
 * at start-up (each from its own folder); governance imports none of them.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { configSchema, type GovernedTypeConfig, type MasterDataConfig } from '../config/schema';
import { resolveGovernance } from './registry';
import type { GovernedType } from '../../../shared/contracts/governance';
import type { DomainEvent } from '../../../shared/contracts/events';
import type { EmittedEvent, EventConsumer, EventContext, Stage } from './pipeline';
import { currentRequest } from './request';

const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;

const register = <T extends { name: string; order: number }>(list: T[], item: T, what: string) => {
  if (list.some((existing) => existing.name === item.name)) throw new Error(`master-data: a ${what} named "${item.name}" is already registered`);
  list.push(item);
  list.sort(byOrder);
};

export const governanceService = ({ strapi }: { strapi: Core.Strapi }) => {
  let resolved: { enabled: boolean; governed: Map<string, GovernedTypeConfig>; config: MasterDataConfig } | undefined;
  /** The governed-write pipeline, by order. The middleware reads this array on every write. */
  const stages: Stage<any>[] = [];
  /** Consumers of domain events, by order. */
  const consumers: EventConsumer[] = [];

  const service = {
    stages: () => stages,
    consumers: () => consumers,

    /** Adds a stage at its declared `order` (see docs/ARCHITECTURE.md); without one, last. */
    addStage<K>(stage: Omit<Stage<K>, 'order'> & { order?: number }) {
      register(stages, { ...stage, order: stage.order ?? Number.MAX_SAFE_INTEGER } as Stage<K>, 'stage');
    },

    removeStage(name: string) {
      const index = stages.findIndex((s) => s.name === name);
      if (index !== -1) stages.splice(index, 1);
    },

    /** Adds a consumer of domain events at its declared `order`; without one, last. */
    addConsumer(consumer: Omit<EventConsumer, 'order'> & { order?: number }) {
      register(consumers, { ...consumer, order: consumer.order ?? Number.MAX_SAFE_INTEGER }, 'event consumer');
    },

    removeConsumer(name: string) {
      const index = consumers.findIndex((c) => c.name === name);
      if (index !== -1) consumers.splice(index, 1);
    },

    /**
     * Hands a complete event to every consumer, in order, inside `trx` (the transaction of the
     * change it describes: a consumer that throws rolls the change back).
     */
    async dispatch({ trx, event, context }: { trx: Knex.Transaction; event: DomainEvent; context?: EventContext }) {
      for (const consumer of consumers) await consumer.handle(event, trx, context);
    },

    /**
     * Emits an event from outside a governed write (merge, retention, reconcile): who and where
     * from are those of the current request (or `system`/`code` outside one).
     */
    async emit({ trx, event }: { trx: Knex.Transaction; event: EmittedEvent }) {
      const { origin, actor, request, system } = currentRequest(strapi);
      await service.dispatch({ trx, event: { ...event, locale: event.locale ?? null, reason: event.reason ?? request.reason, origin, source: system, actor, request } });
    },

    /** Parses and checks the configuration; throws naming the bad key. Cached after the first call. */
    load() {
      if (!resolved) {
        const config = configSchema.parse(strapi.config.get('plugin::master-data'));
        resolved = { enabled: config.enabled, governed: resolveGovernance(strapi, config), config };
      }
      return resolved;
    },

    /** The configuration as the admin panel shows it. */
    describe(): { enabled: boolean; governed: GovernedType[] } {
      const { enabled, governed } = service.load();
      return {
        enabled,
        governed: [...governed].map(([uid, config]) => ({
          uid,
          displayName: (strapi.contentTypes as Record<string, any>)[uid].info.displayName,
          code: config.code,
          fields: Object.entries(config.fields).map(([path, rule]) => ({ path, ...rule })),
        })),
      };
    },
  };
  return service;
};

export type GovernanceService = ReturnType<typeof governanceService>;
