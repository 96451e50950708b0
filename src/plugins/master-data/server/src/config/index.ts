import { configSchema, describeIssues } from './schema';

export default {
  default: { enabled: true, governed: {} },
  /** Strapi calls this with the merged config; throwing stops start-up with the message. */
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      throw new Error(`Invalid master-data plugin configuration:\n${describeIssues(result.error)}`);
    }
  },
};
