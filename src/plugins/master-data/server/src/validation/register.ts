/** Validation and standardisation: a stage early in every governed write (after governance's bounds). */
import type { Capability } from '../governance/capability';
import { validationStage } from './stage';

export const validation: Capability = {
  name: 'validation',
  register({ governance }) {
    governance.addStage(validationStage);
  },
};
