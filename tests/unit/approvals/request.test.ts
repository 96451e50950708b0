import { advance, approvalRefusal, rejectionRefusal, stepViews, withdrawalRefusal, type RequestState } from '../../../src/plugins/master-data/server/src/approvals/domain/request';

const maker = { kind: 'admin' as const, id: '1', name: 'Maker' };
const alice = { kind: 'admin' as const, id: '2', name: 'Alice' };
const bob = { kind: 'admin' as const, id: '3', name: 'Bob' };
const fin = { kind: 'admin' as const, id: '4', name: 'Finn' };

const state = (over: Partial<RequestState> = {}): RequestState => ({
  status: 'pending',
  maker,
  amenders: [],
  steps: [
    { name: 'Approval', roles: ['Approver'], approvals: 2 },
    { name: 'Finance', roles: ['Finance'], approvals: 1 },
  ],
  currentStep: 0,
  approvals: [],
  ...over,
});

const approver = (actor: typeof alice, roles = ['Approver'], superAdmin = false) => ({ actor, roles, superAdmin });

test('the maker never approves, whatever their role', () => {
  expect(approvalRefusal(state(), approver(maker, ['Approver'], true))?.rule).toBe('four-eyes');
});

test('an amender never approves', () => {
  expect(approvalRefusal(state({ amenders: [alice] }), approver(alice))?.rule).toBe('four-eyes');
});

test('one person counts once per request', () => {
  const s = state({ approvals: [{ step: 0, actor: alice, at: 't' }] });
  expect(approvalRefusal(s, approver(alice, ['Approver', 'Finance']))?.rule).toBe('already-approved');
});

test('a step needs one of its roles; Super Admin holds every role', () => {
  expect(approvalRefusal(state(), approver(fin, ['Finance']))?.rule).toBe('role');
  expect(approvalRefusal(state(), approver(fin, [], true))).toBeNull();
  expect(approvalRefusal(state(), approver(alice, ['approver']))).toBeNull();
});

test('N of M: the step completes on its second distinct approval, the request on the last step', () => {
  let s = state();
  let next = advance(s, { step: 0, actor: alice, at: 't1' });
  expect(next).toEqual({ currentStep: 0, done: false });
  s = state({ approvals: [{ step: 0, actor: alice, at: 't1' }] });
  next = advance(s, { step: 0, actor: bob, at: 't2' });
  expect(next).toEqual({ currentStep: 1, done: false });
  s = state({ currentStep: 1, approvals: [{ step: 0, actor: alice, at: 't1' }, { step: 0, actor: bob, at: 't2' }] });
  expect(advance(s, { step: 1, actor: fin, at: 't3' })).toEqual({ currentStep: 2, done: true });
});

test('closed requests refuse everything', () => {
  expect(approvalRefusal(state({ status: 'applied' }), approver(alice))?.rule).toBe('closed');
  expect(rejectionRefusal(state({ status: 'withdrawn' }), approver(alice))?.rule).toBe('closed');
  expect(withdrawalRefusal(state({ status: 'rejected' }), maker)?.rule).toBe('closed');
});

test('only the maker withdraws; the maker does not reject', () => {
  expect(withdrawalRefusal(state(), alice)?.rule).toBe('maker-only');
  expect(withdrawalRefusal(state(), maker)).toBeNull();
  expect(rejectionRefusal(state(), approver(maker))?.rule).toBe('four-eyes');
});

test('step views: done, current, waiting', () => {
  const views = stepViews(state({ currentStep: 1, approvals: [{ step: 0, actor: alice, at: 't' }] }));
  expect(views.map((v) => v.status)).toEqual(['done', 'current']);
  expect(views[0].approvals).toEqual([{ actor: alice, at: 't' }]);
});
