import { codeService } from './codes/service';
import { governanceService } from './governance/service';

export default {
  codes: codeService,
  governance: governanceService,
};
