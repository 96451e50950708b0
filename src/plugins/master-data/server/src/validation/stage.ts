/**
 * Pipeline stage 1: standardise and validate the written fields per the content type's rules.
 * A bad value refuses the whole write with HTTP 400, naming each field and the reason.
 */
import { errors } from '@strapi/utils';
import type { Stage } from '../governance/pipeline';
import { applyFieldRules, needsExisting } from './domain/apply';

const WITH_DATA = new Set(['create', 'update', 'clone']);

export const validationStage: Stage = {
  name: 'validation',
  order: 400,
  async before(write) {
    const data = write.params.data;
    const rules = write.config.fields;
    if (!WITH_DATA.has(write.action) || typeof data !== 'object' || data === null) return;

    const existing = needsExisting(rules, data) ? await write.existing() : null;
    // A required field left out counts on a create that publishes (a draft may be incomplete, as in Strapi).
    const requireMissing = write.action === 'create' && write.params.status !== 'draft';
    const result = applyFieldRules({ rules, data, existing, requireMissing });
    if (result.errors.length > 0) {
      const message = result.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ');
      throw new errors.ValidationError(message, {
        errors: result.errors.map((e) => ({ path: e.path.map(String), message: e.message, name: 'ValidationError', rule: e.rule })),
      });
    }
    write.params.data = result.data;
  },
};
