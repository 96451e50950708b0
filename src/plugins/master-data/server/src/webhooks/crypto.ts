/**
 * Endpoint secrets at rest: AES-256-GCM under a key derived from ENCRYPTION_KEY (kept outside the
 * database), so that a copy of the database alone cannot sign webhooks. `v1:<iv>:<tag>:<data>`.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const keyOf = (encryptionKey: string) => createHash('sha256').update(`master-data:webhook-secrets:${encryptionKey}`).digest();

export const sealSecret = (encryptionKey: string, secret: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(encryptionKey), iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
};

export const openSecret = (encryptionKey: string, sealed: string): string => {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('master-data: a webhook secret is stored in an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(encryptionKey), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
};
