import { age, changedFieldsText, listDiff, scalarText, stepProgress, type StepView } from '../../../src/plugins/master-data/admin/src/utils/approvals';

const actor = { kind: 'admin' as const, id: '3', name: 'Alex Approver' };
const steps = (statuses: StepView['status'][], approvals: number[] = []): StepView[] =>
  statuses.map((status, index) => ({
    index,
    name: index === 0 ? 'Approval' : 'Finance',
    roles: [index === 0 ? 'Approver' : 'Finance'],
    required: 1,
    status,
    approvals: Array.from({ length: approvals[index] ?? 0 }, () => ({ actor, at: '2026-11-30T00:00:00.000Z' })),
  }));

describe('listDiff: repeatable components item by item', () => {
  test('an added bank account is marked added; the kept one is not; component row ids are ignored', () => {
    const kept = { id: 1, bankName: 'Deutsche Bank', iban: 'DE89370400440532013000' };
    const diff = listDiff([kept], [{ ...kept, id: 7 }, { bankName: 'Commerzbank', iban: 'DE44500105175407324931' }]);
    expect(diff.before).toEqual([{ text: 'Deutsche Bank, DE89370400440532013000', removed: false }]);
    expect(diff.after).toEqual([
      { text: 'Deutsche Bank, DE89370400440532013000', added: false },
      { text: 'Commerzbank, DE44500105175407324931', added: true },
    ]);
  });

  test('a removed item is marked removed; an empty or missing list has no items', () => {
    expect(listDiff([{ bankName: 'A' }, { bankName: 'B' }], [{ bankName: 'B' }]).before).toEqual([
      { text: 'A', removed: true },
      { text: 'B', removed: false },
    ]);
    expect(listDiff(null, [])).toEqual({ before: [], after: [] });
  });

  test('two equal items and one removed: only one of them is removed', () => {
    const diff = listDiff([{ bankName: 'A' }, { bankName: 'A' }], [{ bankName: 'A' }]);
    expect(diff.before.map((item) => item.removed)).toEqual([false, true]);
  });
});

describe('stepProgress', () => {
  test('a pending request names its current step and its approvals', () => {
    expect(stepProgress({ status: 'pending', steps: steps(['done', 'current'], [1, 0]) })).toBe('Step 2 of 2: Finance (0 of 1)');
  });
  test('a closed request counts its done steps', () => {
    expect(stepProgress({ status: 'applied', steps: steps(['done', 'done'], [1, 1]) })).toBe('2 of 2 steps done');
    expect(stepProgress({ status: 'rejected', steps: steps(['waiting']) })).toBe('0 of 1 step done');
    expect(stepProgress({ status: 'pending', steps: [] })).toBe('No steps');
  });
});

test('changedFieldsText marks the fields the viewer may not read', () => {
  expect(changedFieldsText({ creditLimit: { before: 1, after: 2 }, bankAccounts: { masked: true } })).toBe('creditLimit, bankAccounts (hidden)');
});

test('scalarText groups numbers and shows absence', () => {
  expect(scalarText(2000000).replace(/\D/g, '')).toBe('2000000');
  expect(scalarText(2000000)).not.toBe('2000000');
  expect(scalarText(null)).toBe('—');
  expect(scalarText('')).toBe('""');
  expect(scalarText(true)).toBe('yes');
});

test('age: how long ago, in the largest whole unit', () => {
  const now = Date.parse('2026-11-30T12:00:00.000Z');
  expect(age('2026-11-30T09:00:00.000Z', now)).toMatch(/3 hours ago/);
  expect(age('2026-11-30T11:59:50.000Z', now)).toMatch(/now/);
  expect(age('not a time', now)).toBe('not a time');
});
