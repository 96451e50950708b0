import { governanceController } from './governance/controller';

export default {
  governance: governanceController,
};
