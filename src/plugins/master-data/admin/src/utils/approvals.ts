/**
 * Helpers shared by the Approvals page, a change request's page, the edit view's "Approval" panel
 * and the "Submit for approval" publish action: the admin API's shapes and paths, and how
 * statuses, steps, ages and changed values are shown.
 */
import type { ChangeRequestStatus, ChangeRequestView, FieldChangeView, StepView } from '../../../shared/contracts/approvals';
import type { BadgeVariant } from './audit';
import { isEmptyValue, valueLines } from './duplicates';

export type {
  ApprovalView,
  ChangeRequestAction,
  ChangeRequestStatus,
  ChangeRequestView,
  CommentKind,
  CommentView,
  FieldChangeView,
  StepStatus,
  StepView,
} from '../../../shared/contracts/approvals';

/** GET /master-data/change-requests: a page of requests (without comments) and the viewer's pending counts. */
export interface ListChangeRequestsResponse {
  data: ChangeRequestView[];
  meta: {
    pagination: { page: number; pageSize: number; total: number; pageCount?: number };
    /** Pending requests waiting for the viewer / submitted by the viewer / all pending. */
    counts: { approvable: number; mine: number; pending: number };
  };
}

/** GET /master-data/change-requests/:id, and what approve, reject, withdraw and comments answer. */
export interface ChangeRequestResponse {
  data: ChangeRequestView;
}

/** GET /master-data/change-requests/preview: would publishing the stored draft need approval. */
export interface ApprovalPreview {
  needsApproval: boolean;
  /** The policy fields the publish would change. */
  fields: string[];
  changes: Record<string, FieldChangeView>;
  steps: StepView[];
  openRequest: ChangeRequestView | null;
}

export const CHANGE_REQUESTS_URL = '/master-data/change-requests';

/** The Approvals page, relative to the admin panel's router (it is mounted under /admin). */
export const APPROVALS_PAGE_PATH = '/plugins/master-data/approvals';

/** A change request's page. */
export const changeRequestPath = (id: number) => `${APPROVALS_PAGE_PATH}/${id}`;

/** The tabs of the Approvals page and the list query each one makes. */
export type ApprovalsTab = 'approvable' | 'mine' | 'all';
export const TABS: { value: ApprovalsTab; label: string; count: keyof ListChangeRequestsResponse['meta']['counts'] }[] = [
  { value: 'approvable', label: 'Waiting for me', count: 'approvable' },
  { value: 'mine', label: 'Submitted by me', count: 'mine' },
  { value: 'all', label: 'All', count: 'pending' },
];
export const isTab = (value: unknown): value is ApprovalsTab => TABS.some((tab) => tab.value === value);

/** The status filter: one status, or any. */
export type StatusChoice = ChangeRequestStatus | 'any';
export const STATUS_OPTIONS: { value: StatusChoice; label: string }[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'applied', label: 'Applied' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'withdrawn', label: 'Withdrawn' },
  { value: 'stale', label: 'Stale' },
  { value: 'any', label: 'Any status' },
];
export const isStatusFilter = (value: unknown): value is StatusChoice => STATUS_OPTIONS.some((option) => option.value === value);

export const statusLabel = (status: string) => STATUS_OPTIONS.find((option) => option.value === status)?.label ?? status;

export const statusVariant = (status: ChangeRequestStatus): BadgeVariant => {
  switch (status) {
    case 'pending':
      return 'warning';
    case 'applied':
      return 'success';
    case 'rejected':
      return 'danger';
    default:
      return 'neutral';
  }
};

const ACTION_LABELS: Record<string, string> = {
  create: 'Create',
  publish: 'Publish',
  update: 'Update',
  delete: 'Delete',
  unpublish: 'Unpublish',
};
export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

/** A request's record as text: its label, else its document id. */
export const requestLabel = (request: Pick<ChangeRequestView, 'label' | 'documentId'>) => request.label || request.documentId;

export const isMasked = (change: FieldChangeView): change is { masked: true } => (change as { masked?: boolean }).masked === true;

/** The changed field names, as a short text; fields the viewer may not read are marked. */
export const changedFieldsText = (changes: Record<string, FieldChangeView>) =>
  Object.entries(changes)
    .map(([field, change]) => (isMasked(change) ? `${field} (hidden)` : field))
    .join(', ');

/** Approvals of a step, as "1 of 2". */
export const stepCount = (step: StepView) => `${Math.min(step.approvals.length, step.required)} of ${step.required}`;

/** Where a request stands on its steps: "Step 2 of 2: Finance (0 of 1)", "2 of 2 steps done". */
export const stepProgress = (request: Pick<ChangeRequestView, 'steps' | 'status'>) => {
  const steps = request.steps;
  if (steps.length === 0) return 'No steps';
  const done = steps.filter((step) => step.status === 'done').length;
  const current = steps.find((step) => step.status === 'current');
  if (request.status === 'pending' && current) return `Step ${current.index + 1} of ${steps.length}: ${current.name} (${stepCount(current)})`;
  return `${done} of ${steps.length} ${steps.length === 1 ? 'step' : 'steps'} done`;
};

/** A step's roles as text: "Approver", "Approver or Finance". */
export const rolesText = (roles: string[]) => (roles.length === 0 ? 'any approver' : roles.join(' or '));

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
/** How long ago a time was: "3 hours ago", "now". */
export const age = (iso: string, now = Date.now()) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const seconds = Math.round((t - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return relative.format(0, 'second');
};

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 20 });

/** A scalar value as text (numbers grouped: 2,000,000), absence as an em dash. */
export const scalarText = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
};

/** Whether a value is a list (repeatable components, a to-many relation): shown item by item. */
export const isList = (value: unknown) => Array.isArray(value);

export interface ListDiff {
  before: { text: string; removed: boolean }[];
  after: { text: string; added: boolean }[];
}

/**
 * Items of a list before and after, one line each (a bank account as "Bank, holder, number, IBAN");
 * an item that is only before is removed, an item that is only after is added (component row ids
 * ignored).
 */
export const listDiff = (before: unknown, after: unknown): ListDiff => {
  const lines = (value: unknown) => (isEmptyValue(value) ? [] : Array.isArray(value) ? value.map((item) => valueLines([item])[0] ?? '—') : valueLines(value));
  const b = lines(before);
  const a = lines(after);
  const remaining = [...a];
  const beforeItems = b.map((text) => {
    const i = remaining.indexOf(text);
    if (i >= 0) remaining.splice(i, 1);
    return { text, removed: i < 0 };
  });
  const kept = [...b];
  const afterItems = a.map((text) => {
    const i = kept.indexOf(text);
    if (i >= 0) kept.splice(i, 1);
    return { text, added: i < 0 };
  });
  return { before: beforeItems, after: afterItems };
};

/** What a comment of each kind says happened. */
export const COMMENT_VERBS: Record<string, string> = {
  submit: 'submitted the change',
  amend: 'amended the change',
  comment: 'commented',
  approve: 'approved',
  reject: 'rejected',
  withdraw: 'withdrew the change',
  stale: 'marked it stale',
  blocked: 'could not apply it',
  applied: 'applied the change',
};

/** The message and details of a failed admin API call (a FetchError carries the server's error). */
export const apiError = (error: unknown): { message: string; name?: string; details?: Record<string, unknown> } => {
  const e = error as { message?: string; response?: { data?: { error?: { name?: string; message?: string; details?: Record<string, unknown> } } } };
  const body = e?.response?.data?.error;
  return {
    message: body?.message || (error instanceof Error && error.message) || 'The request failed.',
    name: body?.name,
    details: body?.details,
  };
};
