import { governanceController } from './governance/controller';
import { auditController } from './audit/controller';

export default {
  governance: governanceController,
  audit: auditController,
};
