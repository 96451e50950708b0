/**
 * Validation and standardisation: a stage early in every governed write (after governance's bounds),
 * and the country and currency custom fields (pickers in the admin panel; on the server plain strings,
 * so the stage's rules and the schema's maxLength still decide what is stored).
 */
import type { Capability } from '../governance/capability';
import { CUSTOM_FIELDS } from '../../../shared/contracts/fields';
import { validationStage } from './stage';

export const validation: Capability = {
  name: 'validation',
  register({ strapi, governance }) {
    // Registered whether governance is on or off: schemas name these fields either way.
    strapi.customFields.register([
      { name: CUSTOM_FIELDS.country, plugin: 'master-data', type: 'string', inputSize: { default: 6, isResizable: true } },
      { name: CUSTOM_FIELDS.currency, plugin: 'master-data', type: 'string', inputSize: { default: 6, isResizable: true } },
    ]);
    governance.addStage(validationStage);
  },
};
