/**
 * Helpers shared by the audit trail page and the History panel: filters ↔ query strings, and how
 * times, actions and changed values are shown.
 */
import type { AuditChangesView, AuditChangeView, AuditQuery, AuditRecordLabel, RestrictedChange } from '../../../shared/contracts/audit';

export const AUDIT_EVENTS_URL = '/master-data/audit-events';

/** The audit trail page, relative to the admin panel's router (it is mounted under /admin). */
export const AUDIT_PAGE_PATH = '/plugins/master-data/audit';

/** The actions of the document lifecycle; capabilities may record their own (e.g. duplicate.override). */
export const ACTIONS = ['create', 'update', 'delete', 'publish', 'unpublish', 'discard'] as const;

/** The page's filters as the user edits them: free text, or dates (local calendar days). */
export interface AuditFilters {
  uid: string;
  documentId: string;
  actor: string;
  action: string;
  from?: Date;
  to?: Date;
}

export const EMPTY_FILTERS: AuditFilters = { uid: '', documentId: '', actor: '', action: '' };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The API query of the filters: `from` is the start of its day, `to` the end of its day. */
export const toAuditQuery = (filters: AuditFilters): AuditQuery => {
  const query: AuditQuery = {};
  if (filters.uid.trim()) query.uid = filters.uid.trim();
  if (filters.documentId.trim()) query.documentId = filters.documentId.trim();
  if (filters.actor.trim()) query.actor = filters.actor.trim();
  if (filters.action) query.action = filters.action;
  if (filters.from) query.from = startOfDay(filters.from).toISOString();
  if (filters.to) query.to = new Date(startOfDay(filters.to).getTime() + DAY_MS - 1).toISOString();
  return query;
};

const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());

/**
 * An encoded query string. The admin fetch client appends a string `params` as it is, while it
 * would put an object's values in the URL unencoded (an actor name with `&` would break it).
 */
export const toSearchString = (query: AuditQuery | Record<string, string | number | undefined>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
};

/** Filters from the page URL (`?uid=…&documentId=…`), so other views can link to a filtered trail. */
export const filtersFromSearch = (search: URLSearchParams): AuditFilters => {
  const date = (key: string) => {
    const value = search.get(key);
    if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
    const [y, m, d] = value.split('-').map(Number);
    return new Date(y, m - 1, d);
  };
  return {
    uid: search.get('uid') ?? '',
    documentId: search.get('documentId') ?? '',
    actor: search.get('actor') ?? '',
    action: search.get('action') ?? '',
    from: date('from'),
    to: date('to'),
  };
};

/** The URL form of the filters: dates as local calendar days (YYYY-MM-DD). */
export const filtersToSearch = (filters: AuditFilters): URLSearchParams => {
  const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const params = new URLSearchParams();
  for (const key of ['uid', 'documentId', 'actor', 'action'] as const) {
    if (filters[key].trim()) params.set(key, filters[key].trim());
  }
  if (filters.from) params.set('from', day(filters.from));
  if (filters.to) params.set('to', day(filters.to));
  return params;
};

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A time in the browser's locale and time zone. */
export const formatDateTime = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
};

/** A changed value as text: scalars as they are, objects and arrays as JSON, absence as an em dash. */
export const formatValue = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
};

export type BadgeVariant = 'success' | 'primary' | 'danger' | 'warning' | 'neutral' | 'secondary' | 'alternative';

/** The design-system badge variant of an action. */
export const actionVariant = (action: string): BadgeVariant => {
  switch (action) {
    case 'create':
      return 'success';
    case 'update':
      return 'primary';
    case 'delete':
      return 'danger';
    case 'publish':
      return 'secondary';
    case 'unpublish':
    case 'discard':
      return 'warning';
    default:
      return 'alternative';
  }
};

/** A change whose values the admin's role may not read (see AuditChangesView). */
export const isRestricted = (change: AuditChangeView | RestrictedChange): change is RestrictedChange =>
  (change as RestrictedChange).restricted === true;

/** The changed field names of an event, as a short text; fields the admin may not read are marked. */
export const changedFields = (changes: AuditChangesView) =>
  Object.entries(changes)
    .map(([field, change]) => (isRestricted(change) ? `${field} (restricted)` : field))
    .join(', ');

/**
 * How an event's record is named: `C-000123 · 华南电子科技` (its current code and name, as far as the
 * admin may read them), else its documentId.
 */
export const recordText = (label: AuditRecordLabel | null | undefined, documentId: string | null): string =>
  label ? [label.code, label.name].filter(Boolean).join(' · ') : (documentId ?? '—');

/** The label of the record a filtered trail shows (the first event of that record that has one). */
export const labelOf = (events: Array<{ documentId: string | null; label?: AuditRecordLabel | null }>, documentId: string) =>
  events.find((event) => event.documentId === documentId && event.label)?.label ?? null;

/** The message of a failed admin API call. */
export const errorMessage = (error: unknown) => (error instanceof Error && error.message ? error.message : 'The request failed.');
