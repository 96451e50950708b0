/**
 * Issue 10: the life of a change request. Approve, reject, withdraw, comment; two steps
 * (creditLimit >= 1,000,000: Approver then Finance); four-eyes on the server (maker and amenders
 * never approve, Super Admin included; one person counts once); the record locked for everyone but
 * the maker while a request is open; amendments reset approvals; stale requests; the apply re-runs
 * the duplicate check; the content API route; change request events on the audit trail.
 */
import { startApp, apiToken, adminToken, adminRole, upUser, bearer, type TestApp } from '../helpers/strapi';
import { customerData, uscc } from '../helpers/fixtures';
import { auditRows } from '../helpers/audit';
import {
  UID,
  CM,
  CR,
  CONTENT_CR,
  version,
  publishedValues,
  publishedRows,
  requestsOf,
  getRequest,
  approve,
  reject,
  withdraw,
  comment,
  expectChangeRequestResponse,
} from '../helpers/approvals';

let app: TestApp;
let full: string;
let other: string;
let superAdmin: { token: string; user: any };
let superAdmin2: string;
let steward: { token: string; user: any };
let steward2: string;
let approver: { token: string; user: any };
let approver2: string;
let financeUser: { token: string; user: any };
let approverAndFinance: string;
let sales: string;
const captured: any[] = [];

const governance = () => app.strapi.plugin('master-data').service('governance');

beforeAll(async () => {
  app = await startApp();
  full = await apiToken(app);
  other = await apiToken(app);
  superAdmin = await adminToken(app);
  superAdmin2 = (await adminToken(app)).token;
  steward = await adminToken(app, ['data-steward']);
  steward2 = (await adminToken(app, ['data-steward'])).token;
  approver = await adminToken(app, ['approver']);
  approver2 = (await adminToken(app, ['approver'])).token;
  financeUser = await adminToken(app, ['finance']);
  approverAndFinance = (await adminToken(app, ['approver', 'finance'])).token;
  sales = (await adminToken(app, ['sales'])).token;
  governance().addConsumer({ name: 'test-capture', handle: async (event: any) => void captured.push(event) });
});
afterAll(async () => {
  governance()?.removeConsumer('test-capture');
  await app?.stop();
});

const seed = (overrides: Record<string, unknown> = {}) => customerData({ creditRating: 'A', paymentTerms: 'NET30', creditLimit: 500000, notes: 'seeded', ...overrides });
const createPublished = async (overrides: Record<string, unknown> = {}) => {
  const res = await app.http.post('/api/customers').set(bearer(full)).send({ data: seed(overrides) });
  if (res.status !== 201) throw new Error(`setup create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId as string;
};
/** Opens a request through REST as `token` (maker: that API token); returns its id. */
const openByToken = async (documentId: string, data: Record<string, unknown>, token = full, reason?: string) => {
  const req = app.http.put(`/api/customers/${documentId}`).set(bearer(token));
  if (reason) req.set('X-Change-Reason', reason);
  return expectChangeRequestResponse(await req.send({ data }));
};
/** Opens a request through the content manager as an admin (save & publish). */
const openByAdmin = async (documentId: string, data: Record<string, unknown>, token: string) =>
  expectChangeRequestResponse(await app.http.post(`${CM}/${documentId}/actions/publish`).set(bearer(token)).send(data));
const eventTypes = (documentId: string) => captured.filter((e) => e.documentId === documentId && String(e.type).startsWith('changeRequest.')).map((e) => e.type);

describe('approve, reject, withdraw, comment', () => {
  test('one step: an Approver approves with a comment; the change is applied to the golden record', async () => {
    const id = await createPublished();
    const before = await publishedValues(app, id);
    const crId = await openByToken(id, { creditRating: 'BBB', notes: 'free field' }, full, 'Rating agency downgrade');
    const pending = await getRequest(app, approver.token, crId);
    expect(pending).toMatchObject({
      id: crId,
      uid: UID,
      documentId: id,
      action: 'update',
      status: 'pending',
      blocked: null,
      maker: { kind: 'api-token' },
      reason: 'Rating agency downgrade',
      policies: ['governed-fields'],
      changes: { creditRating: { before: 'A', after: 'BBB' } },
      currentStep: 0,
      steps: [{ index: 0, name: 'Approval', roles: ['Approver'], required: 1, status: 'current', approvals: [] }],
      decidedAt: null,
      can: { approve: true, reject: true, withdraw: false, comment: true },
    });
    expect(pending.label).toBe(before.name);
    expect(pending.comments.map((c: any) => c.kind)).toEqual(['submit']);

    const res = await approve(app, approver.token, crId, 'Checked with the agency');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: crId, status: 'applied', steps: [{ status: 'done', approvals: [{ actor: { kind: 'admin', id: String(approver.user.id) } }] }] });
    expect(res.body.data.decidedAt).toEqual(expect.any(String));
    expect(await publishedValues(app, id)).toEqual({ ...before, creditRating: 'BBB', notes: 'free field' });
    expect(await publishedRows(app, id)).toBe(1);
    const applied = await getRequest(app, superAdmin.token, crId);
    expect(applied.comments.map((c: any) => c.kind)).toEqual(expect.arrayContaining(['submit', 'approve', 'applied']));
    expect(applied.comments.find((c: any) => c.kind === 'approve').body).toBe('Checked with the agency');
    // Closed: a second decision is a conflict.
    const again = await approve(app, approver2, crId);
    expect([again.status, again.body.error.name]).toEqual([409, 'ChangeRequestClosedError']);
    // The record is free again: a new governed write opens a new request.
    expect(await openByToken(id, { creditRating: 'BB' }, other)).not.toBe(crId);
  });

  test('reject needs a comment (400), leaves the golden record, and frees the record', async () => {
    const id = await createPublished();
    const before = await publishedValues(app, id);
    const crId = await openByToken(id, { paymentTerms: 'NET90' });
    const bare = await reject(app, approver.token, crId);
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.body.error)).toMatch(/comment/);
    expect((await reject(app, approver.token, crId, '   ')).status).toBe(400);
    const res = await reject(app, approver.token, crId, 'Terms are not negotiable');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'rejected' });
    expect(res.body.data.decidedAt).toEqual(expect.any(String));
    expect(await publishedValues(app, id)).toEqual(before);
    expect((await approve(app, approver2, crId)).status).toBe(409);
    expect((await requestsOf(app, superAdmin.token, id, 'pending'))).toEqual([]);
    expect(await openByToken(id, { paymentTerms: 'NET60' }, other)).not.toBe(crId);
  });

  test('withdraw: the maker only (403 for others); the golden record stays', async () => {
    const id = await createPublished();
    const before = await publishedValues(app, id);
    const crId = await openByAdmin(id, { legalName: '撤回测试有限公司' }, steward.token);
    expect((await getRequest(app, steward.token, crId)).can).toMatchObject({ approve: false, withdraw: true });
    const foreign = await withdraw(app, steward2, crId);
    expect(foreign.status).toBe(403);
    expect((await withdraw(app, superAdmin.token, crId)).status).toBe(403);
    const res = await withdraw(app, steward.token, crId);
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('withdrawn');
    expect(await publishedValues(app, id)).toEqual(before);
    expect((await withdraw(app, steward.token, crId)).status).toBe(409);
  });

  test('comments: anyone who may read requests adds one; an empty comment is 400', async () => {
    const id = await createPublished();
    const crId = await openByToken(id, { creditRating: 'CC' });
    const res = await comment(app, steward2, crId, 'Please attach the rating letter');
    expect(res.status).toBe(200);
    expect(res.body.data.comments).toContainEqual(expect.objectContaining({ kind: 'comment', body: 'Please attach the rating letter', actor: expect.objectContaining({ kind: 'admin' }) }));
    expect((await comment(app, steward2, crId, '')).status).toBe(400);
    expect((await app.http.post(`${CR}/${crId}/comments`).set(bearer(steward2)).send({})).status).toBe(400);
    // Without any change request permission (a role that may only read customers): 403.
    const readerRole = await adminRole(app, [{ action: 'plugin::content-manager.explorer.read', subject: UID }]);
    const reader = (await adminToken(app, [readerRole])).token;
    expect((await comment(app, reader, crId, 'hi')).status).toBe(403);
    expect((await app.http.get(`${CR}/${crId}`).set(bearer(reader))).status).toBe(403);
    expect((await app.http.get(`${CR}`).set(bearer(reader))).status).toBe(403);
    expect((await approve(app, reader, crId)).status).toBe(403);
    // Unknown request: 404; a malformed id: 400.
    expect((await app.http.get(`${CR}/99999999`).set(bearer(steward2))).status).toBe(404);
    expect((await approve(app, approver.token, 'abc')).status).toBe(400);
  });

  test('the list: pending, approvable by me, mine, with counts', async () => {
    const id = await createPublished();
    const crId = await openByAdmin(id, { creditRating: 'B+' }, steward.token);
    const mine = await app.http.get(`${CR}?mine=true&status=pending`).set(bearer(steward.token));
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((r: any) => r.id)).toContain(crId);
    expect(mine.body.data.every((r: any) => r.maker.id === String(steward.user.id))).toBe(true);
    expect(mine.body.data[0]).not.toHaveProperty('comments');
    const approvable = await app.http.get(`${CR}?approvable=me`).set(bearer(approver.token));
    expect(approvable.body.data.map((r: any) => r.id)).toContain(crId);
    expect(approvable.body.meta.counts).toMatchObject({ approvable: expect.any(Number), pending: expect.any(Number) });
    expect(approvable.body.meta.counts.approvable).toBeGreaterThanOrEqual(1);
    expect(approvable.body.meta.pagination).toMatchObject({ page: 1, total: expect.any(Number) });
    // The steward may not approve: the request is not "approvable" for them.
    const forSteward = await app.http.get(`${CR}?approvable=me`).set(bearer(steward.token));
    expect(forSteward.body.data.map((r: any) => r.id)).not.toContain(crId);
    const byDoc = await app.http.get(`${CR}?documentId=${id}`).set(bearer(approver.token));
    expect(byDoc.body.data.map((r: any) => r.id)).toEqual([crId]);
    expect((await app.http.get(`${CR}?pageSize=abc`).set(bearer(approver.token))).status).toBe(400);
  });

  test('preview: would publishing the current draft need approval', async () => {
    const id = await createPublished();
    const preview = () => app.http.get(`${CR}/preview?uid=${UID}&documentId=${id}`).set(bearer(steward.token));
    let res = await preview();
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ needsApproval: false, openRequest: null });
    await app.http.put(`/api/customers/${id}?status=draft`).set(bearer(full)).send({ data: { notes: 'draft note' } });
    expect((await preview()).body.data.needsApproval).toBe(false);
    await app.http.put(`/api/customers/${id}?status=draft`).set(bearer(full)).send({ data: { creditLimit: 1500000 } });
    res = await preview();
    expect(res.body.data).toMatchObject({ needsApproval: true, changes: { creditLimit: { before: 500000, after: 1500000 } } });
    expect(res.body.data.steps.map((s: any) => s.name)).toEqual(['Approval', 'Finance']);
  });
});

describe('a closed request leaves nothing behind for the next writer', () => {
  test.each(['rejected', 'withdrawn', 'stale'])('after the request is %s, someone else\'s free write goes live at once and re-submits nothing', async (outcome) => {
    const id = await createPublished();
    const before = await publishedValues(app, id);
    const crId = await openByAdmin(id, { creditRating: 'DDD' }, steward.token);
    if (outcome === 'rejected') expect((await reject(app, approver.token, crId, 'no')).status).toBe(200);
    if (outcome === 'withdrawn') expect((await withdraw(app, steward.token, crId)).status).toBe(200);
    if (outcome === 'stale') {
      await app.strapi.db.query(UID).updateMany({ where: { documentId: id, publishedAt: { $notNull: true } }, data: { creditRating: 'EEE' } });
      expect((await approve(app, approver.token, crId)).status).toBe(409);
    }
    const golden = await publishedValues(app, id);
    const res = await app.http.put(`/api/customers/${id}`).set(bearer(other)).send({ data: { segment: `after ${outcome}` } });
    expect([res.status, res.body.meta?.masterData?.changeRequest]).toEqual([200, undefined]);
    expect(await publishedValues(app, id)).toEqual({ ...golden, segment: `after ${outcome}` });
    expect(await requestsOf(app, superAdmin.token, id, 'pending')).toEqual([]);
    if (outcome !== 'stale') expect(golden).toEqual(before);
  });
});

describe('two steps: creditLimit >= 1,000,000 needs an Approver, then Finance', () => {
  test('steps merge by role set; each step needs its role; the change applies after the last step', async () => {
    const id = await createPublished();
    const before = await publishedValues(app, id);
    const crId = await openByToken(id, { creditLimit: 2000000 });
    const request = await getRequest(app, superAdmin.token, crId);
    expect(request.policies).toEqual(['governed-fields', 'large-credit-limit']);
    expect(request.steps.map((s: any) => [s.name, s.roles, s.required, s.status])).toEqual([
      ['Approval', ['Approver'], 1, 'current'],
      ['Finance', ['Finance'], 1, 'waiting'],
    ]);
    // Finance cannot take the first step.
    const early = await approve(app, financeUser.token, crId);
    expect([early.status, early.body.error?.details?.rule]).toEqual([403, 'role']);
    expect((await getRequest(app, financeUser.token, crId)).can.approve).toBe(false);

    const first = await approve(app, approver.token, crId);
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ status: 'pending', currentStep: 1 });
    expect(first.body.data.steps.map((s: any) => s.status)).toEqual(['done', 'current']);
    expect(await publishedValues(app, id)).toEqual(before);
    // An Approver (another one) cannot take the Finance step.
    const wrongRole = await approve(app, approver2, crId);
    expect([wrongRole.status, wrongRole.body.error?.details?.rule]).toEqual([403, 'role']);
    const again = await approve(app, approver.token, crId);
    expect(again.status).toBe(403);
    expect(['already-approved', 'role']).toContain(again.body.error.details.rule);

    const last = await approve(app, financeUser.token, crId);
    expect(last.status).toBe(200);
    expect(last.body.data).toMatchObject({ status: 'applied' });
    expect(last.body.data.steps.map((s: any) => s.status)).toEqual(['done', 'done']);
    expect(await publishedValues(app, id)).toEqual({ ...before, creditLimit: 2000000 });
    expect(eventTypes(id)).toEqual(['changeRequest.submitted', 'changeRequest.approved', 'changeRequest.approved', 'changeRequest.applied']);
  });

  test('a rejection at the Finance step closes the request; nothing applied', async () => {
    const id = await createPublished();
    const before = await publishedValues(app, id);
    const crId = await openByToken(id, { creditLimit: 1000000 });
    expect((await approve(app, approver.token, crId)).status).toBe(200);
    // An Approver is not who decides the Finance step.
    const wrong = await reject(app, approver2, crId, 'no');
    expect([wrong.status, wrong.body.error?.details?.rule]).toEqual([403, 'role']);
    expect((await reject(app, financeUser.token, crId, 'Exposure too high')).status).toBe(200);
    expect(await publishedValues(app, id)).toEqual(before);
    expect((await getRequest(app, superAdmin.token, crId)).status).toBe('rejected');
  });
});

describe('four-eyes', () => {
  test('the maker cannot approve or reject their own request, Super Admin included; another Super Admin may approve any step', async () => {
    const id = await createPublished();
    const crId = await openByAdmin(id, { creditLimit: 1200000, taxId: uscc() }, superAdmin.token);
    const view = await getRequest(app, superAdmin.token, crId);
    expect(view.maker).toMatchObject({ kind: 'admin', id: String(superAdmin.user.id) });
    expect(view.can).toMatchObject({ approve: false, reject: false, withdraw: true });
    expect(view.can.why).toEqual(expect.any(String));
    const own = await approve(app, superAdmin.token, crId);
    expect([own.status, own.body.error?.details?.rule]).toEqual([403, 'four-eyes']);
    const ownReject = await reject(app, superAdmin.token, crId, 'changed my mind');
    expect([ownReject.status, ownReject.body.error?.details?.rule]).toEqual([403, 'four-eyes']);
    // Another Super Admin takes the Approver step, but one person counts once: not the Finance step too.
    expect((await approve(app, superAdmin2, crId)).status).toBe(200);
    const twice = await approve(app, superAdmin2, crId);
    expect([twice.status, twice.body.error?.details?.rule]).toEqual([403, 'already-approved']);
    const done = await approve(app, financeUser.token, crId);
    expect(done.body.data.status).toBe('applied');
  });

  test('one person counts once: someone holding Approver and Finance approves one step, not both', async () => {
    const id = await createPublished();
    const before = await publishedValues(app, id);
    const crId = await openByToken(id, { creditLimit: 3000000 });
    expect((await approve(app, approverAndFinance, crId)).status).toBe(200);
    const second = await approve(app, approverAndFinance, crId);
    expect([second.status, second.body.error?.details?.rule]).toEqual([403, 'already-approved']);
    expect(await publishedValues(app, id)).toEqual(before);
    expect((await approve(app, financeUser.token, crId)).body.data.status).toBe('applied');
  });

  test('an admin who is both maker and Approver cannot approve; after amending, neither; the amendment is recorded', async () => {
    const makerApprover = await adminToken(app, ['data-steward', 'approver']);
    const id = await createPublished();
    const crId = await openByAdmin(id, { paymentTerms: 'NET45' }, makerApprover.token);
    expect((await approve(app, makerApprover.token, crId)).body.error?.details?.rule).toBe('four-eyes');
    // Amend (same maker): same request, new proposal.
    expect(await openByAdmin(id, { paymentTerms: 'NET50' }, makerApprover.token)).toBe(crId);
    const amended = await getRequest(app, superAdmin.token, crId);
    expect(amended.changes.paymentTerms).toEqual({ before: 'NET30', after: 'NET50' });
    expect(amended.comments.map((c: any) => c.kind)).toEqual(expect.arrayContaining(['submit', 'amend']));
    const res = await approve(app, makerApprover.token, crId);
    expect([res.status, res.body.error?.details?.rule]).toEqual([403, 'four-eyes']);
    expect((await approve(app, approver.token, crId)).body.data.status).toBe('applied');
    expect((await publishedValues(app, id)).paymentTerms).toBe('NET50');
  });

  test('an API token maker: no admin is the maker, any Approver may approve', async () => {
    const id = await createPublished();
    const crId = await openByToken(id, { name: 'Four Eyes Token Rename Ltd' });
    expect((await approve(app, approver2, crId)).body.data.status).toBe('applied');
  });
});

describe('the record is locked while a request is open', () => {
  test('another caller touching a governed field gets 409 ChangeRequestPendingError on every path; free fields still go live', async () => {
    const id = await createPublished();
    const crId = await openByToken(id, { creditRating: 'AA-' });
    const before = await publishedValues(app, id);
    const draftBefore = (await version(app, id, 'draft')).creditRating;
    const expectPending = (res: any) => {
      expect([res.status, res.body?.error?.name, res.body?.error?.details?.changeRequest?.id]).toEqual([409, 'ChangeRequestPendingError', crId]);
    };
    expectPending(await app.http.put(`/api/customers/${id}`).set(bearer(other)).send({ data: { taxId: uscc() } }));
    expectPending(await app.http.put(`/api/customers/${id}?status=draft`).set(bearer(other)).send({ data: { creditRating: 'Z' } }));
    const { jwt } = await upUser(app, [`${UID}.update`, `${UID}.findOne`]);
    expectPending(await app.http.put(`/api/customers/${id}`).set(bearer(jwt)).send({ data: { paymentTerms: 'NET1' } }));
    expectPending(await app.http.put(`${CM}/${id}`).set(bearer(steward.token)).send({ creditLimit: 1 }));
    expectPending(await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(steward.token)).send({ name: 'Someone Else Ltd' }));
    // Code (no maker of its own) is refused too.
    await expect(app.strapi.documents(UID).update({ documentId: id, data: { creditRating: 'Q' } } as any)).rejects.toMatchObject({ name: 'ChangeRequestPendingError' });
    expect((await version(app, id, 'draft')).creditRating).toBe(draftBefore);
    // A free field goes live for anyone; the request stays as it was and still applies.
    const free = await app.http.put(`/api/customers/${id}`).set(bearer(other)).send({ data: { segment: 'Changed meanwhile' } });
    expect(free.status).toBe(200);
    expect(await publishedValues(app, id)).toEqual({ ...before, segment: 'Changed meanwhile' });
    expect((await approve(app, approver.token, crId)).body.data.status).toBe('applied');
    expect(await publishedValues(app, id)).toEqual({ ...before, segment: 'Changed meanwhile', creditRating: 'AA-' });
  });

  test('the maker amends: approvals start over, the request shows the new proposal, and that is what is applied', async () => {
    const id = await createPublished();
    const before = await publishedValues(app, id);
    const crId = await openByToken(id, { creditLimit: 2000000 });
    expect((await approve(app, approver.token, crId)).body.data.currentStep).toBe(1);
    // Amend through REST (same token): 202, same request.
    const amend = await app.http.put(`/api/customers/${id}`).set(bearer(full)).send({ data: { creditLimit: 2500000 } });
    expect(expectChangeRequestResponse(amend)).toBe(crId);
    const amended = await getRequest(app, superAdmin.token, crId);
    expect(amended).toMatchObject({ status: 'pending', currentStep: 0, changes: { creditLimit: { before: 500000, after: 2500000 } } });
    expect(amended.steps.map((s: any) => [s.status, s.approvals.length])).toEqual([
      ['current', 0],
      ['waiting', 0],
    ]);
    expect(eventTypes(id)).toContain('changeRequest.amended');
    // A draft-only save by the maker amends too.
    expect((await app.http.put(`/api/customers/${id}?status=draft`).set(bearer(full)).send({ data: { creditLimit: 2600000 } })).status).toBe(200);
    expect((await getRequest(app, superAdmin.token, crId)).changes.creditLimit.after).toBe(2600000);
    // Finance cannot skip the reset first step.
    expect((await approve(app, financeUser.token, crId)).status).toBe(403);
    expect((await approve(app, approver.token, crId)).status).toBe(200);
    expect((await approve(app, financeUser.token, crId)).body.data.status).toBe('applied');
    expect(await publishedValues(app, id)).toEqual({ ...before, creditLimit: 2600000 });
  });

  test('the maker puts the governed value back: nothing is left to approve, the request is withdrawn', async () => {
    const id = await createPublished();
    const crId = await openByToken(id, { creditRating: 'F' });
    const back = await app.http.put(`/api/customers/${id}`).set(bearer(full)).send({ data: { creditRating: 'A' } });
    expect(back.status).toBe(200);
    expect((await getRequest(app, superAdmin.token, crId)).status).toBe('withdrawn');
    expect(await requestsOf(app, superAdmin.token, id, 'pending')).toEqual([]);
  });
});

describe('stale requests', () => {
  test('the golden record changed by another path after the request opened: approve answers 409 StaleChangeRequestError and the request is stale', async () => {
    const id = await createPublished();
    const crId = await openByToken(id, { creditRating: 'BB+', paymentTerms: 'NET75' });
    // Another path: a database import / SQL (bypasses the application), as `npm run data:reconcile` expects.
    await app.strapi.db.query(UID).updateMany({ where: { documentId: id }, data: { paymentTerms: 'NET15' } });
    const before = await publishedValues(app, id);
    const res = await approve(app, approver.token, crId);
    expect([res.status, res.body.error?.name]).toEqual([409, 'StaleChangeRequestError']);
    const stale = await getRequest(app, superAdmin.token, crId);
    expect(stale.status).toBe('stale');
    expect(stale.comments.map((c: any) => c.kind)).toContain('stale');
    expect(await publishedValues(app, id)).toEqual(before);
    expect(eventTypes(id)).toEqual(['changeRequest.submitted', 'changeRequest.stale']);
    // Closed: approving again is a conflict; the record is free for a new request.
    expect((await approve(app, approver2, crId)).status).toBe(409);
    expect(await openByToken(id, { creditRating: 'BB' }, other)).not.toBe(crId);
  });

  test('the golden record removed by another path (unpublished in the database): stale', async () => {
    const id = await createPublished();
    const crId = await openByToken(id, { legalName: '陈旧测试有限公司' });
    await app.strapi.db.query(UID).deleteMany({ where: { documentId: id, publishedAt: { $notNull: true } } });
    const res = await approve(app, approver.token, crId);
    expect([res.status, res.body.error?.name]).toEqual([409, 'StaleChangeRequestError']);
    expect(await publishedRows(app, id)).toBe(0);
  });

  test('a published change outside the request\'s fields does not make it stale', async () => {
    const id = await createPublished();
    const crId = await openByToken(id, { creditRating: 'CCC' });
    await app.strapi.db.query(UID).updateMany({ where: { documentId: id }, data: { notes: 'edited in SQL' } });
    expect((await approve(app, approver.token, crId)).body.data.status).toBe('applied');
    expect(await publishedValues(app, id)).toMatchObject({ creditRating: 'CCC', notes: 'edited in SQL' });
  });
});

describe('the apply re-runs the duplicate check', () => {
  test('a block at apply time: 409 DuplicateError, the request stays pending with `blocked`, nothing applied', async () => {
    const id = await createPublished();
    const before = await publishedValues(app, id);
    const taxId = uscc();
    const crId = await openByToken(id, { taxId });
    // Meanwhile an import (SQL, no pipeline) gives another customer that tax id, and its keys are rebuilt
    // (npm run data:reconcile): nobody has accepted the pair, so the apply must block.
    const other = await createPublished();
    await app.strapi.db.query(UID).updateMany({ where: { documentId: other }, data: { taxId } });
    await app.strapi.plugin('master-data').service('matching').rebuild({ uid: UID });
    const res = await approve(app, approver.token, crId);
    expect([res.status, res.body.error?.name]).toEqual([409, 'DuplicateError']);
    expect(res.body.error.details.candidates.map((c: any) => c.documentId)).toContain(other);
    const blocked = await getRequest(app, superAdmin.token, crId);
    expect(blocked).toMatchObject({ status: 'pending', blocked: { name: 'DuplicateError', message: expect.any(String) } });
    expect(blocked.comments.map((c: any) => c.kind)).toContain('blocked');
    expect(await publishedValues(app, id)).toEqual(before);
    // The approval was rolled back with the apply: the approver may try again (still blocked).
    const retry = await approve(app, approver.token, crId);
    expect([retry.status, retry.body.error?.name]).toEqual([409, 'DuplicateError']);
    expect(eventTypes(id)).not.toContain('changeRequest.applied');
    // Once the other record no longer carries the tax id, the same request applies.
    await app.strapi.db.query(UID).updateMany({ where: { documentId: other }, data: { taxId: uscc() } });
    await app.strapi.plugin('master-data').service('matching').rebuild({ uid: UID });
    const done = await approve(app, approver.token, crId);
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ status: 'applied', blocked: null });
    expect((await publishedValues(app, id)).taxId).toBe(taxId);
  });

  test('an override accepted earlier for the pair does not block the apply (issue 8: the later publish of an overridden pair)', async () => {
    const id = await createPublished();
    const taxId = uscc();
    const crId = await openByToken(id, { taxId });
    const copy = await app.http.post('/api/customers').set(bearer(full)).set('X-Duplicate-Override', 'ledger import').send({ data: seed({ taxId }) });
    expect(copy.status).toBe(201);
    expect((await approve(app, approver.token, crId)).body.data.status).toBe('applied');
  });

  test('validation runs again at apply: a proposal that no longer validates is refused (400 naming the field), the request stays pending with `blocked`', async () => {
    const id = await createPublished();
    const before = await publishedValues(app, id);
    const crId = await openByToken(id, { taxId: uscc() });
    // An import moves the record to another country (both versions): the proposed CN tax id is no longer valid there.
    await app.strapi.db.query(UID).updateMany({ where: { documentId: id }, data: { country: 'DE' } });
    const res = await approve(app, approver.token, crId);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors[0].path).toEqual(['taxId']);
    const blocked = await getRequest(app, superAdmin.token, crId);
    expect(blocked).toMatchObject({ status: 'pending', blocked: { name: 'ValidationError' } });
    expect(await publishedValues(app, id)).toEqual({ ...before, country: 'DE' });
  });
});

describe('the content API route', () => {
  test('GET /api/master-data/change-requests/:id needs change-requests.findOne; the answer has no `can`', async () => {
    const id = await createPublished();
    const crId = await openByToken(id, { creditRating: 'B' });
    const without = await apiToken(app, 'custom', [`${UID}.find`, `${UID}.findOne`]);
    expect((await app.http.get(`${CONTENT_CR}/${crId}`).set(bearer(without))).status).toBe(403);
    const noPermUser = await upUser(app, [`${UID}.findOne`]);
    expect((await app.http.get(`${CONTENT_CR}/${crId}`).set(bearer(noPermUser.jwt))).status).toBe(403);
    expect((await app.http.get(`${CONTENT_CR}/${crId}`)).status).toBe(403);

    const withPerm = await apiToken(app, 'custom', ['plugin::master-data.change-requests.findOne', `${UID}.findOne`]);
    const res = await app.http.get(`${CONTENT_CR}/${crId}`).set(bearer(withPerm));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: crId, documentId: id, status: 'pending', action: 'update', changes: { creditRating: { before: 'A', after: 'B' } } });
    expect(res.body.data).not.toHaveProperty('can');
    const byFull = await app.http.get(`${CONTENT_CR}/${crId}`).set(bearer(full));
    expect(byFull.status).toBe(200);
    const user = await upUser(app, ['plugin::master-data.change-requests.findOne', `${UID}.findOne`]);
    expect((await app.http.get(`${CONTENT_CR}/${crId}`).set(bearer(user.jwt))).status).toBe(200);
    expect((await app.http.get(`${CONTENT_CR}/99999999`).set(bearer(full))).status).toBe(404);
    expect((await app.http.get(`${CONTENT_CR}/not-a-number`).set(bearer(full))).status).toBe(400);
  });

  test('a viewer who may not read a field sees its change masked (admin role with field-level limits; content API caller without read)', async () => {
    const id = await createPublished();
    const crId = await openByToken(id, { bankAccounts: [{ bankName: 'Masked Bank', accountName: 'M', accountNumber: '6222 1111 2222' }], creditLimit: 800000, segment: 'Visible' });
    // Sales reads change requests but never bank accounts or credit data.
    const seen = await app.http.get(`${CR}/${crId}`).set(bearer(sales));
    expect(seen.status).toBe(200);
    expect(seen.body.data.changes).toEqual({ bankAccounts: { masked: true }, creditLimit: { masked: true } });
    expect(JSON.stringify(seen.body)).not.toContain('Masked Bank');
    const listed = await app.http.get(`${CR}?documentId=${id}`).set(bearer(sales));
    expect(JSON.stringify(listed.body)).not.toContain('Masked Bank');
    expect(JSON.stringify(listed.body)).not.toContain('800000');
    // A content API caller that may read change requests but not customers learns no values.
    const reader = await apiToken(app, 'custom', ['plugin::master-data.change-requests.findOne']);
    const res = await app.http.get(`${CONTENT_CR}/${crId}`).set(bearer(reader));
    expect([200, 403, 404]).toContain(res.status);
    expect(JSON.stringify(res.body)).not.toContain('Masked Bank');
    expect(JSON.stringify(res.body)).not.toContain('800000');
  });
});

describe('events on the audit trail', () => {
  test('submitted, approved, applied, rejected, withdrawn, amended land on the trail in the same transaction as the decision', async () => {
    const a = await createPublished();
    const crA = await openByAdmin(a, { creditRating: 'B-' }, steward.token);
    await openByAdmin(a, { creditRating: 'B' }, steward.token);
    expect((await approve(app, approver.token, crA)).status).toBe(200);
    const b = await createPublished();
    const crB = await openByToken(b, { paymentTerms: 'NET20' });
    expect((await reject(app, approver.token, crB, 'no')).status).toBe(200);
    const c = await createPublished();
    const crC = await openByAdmin(c, { paymentTerms: 'NET25' }, steward.token);
    expect((await withdraw(app, steward.token, crC)).status).toBe(200);

    const trail = async (documentId: string) => (await auditRows(app, { document_id: documentId })).map((r: any) => r.action).filter((x: string) => x.startsWith('change-request.'));
    expect(await trail(a)).toEqual(['change-request.submit', 'change-request.amend', 'change-request.approve', 'change-request.apply']);
    expect(await trail(b)).toEqual(['change-request.submit', 'change-request.reject']);
    expect(await trail(c)).toEqual(['change-request.submit', 'change-request.withdraw']);
    expect(eventTypes(a)).toEqual(['changeRequest.submitted', 'changeRequest.amended', 'changeRequest.approved', 'changeRequest.applied']);
    expect(eventTypes(b)).toEqual(['changeRequest.submitted', 'changeRequest.rejected']);
    expect(eventTypes(c)).toEqual(['changeRequest.submitted', 'changeRequest.withdrawn']);
    // The approver is the actor of the approval and of the apply; the applied change is a publish of the record.
    const rows = await auditRows(app, { document_id: a });
    const approveRow = rows.find((r: any) => r.action === 'change-request.approve');
    expect(approveRow.actor_id).toBe(String(approver.user.id));
    const applyIndex = rows.findIndex((r: any) => r.action === 'change-request.apply');
    expect(rows.slice(0, applyIndex + 1).some((r: any) => r.action === 'publish' && JSON.parse(r.changes).creditRating?.after === 'B')).toBe(true);
    // The admin audit route lists them too, and the chain verifies.
    const listed = await app.http.get(`/master-data/audit-events?documentId=${a}&limit=50`).set(bearer(superAdmin.token));
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((e: any) => e.action)).toEqual(expect.arrayContaining(['change-request.submit', 'change-request.apply']));
    const verify = await app.http.get('/master-data/audit-events/verify').set(bearer(superAdmin.token));
    expect(verify.body.data.ok).toBe(true);
  });
});
