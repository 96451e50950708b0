/**
 * The plugin's view of its configuration: parsed (with defaults) and checked against the schemas
 * once, at bootstrap.
 */
import type { Core } from '@strapi/strapi';
import { configSchema, type GovernedTypeConfig } from '../config/schema';
import { resolveGovernance } from './registry';
import type { GovernedType } from '../../../shared/contracts/governance';

export const governanceService = ({ strapi }: { strapi: Core.Strapi }) => {
  let resolved: { enabled: boolean; governed: Map<string, GovernedTypeConfig> } | undefined;

  return {
    /** Parses and checks the configuration; throws naming the bad key. Cached after the first call. */
    load() {
      if (!resolved) {
        const config = configSchema.parse(strapi.config.get('plugin::master-data'));
        resolved = { enabled: config.enabled, governed: resolveGovernance(strapi, config) };
      }
      return resolved;
    },

    /** The configuration as the admin panel shows it. */
    describe(): { enabled: boolean; governed: GovernedType[] } {
      const { enabled, governed } = this.load();
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
};

export type GovernanceService = ReturnType<typeof governanceService>;
