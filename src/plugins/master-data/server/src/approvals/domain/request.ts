/**
 * A change request's progress and who may act on it, pure. Four-eyes: the maker and every amender
 * never approve or reject; one person counts once per request (whatever step); a step is done when
 * it has its number of distinct approvals by people holding one of its roles.
 */
import type { Actor } from '../../../../shared/contracts/events';
import type { ChangeRequestStatus, StepView } from '../../../../shared/contracts/approvals';
import type { Step } from './policy';

export interface StoredApproval {
  step: number;
  actor: Actor;
  at: string;
}

export interface Approver {
  actor: Actor;
  /** Admin role names (Super Admin approves any step). */
  roles: string[];
  superAdmin: boolean;
}

export interface RequestState {
  status: ChangeRequestStatus;
  maker: Actor;
  amenders: Actor[];
  steps: Step[];
  currentStep: number;
  /** Approvals of the current round (an amendment starts a new round). */
  approvals: StoredApproval[];
}

export type Refusal = { rule: 'four-eyes' | 'role' | 'already-approved' | 'closed' | 'maker-only'; message: string };

export const actorKey = (actor: Pick<Actor, 'kind' | 'id'>) => `${actor.kind}:${actor.id ?? ''}`;

const isMakerOrAmender = (state: RequestState, actor: Actor) =>
  [state.maker, ...state.amenders].some((a) => a.kind !== 'system' && a.kind !== 'public' && actorKey(a) === actorKey(actor));

const holdsRole = (approver: Approver, step: Step) =>
  approver.superAdmin || step.roles.some((role) => approver.roles.some((r) => r.toLowerCase() === role.toLowerCase()));

/** Why `approver` may not approve now (null: they may). */
export const approvalRefusal = (state: RequestState, approver: Approver): Refusal | null => {
  if (state.status !== 'pending') return { rule: 'closed', message: `This change request is ${state.status}` };
  if (isMakerOrAmender(state, approver.actor)) {
    return { rule: 'four-eyes', message: 'Four-eyes: whoever submitted or amended a change request cannot approve it; someone else must' };
  }
  if (state.approvals.some((a) => actorKey(a.actor) === actorKey(approver.actor))) {
    return { rule: 'already-approved', message: 'You already approved this change request: one person counts once' };
  }
  const step = state.steps[state.currentStep];
  if (!step) return { rule: 'closed', message: 'This change request has no step left to approve' };
  if (!holdsRole(approver, step)) {
    return { rule: 'role', message: `Step "${step.name}" is approved by ${step.roles.join(' or ')}; you hold none of these roles` };
  }
  return null;
};

/** Why `approver` may not reject (null: they may). Rejecting needs a role of the current step, and never the maker. */
export const rejectionRefusal = (state: RequestState, approver: Approver): Refusal | null => {
  if (state.status !== 'pending') return { rule: 'closed', message: `This change request is ${state.status}` };
  if (isMakerOrAmender(state, approver.actor)) {
    return { rule: 'four-eyes', message: 'Four-eyes: whoever submitted or amended a change request cannot reject it; withdraw it instead' };
  }
  const step = state.steps[state.currentStep];
  if (!step || !holdsRole(approver, step)) {
    return { rule: 'role', message: `Step "${step?.name ?? ''}" is decided by ${step?.roles.join(' or ') ?? 'nobody'}; you hold none of these roles` };
  }
  return null;
};

export const withdrawalRefusal = (state: RequestState, actor: Actor): Refusal | null => {
  if (state.status !== 'pending') return { rule: 'closed', message: `This change request is ${state.status}` };
  if (actorKey(state.maker) !== actorKey(actor)) return { rule: 'maker-only', message: 'Only whoever submitted a change request can withdraw it' };
  return null;
};

/** After one more approval: the step it completes moves the request on; `done` when no step is left. */
export const advance = (state: RequestState, approval: StoredApproval): { currentStep: number; done: boolean } => {
  const approvals = [...state.approvals, approval];
  let current = state.currentStep;
  while (current < state.steps.length && approvals.filter((a) => a.step === current).length >= state.steps[current].approvals) current += 1;
  return { currentStep: current, done: current >= state.steps.length };
};

export const stepViews = (state: RequestState): StepView[] =>
  state.steps.map((step, index) => ({
    index,
    name: step.name,
    roles: step.roles,
    required: step.approvals,
    status: index < state.currentStep ? 'done' : index === state.currentStep && state.status === 'pending' ? 'current' : state.status === 'applied' ? 'done' : 'waiting',
    approvals: state.approvals.filter((a) => a.step === index).map((a) => ({ actor: a.actor, at: a.at })),
  }));
