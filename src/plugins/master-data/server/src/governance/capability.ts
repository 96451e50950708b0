/**
 * How a capability plugs in: at the plugin's `register`, it declares its admin permissions and
 * hands its pipeline stages and event consumers to governance; at `bootstrap`, it prepares what it
 * needs from the database. The plugin's top-level register/bootstrap call every capability in the
 * order of ../capabilities.ts; governance itself knows none of them.
 */
import type { Core } from '@strapi/strapi';
import type { GovernanceService, Resolved } from './service';

export interface Capability {
  name: string;
  register?(input: { strapi: Core.Strapi; governance: GovernanceService }): Promise<void> | void;
  /** Runs whether or not the pipeline is enabled (schemas); `enabled` says which. */
  bootstrap?(input: { strapi: Core.Strapi; governance: GovernanceService; enabled: boolean }): Promise<void> | void;
  /**
   * Settings saved in the admin panel were put in force on this instance (every instance calls it):
   * prepare what they need (counters of newly governed types, match keys to rebuild in the background).
   */
  reconfigure?(input: { strapi: Core.Strapi; governance: GovernanceService; next: Resolved; previous: Resolved; initiator: boolean }): Promise<void> | void;
  /** Stops what `bootstrap` started (background loops), when Strapi shuts down. */
  destroy?(input: { strapi: Core.Strapi }): Promise<void> | void;
}
