/**
 * Helpers shared by the Duplicates page, the pair comparison and the edit view's "Potential
 * duplicates" panel: the admin API's response shapes, paths, and how scores, decisions, reasons and
 * record values are shown.
 */
import type { Decision, DuplicatePair, MatchReason, MatchResponse, PairStatus } from '../../../shared/contracts/matching';
import type { BadgeVariant } from './audit';

export const MATCH_URL = '/master-data/match';
export const DUPLICATES_URL = '/master-data/duplicates';
export const MERGES_URL = '/master-data/merges';

/** The Duplicates page, relative to the admin panel's router (it is mounted under /admin). */
export const DUPLICATES_PAGE_PATH = '/plugins/master-data/duplicates';

/** A pair's comparison page. */
export const pairPath = (id: number) => `${DUPLICATES_PAGE_PATH}/${id}`;

/** A record's edit view in the Content Manager (relative to the admin panel's router). */
export const editViewPath = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;

/** The summary of a record the admin API sends next to candidates and pairs. */
export interface RecordSummary {
  documentId: string;
  code?: string | null;
  name?: string | null;
  taxId?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  city?: string | null;
  country?: string | null;
  lifecycleStage?: string | null;
  [field: string]: unknown;
}

export type RecordSummaries = Record<string, RecordSummary>;

/** POST /master-data/match (admin): the candidates and a summary of each candidate record. */
export interface AdminMatchResponse extends MatchResponse {
  records: RecordSummaries;
}

export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** GET /master-data/duplicates: a page of the review queue. */
export interface ListDuplicatesResponse {
  results: DuplicatePair[];
  pagination: Pagination;
  records: RecordSummaries;
}

/** A record in full (its draft): root fields, components as arrays, relations as document ids. */
export type FullRecord = Record<string, unknown> & { documentId: string };

/** GET /master-data/duplicates/:id: the pair and both records in full. */
export interface GetDuplicateResponse {
  data: DuplicatePair;
  records: Record<string, FullRecord>;
}

export const STATUS_OPTIONS: { value: PairStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'not-duplicate', label: 'Not a duplicate' },
  { value: 'merged', label: 'Merged' },
];

export const statusLabel = (status: PairStatus) => STATUS_OPTIONS.find((option) => option.value === status)?.label ?? status;

export const isPairStatus = (value: unknown): value is PairStatus => STATUS_OPTIONS.some((option) => option.value === value);

/** A 0..1 score as a whole percentage. */
export const formatScore = (score: number) => `${Math.round(score * 100)}%`;

/** The design-system badge variant of a match decision. */
export const decisionVariant = (decision: Decision): BadgeVariant => {
  switch (decision) {
    case 'block':
      return 'danger';
    case 'review':
      return 'warning';
    default:
      return 'success';
  }
};

/** Stronger candidates first: block, then review, then allow; a higher score first within each. */
const DECISION_ORDER: Record<Decision, number> = { block: 0, review: 1, allow: 2 };
export const byDecisionThenScore = <T extends { decision: Decision; score: number }>(x: T, y: T) =>
  DECISION_ORDER[x.decision] - DECISION_ORDER[y.decision] || y.score - x.score;

const number = (value: number) => value.toFixed(2);

/** A reason as a short text: "taxId same", "name similar 0.93", "domain same (acme.com)". */
export const reasonText = (reason: MatchReason) => {
  let text = `${reason.field} ${reason.outcome}`;
  if (reason.outcome === 'similar' && typeof reason.similarity === 'number') text += ` ${number(reason.similarity)}`;
  if (reason.value) text += ` (${reason.value})`;
  return text;
};

/** The reasons that weighed most (by the size of their contribution), as short texts. */
export const topReasons = (reasons: MatchReason[], count = 3) =>
  [...reasons]
    .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))
    .slice(0, count)
    .map(reasonText);

/** A signed contribution: "+0.30", "−0.15". */
export const formatContribution = (contribution: number) => `${contribution < 0 ? '−' : '+'}${number(Math.abs(contribution))}`;

/** A record's display name: its name, else its document id. */
export const recordName = (record: { name?: unknown; documentId?: unknown } | undefined, documentId: string) =>
  typeof record?.name === 'string' && record.name ? record.name : documentId;

/** A record's code, if it has one. */
export const recordCode = (record: { code?: unknown } | undefined) => (typeof record?.code === 'string' && record.code ? record.code : null);

/** Fields of a full record that are bookkeeping, not data to compare or pick. */
const HIDDEN_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', 'status']);

/** The fields shown in the comparison: the name and code first, then every other field in the records' order. */
export const comparedFields = (records: Record<string, unknown>[]): string[] => {
  const fields: string[] = [];
  for (const record of records) {
    for (const field of Object.keys(record)) {
      if (!HIDDEN_FIELDS.has(field) && !fields.includes(field)) fields.push(field);
    }
  }
  const first = ['name', 'code'].filter((field) => fields.includes(field));
  return [...first, ...fields.filter((field) => !first.includes(field))];
};

/** Empty: absent, null, blank text or an empty list. */
export const isEmptyValue = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** A value without row ids (components), so two records' copies of the same data compare equal. */
const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== 'id' && key !== '__component')
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([key, v]) => [key, withoutIds(v)])
    );
  }
  return value;
};

/** Whether two records hold the same value (empties are all alike; component row ids are ignored). */
export const sameValue = (x: unknown, y: unknown) => {
  if (isEmptyValue(x) && isEmptyValue(y)) return true;
  return JSON.stringify(withoutIds(x)) === JSON.stringify(withoutIds(y));
};

/** Whether a field holds components (a list of objects), which a merge unites rather than picks. */
export const isComponentValue = (value: unknown) => Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object');

/** An object's non-empty values as one line: "billing, 12 Market St, Berlin"; with `keys`, "language: en, …". */
const objectLine = (object: Record<string, unknown>, keys: boolean) =>
  Object.entries(object)
    .filter(([key, v]) => key !== 'id' && key !== '__component' && !isEmptyValue(v) && v !== false)
    .map(([key, v]) => {
      // A flag that is set reads as its name ("isPrimary"), not as "true".
      if (v === true) return key;
      const text = v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
      return keys ? `${key}: ${text}` : text;
    })
    .join(', ');

/**
 * A record's value as lines of text: a scalar as it is, a relation's document id, each item of a
 * list (repeatable components) as one line of its values ("billing, 12 Market St, Berlin, DE"), an
 * object (JSON, a single component) as one line of its keys and values.
 */
export const valueLines = (value: unknown): string[] => {
  if (isEmptyValue(value)) return [];
  if (Array.isArray(value)) {
    return value
      .map((item) => (item !== null && typeof item === 'object' ? objectLine(item as Record<string, unknown>, false) : String(item)))
      .filter(Boolean);
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.documentId === 'string') return [object.documentId];
    const line = objectLine(object, true);
    return line ? [line] : [];
  }
  return [String(value)];
};
