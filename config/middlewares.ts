import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Request bodies are bounded before they are parsed (413 above the limit): a customer with its
  // components is a few kilobytes, an admin content-manager save of one with fifty addresses under
  // 100 kB. Multipart uploads keep their own limit (the upload plugin's sizeLimit).
  { name: 'strapi::body', config: { jsonLimit: '1mb', formLimit: '256kb', textLimit: '256kb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
