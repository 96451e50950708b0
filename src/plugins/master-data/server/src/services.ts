import { codeService } from './codes/service';
import { governanceService } from './governance/service';
import { auditService } from './audit/service';

export default {
  codes: codeService,
  governance: governanceService,
  audit: auditService,
};
