/**
 * What sync writes to, from the configuration (`sync` in the plugin config), checked against the
 * schemas at start-up: a governed content type and its repeatable component of external ids
 * (`system`, `externalId` text attributes). With systems configured, a bad key stops start-up
 * naming it; without, sync is simply off (no routes) and the uniqueness of external ids is still
 * kept when the type and component are there.
 */
import type { Core } from '@strapi/strapi';
import { configSchema, type SyncConfig } from '../config/schema';

export interface SyncTarget {
  uid: string;
  /** The repeatable component attribute holding the pairs. */
  field: string;
  /** The component's uid. */
  component: string;
  /** Lengths the component's attributes allow (the URL's values are checked against them). */
  maxSystemLength: number;
  maxExternalIdLength: number;
  systems: string[];
  batch: SyncConfig['batch'];
  idempotency: SyncConfig['idempotency'];
}

const TEXT = new Set(['string', 'text', 'uid']);

const cache = new WeakMap<Core.Strapi, SyncTarget | null>();

/** The sync target, or null when the configured type has no external id component (and no systems are configured). Throws naming the bad key. */
export const syncTarget = (strapi: Core.Strapi): SyncTarget | null => {
  if (cache.has(strapi)) return cache.get(strapi)!;
  const parsed = configSchema.parse(strapi.config.get('plugin::master-data'));
  const config = parsed.sync;
  const strict = config.systems.length > 0;
  const fail = (key: string, message: string): null => {
    if (!strict) return null;
    throw new Error(`Invalid master-data plugin configuration:\nmaster-data.config.sync.${key}: ${message}`);
  };
  const resolve = (): SyncTarget | null => {
    const model = (strapi.contentTypes as Record<string, any>)[config.uid];
    if (!model) return fail('uid', `no content type "${config.uid}" exists`);
    // The file's configuration, not `governance.load()`: this runs at register, before Strapi has
    // resolved custom fields to their types, and the governed types are checked once that is done.
    if (!(config.uid in parsed.governed)) return fail('uid', `${config.uid} is not governed (add it under governed): sync writes go through the governed pipeline`);
    const attribute = model.attributes[config.field];
    if (!attribute || attribute.type !== 'component' || !attribute.repeatable) return fail('field', `${config.uid}.${config.field} is not a repeatable component`);
    const component = (strapi.components as Record<string, any>)[attribute.component];
    const system = component?.attributes?.system;
    const externalId = component?.attributes?.externalId;
    if (!system || !TEXT.has(system.type)) return fail('field', `${attribute.component} has no text attribute "system"`);
    if (!externalId || !TEXT.has(externalId.type)) return fail('field', `${attribute.component} has no text attribute "externalId"`);
    for (const name of config.systems) {
      if (system.maxLength && name.length > system.maxLength) return fail('systems', `"${name}" is longer than ${attribute.component}.system allows (${system.maxLength})`);
    }
    return {
      uid: config.uid,
      field: config.field,
      component: attribute.component,
      maxSystemLength: system.maxLength ?? 255,
      maxExternalIdLength: externalId.maxLength ?? 255,
      systems: config.systems,
      batch: config.batch,
      idempotency: config.idempotency,
    };
  };
  const target = resolve();
  cache.set(strapi, target);
  return target;
};
