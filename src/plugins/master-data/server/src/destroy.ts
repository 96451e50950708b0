import type { Core } from '@strapi/strapi';
import { CAPABILITIES } from './capabilities';
import { getService } from './governance/services';

/** Stops the capabilities' background work (the webhook dispatcher), last registered first. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  for (const capability of [...CAPABILITIES].reverse()) await capability.destroy?.({ strapi });
  await getService('governance', strapi).jobs.stop();
};
