/**
 * Which attributes name a record on the audit trail's pages, and the label they make. Pure.
 */
import type { AuditRecordLabel } from '../../../../shared/contracts/audit';

export interface LabelFields {
  code?: string;
  name?: string;
}

type Attributes = Record<string, { type: string }>;

/** Types whose values read as a short text (custom fields are stored as their underlying type). */
const TEXT_TYPES = new Set(['string', 'text', 'uid', 'email']);

/**
 * The configured code field, else a text attribute called `code`; the configured name field (the
 * one duplicate matching reads), else a text attribute called `name`. Fields the model lacks are
 * left out.
 */
export const labelFields = (attributes: Attributes, configured: LabelFields): LabelFields => {
  const text = (name: string | undefined) => (name && TEXT_TYPES.has(attributes[name]?.type) ? name : undefined);
  const code = text(configured.code) ?? text('code');
  const name = text(configured.name) ?? text('name');
  return { ...(code ? { code } : {}), ...(name && name !== code ? { name } : {}) };
};

/** The label of one record from its readable values; null when neither value is there to show. */
export const toLabel = (values: Record<string, unknown>, fields: LabelFields): AuditRecordLabel | null => {
  const text = (field: string | undefined) => {
    const value = field === undefined ? undefined : values[field];
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  const label = { code: text(fields.code), name: text(fields.name) };
  return label.code === null && label.name === null ? null : label;
};
