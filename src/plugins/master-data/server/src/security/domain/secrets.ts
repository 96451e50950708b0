/**
 * Start-up check of the secrets the plugin depends on. Pure: plain values in, problems out.
 *
 * ENCRYPTION_KEY keys the audit hash chain and the fingerprints of sensitive values. Without it, or
 * with a value copied from an example file, anyone who reads the code could recompute a forged
 * chain; so it is required everywhere, and in production it must look like a real secret. There is
 * no fallback to APP_KEYS: rotating session keys must never silently re-key the audit trail.
 */

/** Values found in Strapi's and this project's example files, and other obvious stand-ins. */
const PLACEHOLDERS = [
  'tobemodified',
  'tobemodified1',
  'tobemodified2',
  'changeme',
  'change-me',
  'secret',
  'encryptionkey',
  'encryption-key',
  'yourencryptionkey',
  'your-encryption-key',
  'example',
  'test',
  'password',
  'default',
];

/** Shortest secret accepted in production (characters; 16 base64 characters carry 96 bits). */
export const MIN_SECRET_LENGTH = 16;

export interface SecretInput {
  /** Environment variable name, for the message. */
  name: string;
  /** The value(s) Strapi's configuration holds (APP_KEYS is a list). */
  value: string | string[] | undefined | null;
  /** Refuse a missing value in every environment (not only production). */
  requiredEverywhere?: boolean;
}

const isPlaceholder = (value: string) => {
  const folded = value.trim().toLowerCase();
  return PLACEHOLDERS.includes(folded) || /^(tobemodified|changeme|xxx+|\*+|\.\.\.)\d*$/.test(folded) || /^<.*>$/.test(folded);
};

/** Problems with the given secrets, one line each; empty when they are fine. */
export const secretProblems = (secrets: SecretInput[], { production }: { production: boolean }): string[] => {
  const problems: string[] = [];
  for (const { name, value, requiredEverywhere } of secrets) {
    const values = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(String);
    if (values.length === 0 || values.every((v) => v.trim() === '')) {
      if (requiredEverywhere || production) problems.push(`${name} is not set`);
      continue;
    }
    if (!production) continue;
    for (const v of values) {
      if (isPlaceholder(v)) problems.push(`${name} holds a placeholder ("${v.slice(0, 20)}"): generate a random secret, e.g. \`openssl rand -base64 32\``);
      else if (v.length < MIN_SECRET_LENGTH) problems.push(`${name} is shorter than ${MIN_SECRET_LENGTH} characters`);
    }
  }
  return problems;
};
