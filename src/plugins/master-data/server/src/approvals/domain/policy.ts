/**
 * Approval policies, pure. A policy names the fields whose change needs sign-off (none: any change
 * of the action), the actions it covers, optional conditions on the new and old values, and its
 * sequential steps (who approves, how many distinct people). `evaluate` says which policies a
 * proposed change of the golden record falls under, and the steps the change request gets.
 */
import { canonicalJson } from '../../governance/domain/canonical';
import { comparable } from '../../governance/domain/diff';
import type { ChangeRequestAction } from '../../../../shared/contracts/approvals';
import type { Changes } from '../../../../shared/contracts/events';

export const POLICY_ACTIONS: ChangeRequestAction[] = ['create', 'publish', 'update', 'delete', 'unpublish'];
/** Actions that take the golden record away: every governed value goes. */
export const REMOVALS: ReadonlySet<ChangeRequestAction> = new Set(['delete', 'unpublish']);

export type ConditionOp = 'changed' | 'raised' | 'lowered' | 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | 'ne' | 'in' | 'set' | 'cleared';
export const CONDITION_OPS: ConditionOp[] = ['changed', 'raised', 'lowered', 'gte', 'gt', 'lte', 'lt', 'eq', 'ne', 'in', 'set', 'cleared'];

export interface Condition {
  field: string;
  op: ConditionOp;
  value?: unknown;
}

export interface Step {
  name: string;
  /** Admin role names; any one of them may approve. */
  roles: string[];
  /** Distinct people needed (N of M). */
  approvals: number;
}

export interface Policy {
  name: string;
  fields: string[];
  actions: ChangeRequestAction[];
  when: Condition[];
  steps: Step[];
}

type Row = Record<string, unknown> | null;

export interface Verdict {
  required: boolean;
  policies: string[];
  /** The governed fields the change touches (held back until approval). */
  fields: string[];
  changes: Changes;
  steps: Step[];
}

const NONE: Verdict = { required: false, policies: [], fields: [], changes: {}, steps: [] };

const number = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

const same = (a: unknown, b: unknown) => canonicalJson(comparable(a ?? null)) === canonicalJson(comparable(b ?? null));

const NUMERIC = new Set(['integer', 'biginteger', 'float', 'decimal']);

/** Whether two values of an attribute of `type` are equal (numbers as numbers: PostgreSQL returns decimals as text). */
export const sameValue = (type: string | undefined, a: unknown, b: unknown) =>
  NUMERIC.has(type ?? '') && a != null && b != null && a !== '' && b !== '' ? Number(a) === Number(b) : same(a, b);

/** Whether a condition holds for the change from `before` to `after` (rows of the golden record). */
export const holds = (condition: Condition, before: Row, after: Row): boolean => {
  const next = after?.[condition.field] ?? null;
  const prev = before?.[condition.field] ?? null;
  const n = number(next);
  const v = number(condition.value);
  switch (condition.op) {
    case 'changed':
      return !same(prev, next);
    case 'raised':
      return n !== null && n > (number(prev) ?? Number.NEGATIVE_INFINITY);
    case 'lowered':
      return number(prev) !== null && (n ?? Number.NEGATIVE_INFINITY) < number(prev)!;
    case 'gte':
      return n !== null && v !== null && n >= v;
    case 'gt':
      return n !== null && v !== null && n > v;
    case 'lte':
      return n !== null && v !== null && n <= v;
    case 'lt':
      return n !== null && v !== null && n < v;
    case 'eq':
      return same(next, condition.value);
    case 'ne':
      return !same(next, condition.value);
    case 'in':
      return Array.isArray(condition.value) && condition.value.some((value) => same(next, value));
    case 'set':
      return next !== null && prev === null;
    case 'cleared':
      return next === null && prev !== null;
    default:
      return false;
  }
};

/** Every field some policy of `action` names (what a write must be compared on). */
export const policyFields = (policies: Policy[], actions: ChangeRequestAction[] = POLICY_ACTIONS): string[] => {
  const fields = new Set<string>();
  for (const policy of policies) {
    if (!policy.actions.some((a) => actions.includes(a))) continue;
    policy.fields.forEach((f) => fields.add(f));
    policy.when.forEach((c) => fields.add(c.field));
  }
  return [...fields];
};

/** Whether any policy covers the action at all. */
export const covers = (policies: Policy[], action: ChangeRequestAction) => policies.some((p) => p.actions.includes(action));

/**
 * The steps of several policies, in policy order; a step for the same set of roles as an earlier
 * one is the same step (it needs the larger number of approvals), so that a second policy adds
 * Finance after Approver instead of asking the Approver twice.
 */
export const combineSteps = (lists: Step[][]): Step[] => {
  const steps: Step[] = [];
  const byRoles = new Map<string, Step>();
  for (const list of lists) {
    for (const step of list) {
      const key = [...new Set(step.roles.map((r) => r.toLowerCase()))].sort().join('\u0000');
      const earlier = byRoles.get(key);
      if (earlier) {
        earlier.approvals = Math.max(earlier.approvals, step.approvals);
        continue;
      }
      const copy = { name: step.name, roles: [...step.roles], approvals: step.approvals };
      byRoles.set(key, copy);
      steps.push(copy);
    }
  }
  return steps;
};

/** Field-by-field differences between two rows, on `fields` only (components without their ids). */
export const fieldChanges = (before: Row, after: Row, fields: string[]): Changes => {
  const changes: Changes = {};
  for (const field of fields) {
    const b = comparable(before?.[field] ?? null);
    const a = comparable(after?.[field] ?? null);
    if (canonicalJson(b) !== canonicalJson(a)) changes[field] = { before: b, after: a };
  }
  return changes;
};

/**
 * What the proposed change of the golden record (`before` = the published version or null, `after`
 * = what would be published, or null for a removal) needs: the policies it falls under, the fields
 * they hold back and the steps of its change request.
 */
export const evaluate = (policies: Policy[], action: ChangeRequestAction, before: Row, after: Row): Verdict => {
  const relevant = policies.filter((p) => p.actions.includes(action));
  if (relevant.length === 0) return NONE;
  const all = policyFields(relevant, [action]);
  const changes = fieldChanges(before, REMOVALS.has(action) ? null : after, all);
  const matched = relevant.filter((policy) => {
    const touched = policy.fields.length === 0 ? Object.keys(changes).length > 0 || REMOVALS.has(action) : policy.fields.some((f) => f in changes);
    return touched && policy.when.every((condition) => holds(condition, before, REMOVALS.has(action) ? null : after));
  });
  if (matched.length === 0) return NONE;
  const fields = REMOVALS.has(action)
    ? Object.keys(changes)
    : [...new Set(matched.flatMap((p) => (p.fields.length ? p.fields : Object.keys(changes))))].filter((f) => f in changes);
  return {
    required: true,
    policies: matched.map((p) => p.name),
    fields,
    changes: Object.fromEntries(fields.map((f) => [f, changes[f]])),
    steps: combineSteps(matched.map((p) => p.steps)),
  };
};
