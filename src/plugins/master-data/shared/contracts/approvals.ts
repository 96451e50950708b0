/**
 * Change requests: a governed change of a golden record waiting for sign-off. Shared by the server
 * (approvals capability), the admin panel and integrations (REST and events).
 */
import type { Actor } from './events';

/** What a change request does to the golden record when it is applied. */
export type ChangeRequestAction = 'create' | 'publish' | 'update' | 'delete' | 'unpublish';

export type ChangeRequestStatus = 'pending' | 'applied' | 'rejected' | 'withdrawn' | 'stale';

export type StepStatus = 'done' | 'current' | 'waiting';

export interface ApprovalView {
  actor: Actor;
  at: string;
}

export interface StepView {
  index: number;
  name: string;
  roles: string[];
  required: number;
  status: StepStatus;
  approvals: ApprovalView[];
}

export type CommentKind = 'submit' | 'amend' | 'comment' | 'approve' | 'reject' | 'withdraw' | 'stale' | 'blocked' | 'applied';

export interface CommentView {
  id: number;
  kind: CommentKind;
  actor: Actor;
  body: string | null;
  at: string;
}

/** One field's proposed change; `masked` when the viewer may not read the field. */
export type FieldChangeView = { before: unknown; after: unknown } | { masked: true };

export interface ChangeRequestView {
  id: number;
  uid: string;
  documentId: string;
  locale: string | null;
  action: ChangeRequestAction;
  status: ChangeRequestStatus;
  /** The last apply was refused (duplicate block, validation): the request stays pending. */
  blocked: { name: string; message: string; details?: unknown } | null;
  label: string | null;
  maker: Actor;
  amenders: Actor[];
  reason: string | null;
  policies: string[];
  changes: Record<string, FieldChangeView>;
  steps: StepView[];
  currentStep: number;
  /** Starts at 0; each amendment adds one (approvals start over). Send it back with a decision to refuse deciding on a version you did not see. */
  round: number;
  comments?: CommentView[];
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  /** What the viewer may do (admin routes only). */
  can?: { approve: boolean; reject: boolean; withdraw: boolean; comment: boolean; why: string | null };
}

/** What a write that opened or amended a change request tells its caller (`meta.masterData.changeRequest`). */
export interface WriteChangeRequest {
  id: number;
  status: ChangeRequestStatus;
  action: ChangeRequestAction;
  fields: string[];
  steps: Array<Pick<StepView, 'index' | 'name' | 'roles' | 'required' | 'status'>>;
}

/** Event types of the change request life cycle (audit trail and event stream). */
export const CHANGE_REQUEST_EVENTS = {
  submitted: 'changeRequest.submitted',
  amended: 'changeRequest.amended',
  approved: 'changeRequest.approved',
  rejected: 'changeRequest.rejected',
  applied: 'changeRequest.applied',
  withdrawn: 'changeRequest.withdrawn',
  stale: 'changeRequest.stale',
} as const;

/** Error names a client can rely on. */
export const CHANGE_REQUEST_ERRORS = {
  pending: 'ChangeRequestPendingError',
  stale: 'StaleChangeRequestError',
  closed: 'ChangeRequestClosedError',
  amended: 'ChangeRequestAmendedError',
} as const;
