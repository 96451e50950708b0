/**
 * Standard Webhooks 1.0 signing with the official `standardwebhooks` library: secrets `whsec_` +
 * base64 of 24 random bytes; every attempt is signed anew (`webhook-timestamp` is the attempt's);
 * during a rotation's overlap both the new and the previous secret sign, space-separated in
 * `webhook-signature`, as the specification allows, so a receiver holding either verifies.
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** The secret as the admin panel shows it afterwards: its first characters only. */
export const secretHint = (secret: string) => `${secret.slice(0, 10)}…`;

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three Standard Webhooks headers for `body`, signed with every secret in `secrets`. */
export const signHeaders = (secrets: string[], id: string, at: Date, body: string): SignedHeaders => {
  if (secrets.length === 0) throw new Error('a webhook needs at least one secret to be signed');
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body));
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signatures.join(' ') };
};
