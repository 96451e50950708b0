import { governanceController } from './governance/controller';
import { auditController } from './audit/controller';
import { matchingController } from './matching/controller';
import { mergeController } from './merging/controller';

export default {
  governance: governanceController,
  audit: auditController,
  matching: matchingController,
  merge: mergeController,
};
