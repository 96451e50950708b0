/**
 * A policy condition's value as the admin types it and as the settings store it: a number for a
 * numeric attribute, a list for `in` (comma-separated), `true`/`false` for a boolean, no value for
 * the operators that compare the change itself. Pure.
 */
import { VALUELESS_OPS, type ConditionOp, type ConditionValue } from '../../../shared/contracts/settings';
import type { AttributeInfo } from './contentTypes';
import { isNumeric } from './contentTypes';

export const OP_LABELS: Record<ConditionOp, string> = {
  changed: 'changes',
  raised: 'is raised',
  lowered: 'is lowered',
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
  eq: '=',
  ne: '≠',
  in: 'is one of',
  set: 'is set',
  cleared: 'is cleared',
};

export const needsValue = (op: ConditionOp) => !VALUELESS_OPS.includes(op);

const scalar = (text: string, attribute: AttributeInfo | undefined): number | string | boolean => {
  const trimmed = text.trim();
  if (isNumeric(attribute) && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (attribute?.type === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return trimmed;
};

/** The stored value of what was typed (undefined: no value; the server says when one is needed). */
export const parseConditionValue = (op: ConditionOp, text: string, attribute: AttributeInfo | undefined): ConditionValue | undefined => {
  if (!needsValue(op) || text.trim() === '') return undefined;
  if (op === 'in') {
    return text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
      .map((item) => scalar(item, attribute) as number | string);
  }
  return scalar(text, attribute);
};

/** What the value input shows. */
export const conditionValueText = (value: ConditionValue | undefined): string => {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
};

/** A condition in words: "creditLimit ≥ 1000000", "taxId changes". */
export const conditionText = (condition: { field: string; op: ConditionOp; value?: ConditionValue }) =>
  [condition.field, OP_LABELS[condition.op] ?? condition.op, needsValue(condition.op) ? conditionValueText(condition.value) : ''].filter(Boolean).join(' ');
