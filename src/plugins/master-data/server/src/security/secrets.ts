/**
 * Refuses to start when a secret the plugin relies on is missing, or, in production, a placeholder
 * (see ./domain/secrets.ts). Runs in `register`, before any write can be keyed with a weak secret.
 */
import type { Core } from '@strapi/strapi';
import { secretProblems } from './domain/secrets';

export const assertSecrets = (strapi: Core.Strapi) => {
  const production = process.env.NODE_ENV === 'production';
  const problems = secretProblems(
    [
      { name: 'ENCRYPTION_KEY', value: strapi.config.get('admin.secrets.encryptionKey') as string | undefined, requiredEverywhere: true },
      { name: 'APP_KEYS', value: strapi.config.get('server.app.keys') as string[] | undefined },
      { name: 'ADMIN_JWT_SECRET', value: strapi.config.get('admin.auth.secret') as string | undefined },
      { name: 'API_TOKEN_SALT', value: strapi.config.get('admin.apiToken.salt') as string | undefined },
      { name: 'TRANSFER_TOKEN_SALT', value: strapi.config.get('admin.transfer.token.salt') as string | undefined },
      { name: 'JWT_SECRET', value: strapi.config.get('plugin::users-permissions.jwtSecret') as string | undefined },
    ],
    { production }
  );
  if (problems.length > 0) {
    throw new Error(
      `master-data refuses to start${production ? ' in production' : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Set them in the environment (or .env); the audit trail is keyed with ENCRYPTION_KEY and never falls back to another secret.'
    );
  }
};

/** The key of the audit chain and of fingerprints: ENCRYPTION_KEY, checked at start-up. */
export const encryptionKey = (strapi: Core.Strapi): string => {
  const value = strapi.config.get('admin.secrets.encryptionKey');
  if (typeof value !== 'string' || value.trim() === '') throw new Error('master-data needs ENCRYPTION_KEY (admin.secrets.encryptionKey)');
  return value;
};
