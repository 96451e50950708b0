/**
 * Sensitive values never reach the audit table in clear: they are replaced by a keyed fingerprint
 * (HMAC-SHA256, first 16 hex digits), so that an auditor can still tell whether a bank account
 * number changed, and to which of two known values, without reading it. Pure.
 */
import { createHmac } from 'node:crypto';
import type { AuditChanges } from '../../../../shared/contracts/audit';

export const fingerprint = (key: string, value: unknown): string =>
  `fp:${createHmac('sha256', key).update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex').slice(0, 16)}`;

const redactValue = (value: unknown, child: string | undefined, key: string): unknown => {
  if (value === null || value === undefined) return value;
  if (child === undefined) return fingerprint(key, value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, child, key));
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (!(child in record) || record[child] === null || record[child] === undefined) return record;
    return { ...record, [child]: fingerprint(key, record[child]) };
  }
  return value;
};

/**
 * Redacts `field` or `component.field` paths in before/after values.
 * `sensitive`: paths like `bankAccounts.accountNumber` or a whole field like `taxId`.
 */
export const redactChanges = (changes: AuditChanges, sensitive: string[], key: string): AuditChanges => {
  const out: AuditChanges = {};
  for (const [field, change] of Object.entries(changes)) {
    const paths = sensitive.filter((p) => p === field || p.startsWith(`${field}.`)).map((p) => p.split('.')[1]);
    if (paths.length === 0) {
      out[field] = change;
      continue;
    }
    let { before, after } = change;
    for (const child of paths) {
      before = redactValue(before, child, key);
      after = redactValue(after, child, key);
    }
    out[field] = { before, after };
  }
  return out;
};
