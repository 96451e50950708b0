/**
 * The plugin's view of its configuration: parsed (with defaults) and checked against the schemas
 * once, at bootstrap.
 */
import type { Core } from '@strapi/strapi';
import { configSchema, type GovernedTypeConfig } from '../config/schema';
import { resolveGovernance } from './registry';
import type { GovernedType } from '../../../shared/contracts/governance';
import type { Stage } from './pipeline';
import { validationStage } from '../validation/stage';
import { codeStage } from '../codes/stage';
import { auditStage } from '../audit/stage';
import { matchingStage } from '../matching/stage';
import { mergeMarkerStage, survivorLockStage } from '../merging/stage';
import { boundsStage } from '../validation/bounds';

export const governanceService = ({ strapi }: { strapi: Core.Strapi }) => {
  let resolved: { enabled: boolean; governed: Map<string, GovernedTypeConfig> } | undefined;
  /** The governed-write pipeline, in order. The middleware reads this array on every write. */
  const stages: Stage[] = [boundsStage, survivorLockStage, mergeMarkerStage, validationStage, codeStage, matchingStage, auditStage];

  return {
    stages: () => stages,

    /**
     * Adds a stage to the pipeline, by default at the end (its `after` then runs last in the
     * write's transaction, and may still refuse the write by throwing).
     */
    addStage(stage: Stage, { before }: { before?: string } = {}) {
      const index = before ? stages.findIndex((s) => s.name === before) : -1;
      if (index === -1) stages.push(stage);
      else stages.splice(index, 0, stage);
    },

    removeStage(name: string) {
      const index = stages.findIndex((s) => s.name === name);
      if (index !== -1) stages.splice(index, 1);
    },

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
