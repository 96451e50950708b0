/**
 * Issue 10: races. Two approvers approving the last required step at the same moment apply the
 * change exactly once (one `applied`, one published version, one changeRequest.applied event per
 * request); an amendment racing an approval leaves a consistent state (what is published is what
 * an applied request shows); two makers opening requests on the same record at once leave exactly
 * one open request. One Strapi per file, rounds in batches. PostgreSQL: >= 200 rounds of the
 * approval race; SQLite: APPROVALS_RACE_ROUNDS_SQLITE (default 200).
 */
import { startApp, apiToken, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { isPostgres } from '../helpers/database';
import { customerData } from '../helpers/fixtures';
import { auditRows } from '../helpers/audit';
import { UID, CM, version, publishedRows, requestsOf, getRequest, approve, expectChangeRequestResponse } from '../helpers/approvals';

const ROUNDS = isPostgres() ? Number(process.env.APPROVALS_RACE_ROUNDS ?? 200) : Number(process.env.APPROVALS_RACE_ROUNDS_SQLITE ?? 200);
const BATCH = 20;
const SMALL = isPostgres() ? 40 : 20;

let app: TestApp;
let makerA: string;
let makerB: string;
let superAdmin: string;
let stewardA: string;
let stewardB: string;
let approverA: string;
let approverB: string;
let financeA: string;
let financeB: string;
const captured: any[] = [];

const governance = () => app.strapi.plugin('master-data').service('governance');

beforeAll(async () => {
  app = await startApp();
  makerA = await apiToken(app);
  makerB = await apiToken(app);
  superAdmin = (await adminToken(app)).token;
  stewardA = (await adminToken(app, ['data-steward'])).token;
  stewardB = (await adminToken(app, ['data-steward'])).token;
  approverA = (await adminToken(app, ['approver'])).token;
  approverB = (await adminToken(app, ['approver'])).token;
  financeA = (await adminToken(app, ['finance'])).token;
  financeB = (await adminToken(app, ['finance'])).token;
  governance().addConsumer({ name: 'test-capture', handle: async (event: any) => void captured.push(event) });
}, 300000);
afterAll(async () => {
  governance()?.removeConsumer('test-capture');
  await app?.stop();
});

const createPublished = async (overrides: Record<string, unknown> = {}) => {
  const res = await app.http
    .post('/api/customers')
    .set(bearer(makerA))
    .send({ data: customerData({ creditRating: 'A', paymentTerms: 'NET30', creditLimit: 500000, contacts: [], phone: null, ...overrides }) });
  if (res.status !== 201) throw new Error(`setup create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId as string;
};
const open = async (documentId: string, data: Record<string, unknown>, token = makerA) =>
  expectChangeRequestResponse(await app.http.put(`/api/customers/${documentId}`).set(bearer(token)).send({ data }));
const published = (documentId: string) => version(app, documentId, 'published');
const eventsOfType = (documentId: string, type: string) => captured.filter((e) => e.documentId === documentId && e.type === type).length;
const trailCount = async (documentId: string, action: string) => (await auditRows(app, { document_id: documentId, action })).length;

/** Runs `fn` over the items with at most `limit` at once (setup writes: keep the machine responsive). */
const pool = async <T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> => {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    })
  );
  return out;
};

describe('parallel approvals of the last required step apply the change exactly once', () => {
  test(`${ROUNDS} rounds, in batches of ${BATCH} records raced at once`, async () => {
    const failures: string[] = [];
    let rounds = 0;
    for (let start = 0; start < ROUNDS; start += BATCH) {
      const size = Math.min(BATCH, ROUNDS - start);
      // Every fourth round is a two-step request (creditLimit >= 1,000,000): the race is on the Finance step.
      const plans = Array.from({ length: size }, (_, i) => {
        const round = start + i;
        const twoStep = round % 4 === 3;
        return { round, twoStep, data: twoStep ? { creditLimit: 1000000 + round } : { creditRating: `R${round}` } };
      });
      const setups = await pool(plans, isPostgres() ? 4 : 1, async (plan) => {
        const documentId = await createPublished();
        const crId = await open(documentId, plan.data);
        if (plan.twoStep) {
          const first = await approve(app, approverA, crId);
          if (first.status !== 200 || first.body.data.currentStep !== 1) throw new Error(`round ${plan.round}: first step ${first.status} ${JSON.stringify(first.body)}`);
        }
        return { ...plan, documentId, crId };
      });

      // The race: both last-step approvers of every record at once.
      const answers = await Promise.all(
        setups.flatMap((s) => {
          const [x, y] = s.twoStep ? [financeA, financeB] : [approverA, approverB];
          return [approve(app, x, s.crId), approve(app, y, s.crId)];
        })
      );

      for (const [i, s] of setups.entries()) {
        rounds += 1;
        const [p, q] = [answers[2 * i], answers[2 * i + 1]];
        const statuses = [p.status, q.status].sort();
        const loser = p.status === 200 ? q : p;
        const problems: string[] = [];
        if (statuses.join() !== '200,409') problems.push(`statuses ${statuses.join()} (${JSON.stringify(p.body?.error ?? p.body?.data?.status)} / ${JSON.stringify(q.body?.error ?? q.body?.data?.status)})`);
        else if (loser.body?.error?.name !== 'ChangeRequestClosedError') problems.push(`loser answered ${loser.body?.error?.name}`);
        const winner = p.status === 200 ? p : q;
        if (winner.status === 200 && winner.body?.data?.status !== 'applied') problems.push(`winner says ${winner.body?.data?.status}`);
        const request = await getRequest(app, superAdmin, s.crId);
        if (request.status !== 'applied') problems.push(`request ${request.status}`);
        const lastStep = request.steps[request.steps.length - 1];
        if (lastStep.approvals.length !== 1) problems.push(`last step has ${lastStep.approvals.length} approvals`);
        if ((await publishedRows(app, s.documentId)) !== 1) problems.push(`${await publishedRows(app, s.documentId)} published rows`);
        const row = await published(s.documentId);
        const [[field, value]] = Object.entries(s.data);
        if (String(Number(row?.[field]) || row?.[field]) !== String(value)) problems.push(`published ${field} = ${row?.[field]}`);
        const applied = eventsOfType(s.documentId, 'changeRequest.applied');
        if (applied !== 1) problems.push(`${applied} changeRequest.applied events`);
        const trail = await trailCount(s.documentId, 'change-request.apply');
        if (trail !== 1) problems.push(`${trail} change-request.apply audit rows`);
        const approvals = await trailCount(s.documentId, 'change-request.approve');
        if (approvals !== (s.twoStep ? 2 : 1)) problems.push(`${approvals} change-request.approve audit rows`);
        // The golden record took the change once: one publish event carries it (the apply's).
        const publishes = (await auditRows(app, { document_id: s.documentId, action: 'publish' })).filter((r: any) => String(JSON.parse(r.changes)[field]?.after) === String(value)).length;
        if (publishes !== 1) problems.push(`${publishes} publish events carry the change of ${field}`);
        if (problems.length) failures.push(`round ${s.round}${s.twoStep ? ' (two steps)' : ''}: ${problems.join('; ')}`);
      }
    }
    expect(rounds).toBe(ROUNDS);
    expect(failures).toEqual([]);
    const verify = await app.http.get('/master-data/audit-events/verify').set(bearer(superAdmin));
    expect(verify.body.data.ok).toBe(true);
  }, 1800000);
});

describe('amend vs approve', () => {
  test(`${SMALL} rounds: what is published is what the applied request shows; the amendment is never lost`, async () => {
    const failures: string[] = [];
    const setups = await pool(Array.from({ length: SMALL }, (_, i) => i), isPostgres() ? 4 : 1, async (round) => {
      const documentId = await createPublished();
      return { round, documentId, crId: await open(documentId, { creditRating: `V1-${round}` }) };
    });
    const answers = await Promise.all(
      setups.map((s) =>
        Promise.all([
          app.http.put(`/api/customers/${s.documentId}`).set(bearer(makerA)).send({ data: { creditRating: `V2-${s.round}` } }),
          approve(app, approverA, s.crId),
        ])
      )
    );
    let amendFirst = 0;
    let approveFirst = 0;
    for (const [i, s] of setups.entries()) {
      const [amend, approval] = answers[i];
      const [v1, v2] = [`V1-${s.round}`, `V2-${s.round}`];
      const problems: string[] = [];
      if (amend.status !== 202) problems.push(`amend answered ${amend.status} ${JSON.stringify(amend.body?.error)}`);
      if (![200, 409].includes(approval.status)) problems.push(`approve answered ${approval.status} ${JSON.stringify(approval.body?.error)}`);
      const amendId = amend.body?.meta?.masterData?.changeRequest?.id;
      const first = await getRequest(app, superAdmin, s.crId);
      const golden = (await published(s.documentId))?.creditRating;
      const draft = (await version(app, s.documentId, 'draft'))?.creditRating;
      if (draft !== v2) problems.push(`draft ${draft}, the amendment ${v2} lost`);
      if (first.status === 'applied') {
        if (golden !== first.changes.creditRating?.after) problems.push(`published ${golden} but the applied request shows ${first.changes.creditRating?.after}`);
        if (amendId === s.crId) {
          amendFirst += 1;
          if (golden !== v2) problems.push(`amended first, yet published ${golden}`);
        } else {
          approveFirst += 1;
          if (golden !== v1) problems.push(`approved first, yet published ${golden}`);
          const next = amendId ? await getRequest(app, superAdmin, amendId) : null;
          if (!next || next.status !== 'pending' || next.changes.creditRating?.before !== v1 || next.changes.creditRating?.after !== v2) {
            problems.push(`the amendment after the apply should be a new pending request ${v1} -> ${v2}: ${JSON.stringify(next && { status: next.status, changes: next.changes })}`);
          }
        }
      } else if (first.status === 'pending') {
        amendFirst += 1;
        if (golden !== 'A') problems.push(`request pending but published ${golden}`);
        if (first.changes.creditRating?.after !== v2) problems.push(`pending request shows ${first.changes.creditRating?.after}`);
        if (approval.status === 200) problems.push('approve answered 200 but the request is pending');
      } else problems.push(`request ${first.status}`);
      const applied = eventsOfType(s.documentId, 'changeRequest.applied');
      if (applied !== (first.status === 'applied' ? 1 : 0)) problems.push(`${applied} applied events`);
      if ((await requestsOf(app, superAdmin, s.documentId, 'pending')).length > 1) problems.push('more than one pending request');
      if ((await publishedRows(app, s.documentId)) !== 1) problems.push('published rows != 1');
      if (problems.length) failures.push(`round ${s.round}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
    // Both orders are legitimate; report which ones the run saw.
    expect(amendFirst + approveFirst).toBeGreaterThan(0);
  }, 900000);
});

describe('two makers at once on the same record', () => {
  test(`${SMALL} rounds of two API tokens: exactly one open request, the other caller gets 409 ChangeRequestPendingError`, async () => {
    const failures: string[] = [];
    const ids = await pool(Array.from({ length: SMALL }, (_, i) => i), isPostgres() ? 4 : 1, () => createPublished());
    const answers = await Promise.all(
      ids.map((id, round) =>
        Promise.all([
          app.http.put(`/api/customers/${id}`).set(bearer(makerA)).send({ data: { creditRating: `MA-${round}` } }),
          app.http.put(`/api/customers/${id}`).set(bearer(makerB)).send({ data: { creditRating: `MB-${round}`, notes: `B ${round}` } }),
        ])
      )
    );
    for (const [round, id] of ids.entries()) {
      const [a, b] = answers[round];
      const problems: string[] = [];
      const statuses = [a.status, b.status].sort().join();
      if (statuses !== '202,409') problems.push(`statuses ${a.status}/${b.status}`);
      const loser = a.status === 409 ? a : b;
      if (loser.status === 409 && loser.body?.error?.name !== 'ChangeRequestPendingError') problems.push(`loser ${loser.body?.error?.name}`);
      const winnerValue = a.status === 202 ? `MA-${round}` : `MB-${round}`;
      const pending = await requestsOf(app, superAdmin, id, 'pending');
      if (pending.length !== 1) problems.push(`${pending.length} pending requests`);
      else {
        if (pending[0].changes.creditRating?.after !== winnerValue) problems.push(`open request proposes ${pending[0].changes.creditRating?.after}, winner sent ${winnerValue}`);
        if (loser.body?.error?.details?.changeRequest?.id !== pending[0].id) problems.push('the 409 does not name the open request');
      }
      if ((await version(app, id, 'draft'))?.creditRating !== winnerValue) problems.push(`draft ${(await version(app, id, 'draft'))?.creditRating}`);
      if ((await published(id))?.creditRating !== 'A') problems.push(`published ${(await published(id))?.creditRating}`);
      // The loser's free field is not half-written either: its write was refused as a whole.
      if (b.status === 409 && (await published(id))?.notes === `B ${round}`) problems.push('the refused write published its notes');
      if (problems.length) failures.push(`round ${round}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 900000);

  test(`${SMALL} rounds of two stewards in the content manager (save & publish) at once`, async () => {
    const failures: string[] = [];
    const ids = await pool(Array.from({ length: SMALL }, (_, i) => i), isPostgres() ? 4 : 1, () => createPublished());
    const answers = await Promise.all(
      ids.map((id, round) =>
        Promise.all([
          app.http.post(`${CM}/${id}/actions/publish`).set(bearer(stewardA)).send({ paymentTerms: `SA-${round}` }),
          app.http.post(`${CM}/${id}/actions/publish`).set(bearer(stewardB)).send({ paymentTerms: `SB-${round}` }),
        ])
      )
    );
    for (const [round, id] of ids.entries()) {
      const [a, b] = answers[round];
      const problems: string[] = [];
      const statuses = [a.status, b.status].sort().join();
      if (statuses !== '202,409') problems.push(`statuses ${a.status}/${b.status} ${JSON.stringify([a.body?.error, b.body?.error])}`);
      const winnerValue = a.status === 202 ? `SA-${round}` : `SB-${round}`;
      const pending = await requestsOf(app, superAdmin, id, 'pending');
      if (pending.length !== 1) problems.push(`${pending.length} pending requests`);
      else if (pending[0].changes.paymentTerms?.after !== winnerValue) problems.push(`open request proposes ${pending[0].changes.paymentTerms?.after}, winner sent ${winnerValue}`);
      if ((await version(app, id, 'draft'))?.paymentTerms !== winnerValue) problems.push(`draft ${(await version(app, id, 'draft'))?.paymentTerms}`);
      if ((await published(id))?.paymentTerms !== 'NET30') problems.push(`published ${(await published(id))?.paymentTerms}`);
      if (problems.length) failures.push(`round ${round}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 900000);

  test(`${SMALL} rounds of the same maker twice at once: both 202 on one request, which shows what the draft holds`, async () => {
    const failures: string[] = [];
    const ids = await pool(Array.from({ length: SMALL }, (_, i) => i), isPostgres() ? 4 : 1, () => createPublished());
    const answers = await Promise.all(
      ids.map((id, round) =>
        Promise.all([
          app.http.put(`/api/customers/${id}`).set(bearer(makerA)).send({ data: { creditRating: `S1-${round}` } }),
          app.http.put(`/api/customers/${id}`).set(bearer(makerA)).send({ data: { creditRating: `S2-${round}` } }),
        ])
      )
    );
    for (const [round, id] of ids.entries()) {
      const [a, b] = answers[round];
      const problems: string[] = [];
      if (a.status !== 202 || b.status !== 202) problems.push(`statuses ${a.status}/${b.status}`);
      const pending = await requestsOf(app, superAdmin, id, 'pending');
      const draft = (await version(app, id, 'draft'))?.creditRating;
      if (pending.length !== 1) problems.push(`${pending.length} pending requests`);
      else if (pending[0].changes.creditRating?.after !== draft) problems.push(`request shows ${pending[0].changes.creditRating?.after}, draft holds ${draft}`);
      if (a.body?.meta?.masterData?.changeRequest?.id !== b.body?.meta?.masterData?.changeRequest?.id) problems.push('two request ids');
      if ((await published(id))?.creditRating !== 'A') problems.push('published changed');
      if (problems.length) failures.push(`round ${round}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 900000);
});
