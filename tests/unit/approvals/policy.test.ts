import { combineSteps, evaluate, holds, policyFields, sameValue, type Policy } from '../../../src/plugins/master-data/server/src/approvals/domain/policy';

const APPROVER = { name: 'Approval', roles: ['Approver'], approvals: 1 };
const FINANCE = { name: 'Finance', roles: ['Finance'], approvals: 1 };

const POLICIES: Policy[] = [
  { name: 'governed-fields', fields: ['taxId', 'name', 'bankAccounts', 'creditLimit'], actions: ['update'], when: [], steps: [APPROVER] },
  { name: 'large-credit-limit', fields: ['creditLimit'], actions: ['update'], when: [{ field: 'creditLimit', op: 'gte', value: 1_000_000 }], steps: [APPROVER, FINANCE] },
  { name: 'removal', fields: [], actions: ['delete', 'unpublish'], when: [], steps: [APPROVER] },
];

const golden = { name: 'ACME', taxId: 'X1', creditLimit: '500000.00', phone: '+1', bankAccounts: [{ id: 7, iban: 'DE1' }] };

describe('evaluate', () => {
  test('a change outside every policy needs nothing', () => {
    expect(evaluate(POLICIES, 'update', golden, { ...golden, phone: '+2' }).required).toBe(false);
  });

  test('a governed field: one step, only that field held back', () => {
    const verdict = evaluate(POLICIES, 'update', golden, { ...golden, taxId: 'X2', phone: '+2' });
    expect(verdict).toMatchObject({ required: true, policies: ['governed-fields'], fields: ['taxId'], steps: [APPROVER] });
    expect(verdict.changes).toEqual({ taxId: { before: 'X1', after: 'X2' } });
  });

  test('a credit limit at or above 1,000,000: Approver then Finance, the Approver step not asked twice', () => {
    const verdict = evaluate(POLICIES, 'update', golden, { ...golden, creditLimit: 2_000_000 });
    expect(verdict.policies).toEqual(['governed-fields', 'large-credit-limit']);
    expect(verdict.steps).toEqual([APPROVER, FINANCE]);
  });

  test('decimals compare as numbers: 500000.00 stored, 500000 sent is no change', () => {
    expect(evaluate(POLICIES, 'update', golden, { ...golden, creditLimit: 999_999 }).steps).toEqual([APPROVER]);
  });

  test('components compare without their row ids', () => {
    expect(evaluate(POLICIES, 'update', golden, { ...golden, bankAccounts: [{ id: 99, iban: 'DE1' }] }).required).toBe(false);
    expect(evaluate(POLICIES, 'update', golden, { ...golden, bankAccounts: [{ id: 7, iban: 'DE2' }] }).fields).toEqual(['bankAccounts']);
  });

  test('delete and unpublish of a golden record: every governed value goes', () => {
    const verdict = evaluate(POLICIES, 'delete', golden, null);
    expect(verdict).toMatchObject({ required: true, policies: ['removal'], steps: [APPROVER] });
  });

  test('an action no policy covers needs nothing', () => {
    expect(evaluate(POLICIES, 'create', null, golden).required).toBe(false);
  });
});

describe('conditions', () => {
  const c = (op: any, value?: unknown) => ({ field: 'creditLimit', op, value });
  test.each([
    ['raised', undefined, { creditLimit: 1 }, { creditLimit: 2 }, true],
    ['raised', undefined, { creditLimit: 2 }, { creditLimit: 1 }, false],
    ['raised', undefined, null, { creditLimit: 1 }, true],
    ['lowered', undefined, { creditLimit: 2 }, { creditLimit: 1 }, true],
    ['lowered', undefined, { creditLimit: 2 }, { creditLimit: null }, true],
    ['gte', 1_000_000, {}, { creditLimit: '1000000.00' }, true],
    ['gte', 1_000_000, {}, { creditLimit: 999_999.99 }, false],
    ['gt', 5, {}, { creditLimit: 5 }, false],
    ['lt', 5, {}, { creditLimit: 4 }, true],
    ['lte', 5, {}, { creditLimit: null }, false],
    ['eq', 'A', {}, { creditLimit: 'A' }, true],
    ['ne', 'A', {}, { creditLimit: 'B' }, true],
    ['in', ['A', 'B'], {}, { creditLimit: 'B' }, true],
    ['set', undefined, { creditLimit: null }, { creditLimit: 1 }, true],
    ['cleared', undefined, { creditLimit: 1 }, { creditLimit: null }, true],
    ['changed', undefined, { creditLimit: 1 }, { creditLimit: 1 }, false],
  ])('%s %p: %p -> %p is %p', (op, value, before, after, expected) => {
    expect(holds(c(op, value), before as any, after as any)).toBe(expected);
  });
});

describe('steps and fields', () => {
  test('same roles in another order are the same step; the larger count wins', () => {
    expect(
      combineSteps([[{ name: 'A', roles: ['Approver', 'Finance'], approvals: 1 }], [{ name: 'B', roles: ['finance', 'approver'], approvals: 2 }]])
    ).toEqual([{ name: 'A', roles: ['Approver', 'Finance'], approvals: 2 }]);
  });

  test('policyFields lists fields and condition fields', () => {
    expect(policyFields(POLICIES).sort()).toEqual(['bankAccounts', 'creditLimit', 'name', 'taxId']);
  });
});

test('sameValue: decimals as numbers, other values by content (component ids left out)', () => {
  expect(sameValue('decimal', '500000.00', 500000)).toBe(true);
  expect(sameValue('decimal', '500000.01', 500000)).toBe(false);
  expect(sameValue('string', '1', 1)).toBe(false);
  expect(sameValue('component', [{ id: 1, iban: 'DE1' }], [{ id: 2, iban: 'DE1' }])).toBe(true);
  expect(sameValue('decimal', null, 0)).toBe(false);
});
