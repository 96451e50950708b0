/**
 * Governance: the configuration (parsed and checked against the schemas once), the pipeline's
 * stages and the event stream's consumers. Capabilities register their stages and consumers here
 * at start-up (each from its own folder); governance imports none of them.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { configSchema, type GovernedTypeConfig, type MasterDataConfig } from '../config/schema';
import { ConfigError, resolveGovernance } from './registry';
import type { GovernedType } from '../../../shared/contracts/governance';
import type { DomainEvent } from '../../../shared/contracts/events';
import type { EmittedEvent, EventConsumer, EventContext, Stage } from './pipeline';
import { currentRequest } from './request';
import { createJobs } from './jobs';

const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;

const register = <T extends { name: string; order: number }>(list: T[], item: T, what: string) => {
  if (list.some((existing) => existing.name === item.name)) throw new Error(`master-data: a ${what} named "${item.name}" is already registered`);
  list.push(item);
  list.sort(byOrder);
};

/** Keys of the configuration that belong to the deployment, not to the settings saved in the admin panel. */
export const ENVIRONMENT_KEYS = ['enabled', 'webhooks.allowedHosts', 'webhooks.dispatcher', 'webhooks.captureAll', 'sync'] as const;

/** A document whose deployment keys are those of `environment` (the file's), whatever it said. */
const withEnvironment = (document: Record<string, any>, environment: MasterDataConfig): Record<string, any> => ({
  ...document,
  enabled: environment.enabled,
  // Sync has content API routes (and permissions) per system, made at start-up.
  sync: environment.sync,
  webhooks: {
    ...(document.webhooks ?? {}),
    allowedHosts: environment.webhooks.allowedHosts,
    dispatcher: environment.webhooks.dispatcher,
    captureAll: environment.webhooks.captureAll,
  },
});

export interface Resolved {
  enabled: boolean;
  governed: Map<string, GovernedTypeConfig>;
  config: MasterDataConfig;
  /** 0: the file's configuration; then the version of the settings saved in the admin panel. */
  version: number;
}

/** `initiator`: this instance saved the settings (work to do once, like queuing a rebuild, is its). */
export type ChangeListener = (next: Resolved, previous: Resolved, initiator: boolean) => Promise<void> | void;

export const governanceService = ({ strapi }: { strapi: Core.Strapi }) => {
  let resolved: Resolved | undefined;
  const listeners: ChangeListener[] = [];
  const jobs = createJobs(strapi);
  /** The governed-write pipeline, by order. The middleware reads this array on every write. */
  const stages: Stage<any>[] = [];
  /** Consumers of domain events, by order. */
  const consumers: EventConsumer[] = [];

  const service = {
    /** Background work with visible progress (see ./jobs.ts). */
    jobs,
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

    /**
     * The configuration in force: the file's (`config/plugins.ts`), parsed and checked once, until
     * settings saved in the admin panel replace it (`apply`). Throws naming the bad key.
     */
    load(): Resolved {
      if (!resolved) {
        const config = configSchema.parse(strapi.config.get('plugin::master-data'));
        resolved = { enabled: config.enabled, governed: resolveGovernance(strapi, config), config, version: 0 };
      }
      return resolved;
    },

    /** The file's configuration (the defaults of the settings), parsed. */
    fileConfig(): MasterDataConfig {
      return configSchema.parse(strapi.config.get('plugin::master-data'));
    },

    /**
     * Checks a settings document (the shape of the plugin's `config`) without applying it: the
     * schema, then every name against the content types. Deployment keys (ENVIRONMENT_KEYS) keep the
     * file's values. Throws a ZodError or a ConfigError naming the key.
     */
    check(document: unknown): { config: MasterDataConfig; governed: Map<string, GovernedTypeConfig> } {
      if (!document || typeof document !== 'object' || Array.isArray(document)) throw new ConfigError('(root)', 'must be an object');
      const config = configSchema.parse(withEnvironment(document as Record<string, any>, service.fileConfig()));
      return { config, governed: resolveGovernance(strapi, config) };
    },

    /**
     * Puts a checked settings document in force on this instance (the next write uses it) and tells
     * the listeners (capabilities preparing what the new settings need). `version` orders documents:
     * an older one than in force is ignored.
     */
    async apply(document: unknown, version: number, { initiator = false }: { initiator?: boolean } = {}): Promise<boolean> {
      const previous = service.load();
      if (version <= previous.version) return false;
      const { config, governed } = service.check(document);
      resolved = { enabled: config.enabled, governed, config, version };
      for (const listener of listeners) await listener(resolved, previous, initiator);
      return true;
    },

    /** Called after settings change on this instance (caches, counters, background rebuilds). */
    onChange(listener: ChangeListener) {
      listeners.push(listener);
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
