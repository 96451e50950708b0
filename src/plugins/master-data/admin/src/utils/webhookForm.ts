/**
 * The endpoint form (create and edit): its state, the input it sends, the checks made before
 * sending, and the server's 400 turned into a message beside each field.
 */
import type { WebhookEndpoint, WebhookEndpointInput } from '../../../shared/contracts/webhooks';
import { apiError } from './approvals';
import type { WebhookOptions } from './webhooks';

/** One custom header as edited: `id` keeps a row's inputs when a row above it is removed. */
export interface HeaderRow {
  id: number;
  name: string;
  value: string;
}

export interface WebhookFormState {
  url: string;
  description: string;
  events: string[];
  contentTypes: string[];
  fields: string[];
  allowSensitive: boolean;
  headers: HeaderRow[];
  system: string;
  suppressEcho: boolean;
  enabled: boolean;
}

let rowIds = 0;
export const headerRow = (name = '', value = ''): HeaderRow => ({ id: ++rowIds, name, value });

export const EMPTY_FORM: WebhookFormState = {
  url: '',
  description: '',
  events: [],
  contentTypes: [],
  fields: [],
  allowSensitive: false,
  headers: [],
  system: '',
  suppressEcho: true,
  enabled: true,
};

export const formFromEndpoint = (endpoint: WebhookEndpoint): WebhookFormState => ({
  url: endpoint.url,
  description: endpoint.description ?? '',
  events: [...endpoint.events],
  contentTypes: [...(endpoint.contentTypes ?? [])],
  fields: [...(endpoint.fields ?? [])],
  allowSensitive: endpoint.allowSensitive,
  headers: Object.entries(endpoint.headers ?? {}).map(([name, value]) => headerRow(name, value)),
  system: endpoint.system ?? '',
  suppressEcho: endpoint.suppressEcho,
  enabled: endpoint.enabled,
});

/** What the form sends (POST, or PUT of every field the form edits); header rows without a name are dropped. */
export const inputFromForm = (form: WebhookFormState): WebhookEndpointInput => ({
  url: form.url.trim(),
  description: form.description.trim() || null,
  events: form.events,
  contentTypes: form.contentTypes,
  fields: form.fields,
  allowSensitive: form.allowSensitive,
  headers: Object.fromEntries(form.headers.filter((row) => row.name.trim()).map((row) => [row.name.trim(), row.value])),
  enabled: form.enabled,
  system: form.system.trim() || null,
  suppressEcho: form.suppressEcho,
});

// RFC 9110 field-name token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,100}$/;
/** The signature's headers and those the HTTP client owns (the server refuses them too). */
const RESERVED = /^(webhook-.*|content-type|content-length|host|connection|transfer-encoding|user-agent|expect|upgrade|te|keep-alive|proxy-.*)$/i;

/** What is wrong with one header row (among all rows), or null. */
export const headerRowError = (row: Pick<HeaderRow, 'name' | 'value'>, rows: readonly Pick<HeaderRow, 'name' | 'value'>[]): string | null => {
  const name = row.name.trim();
  if (!name) return row.value ? 'Enter the header name' : null;
  if (!TOKEN.test(name)) return 'A header name has letters, digits and - _ . only, no spaces, at most 100 characters';
  if (RESERVED.test(name)) return `${name} is set by the hub and cannot be overridden`;
  const lower = name.toLowerCase();
  if (rows.filter((r) => r.name.trim().toLowerCase() === lower).length > 1) return `${name} is given twice`;
  if (/[\r\n\0]/.test(row.value)) return 'A header value is a single line';
  return null;
};

/** The checks made before sending (the server checks again, and more: the SSRF guard). Keys are field names. */
export const validateForm = (form: WebhookFormState): Record<string, string> => {
  const errors: Record<string, string> = {};
  const url = form.url.trim();
  if (!url) errors.url = 'Enter the URL the events are sent to';
  else {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) errors.url = 'Enter an http:// or https:// URL';
  }
  if (form.events.length === 0) errors.events = 'Choose at least one event';
  if (form.headers.some((row) => headerRowError(row, form.headers))) errors.headers = 'Fix the marked headers';
  return errors;
};

/**
 * A failed save as a general message and a message per field, keyed by the field's path
 * (`url`, `events.0`, `headers.X-Api-Key`); a leading `data` segment is dropped.
 */
export const saveErrors = (error: unknown): { message: string; fields: Record<string, string> } => {
  const { message, details } = apiError(error);
  const fields: Record<string, string> = {};
  const list = (details as { errors?: Array<{ path?: unknown[]; message?: string }> } | undefined)?.errors;
  for (const item of Array.isArray(list) ? list : []) {
    const path = (Array.isArray(item.path) ? item.path : []).map(String);
    if (path[0] === 'data') path.shift();
    const key = path.join('.');
    if (key && item.message && !(key in fields)) fields[key] = item.message;
  }
  return { message, fields };
};

/** The message for a field: its own, else the first one on a path inside it (`events.2` for `events`). */
export const errorFor = (fields: Record<string, string>, name: string): string | undefined =>
  fields[name] ?? Object.entries(fields).find(([key]) => key.startsWith(`${name}.`))?.[1];

/** Fields that name no form field, to show above the form so no error goes unseen. */
export const otherErrors = (fields: Record<string, string>, known: readonly string[]) =>
  Object.entries(fields)
    .filter(([key]) => !known.some((name) => key === name || key.startsWith(`${name}.`)))
    .map(([key, message]) => `${key}: ${message}`);

export interface FieldOption {
  name: string;
  sensitive: boolean;
}

/**
 * The fields an endpoint may send: those of the chosen content types (all governed types when none
 * is chosen), each once, sensitive when it is sensitive in any of them; fields chosen before that
 * no type offers any more stay on offer.
 */
export const fieldOptions = (contentTypes: WebhookOptions['contentTypes'], chosenTypes: readonly string[], chosenFields: readonly string[] = []): FieldOption[] => {
  const types = chosenTypes.length ? contentTypes.filter((type) => chosenTypes.includes(type.uid)) : contentTypes;
  const options = new Map<string, FieldOption>();
  for (const type of types) {
    for (const field of type.fields) {
      const known = options.get(field.name);
      options.set(field.name, { name: field.name, sensitive: (known?.sensitive ?? false) || field.sensitive });
    }
  }
  for (const name of chosenFields) if (!options.has(name)) options.set(name, { name, sensitive: false });
  return [...options.values()];
};

/** The sensitive fields the endpoint will receive as "[masked]" (none when it is allowed them). */
export const maskedFields = (options: readonly FieldOption[], fields: readonly string[], allowSensitive: boolean) => {
  if (allowSensitive) return [];
  const sensitive = options.filter((option) => option.sensitive).map((option) => option.name);
  return fields.length === 0 ? sensitive : sensitive.filter((name) => fields.includes(name));
};
