/**
 * Issue 10, the bypass suite: every path that writes a customer, as every kind of caller, tries to
 * change a policy-governed value of the published version without approval. Each attempt must end
 * with the published version unchanged (read from the database, not through the middleware) and
 * either a change request (202, meta.masterData.changeRequest, Location) or a refusal (4xx).
 * Writes outside every policy go live at once; a mixed write publishes the free fields only.
 */
import { startApp, apiToken, adminToken, upUser, bearer, type TestApp } from '../helpers/strapi';
import { makeAppVariant } from '../helpers/app-variant';
import { customerData, uscc } from '../helpers/fixtures';
import { eventsOf } from '../helpers/audit';
import {
  UID,
  GROUP,
  CM,
  ATTEMPTS,
  newValue,
  version,
  values,
  publishedValues,
  publishedRows,
  requestsOf,
  getRequest,
  approve,
  attempt,
  expectChangeRequestResponse,
  expectHeldOrRefused,
  expectRefusedOrPending,
  expectRefusal,
} from '../helpers/approvals';

let app: TestApp;
let full: string;
let custom: string;
let readOnly: string;
let up: string;
let superAdmin: string;
let steward: string;
let finance: string;
let approver: string;

const CUSTOMER_ACTIONS = ['find', 'findOne', 'create', 'update', 'delete'].map((a) => `${UID}.${a}`);

/** A published customer with a value in every governed field (created at once: below every create policy). */
const seed = (overrides: Record<string, unknown> = {}) =>
  customerData({ creditRating: 'A', paymentTerms: 'NET30', creditLimit: 500000, notes: 'seeded', segment: 'SME', ...overrides });
const createPublished = async (overrides: Record<string, unknown> = {}) => {
  const res = await app.http.post('/api/customers').set(bearer(full)).set('X-Duplicate-Override', 'test setup').send({ data: seed(overrides) });
  if (res.status !== 201) throw new Error(`setup create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId as string;
};
/** Saves governed values to the draft only (a draft-only write is free while no request is open). */
const draftOnly = async (documentId: string, data: Record<string, unknown>) => {
  const res = await app.http.put(`/api/customers/${documentId}?status=draft`).set(bearer(full)).send({ data });
  if (res.status !== 200) throw new Error(`draft-only write: expected 200, got ${res.status} ${JSON.stringify(res.body)}`);
};
/** The governed part of a value as the draft stores it, to compare with what was sent. */
const proposed = (data: Record<string, unknown>) => {
  const [[field, value]] = Object.entries(data);
  if (field === 'bankAccounts') return { [field]: (value as any[]).map((b) => expect.objectContaining({ bankName: b.bankName, accountName: b.accountName })) };
  if (field === 'creditLimit') return { [field]: Number(value) };
  return { [field]: field === 'taxId' ? value : expect.anything() };
};
const label = (field: string) => (field === 'creditLimitLarge' ? 'creditLimit >= 1,000,000' : field);

const bootDefault = () => {
  beforeAll(async () => {
    app = await startApp();
    full = await apiToken(app);
    custom = await apiToken(app, 'custom', CUSTOMER_ACTIONS);
    readOnly = await apiToken(app, 'read-only');
    up = (await upUser(app, CUSTOMER_ACTIONS)).jwt;
    superAdmin = (await adminToken(app)).token;
    steward = (await adminToken(app, ['data-steward'])).token;
    finance = (await adminToken(app, ['finance'])).token;
    approver = (await adminToken(app, ['approver'])).token;
  });
  afterAll(async () => {
    await app?.stop();
  });
};

describe('with the shipped policies', () => {
  bootDefault();

  const apiCallers: Array<[string, () => string, 'held' | 'refused']> = [
    ['a full-access API token', () => full, 'held'],
    ['a custom API token with update', () => custom, 'held'],
    ['a read-only API token', () => readOnly, 'refused'],
    ['a users-permissions user with update', () => up, 'held'],
  ];
  const admins: Array<[string, () => string, 'held' | 'refused']> = [
    ['Super Admin', () => superAdmin, 'held'],
    ['Data Steward', () => steward, 'held'],
    // Finance may edit credit data and bank accounts but not publish: a draft at most.
    ['Finance', () => finance, 'refused'],
  ];

  describe('REST', () => {
    describe.each(apiCallers)('as %s', (_who, auth, expected) => {
      test.each(ATTEMPTS.map((f) => [label(f), f] as const))('PUT changing %s', async (_l, field) => {
        const id = await createPublished();
        const before = await publishedValues(app, id);
        const data = newValue(field);
        const res = await app.http.put(`/api/customers/${id}`).set(bearer(auth())).send({ data });
        const outcome = await expectHeldOrRefused(app, superAdmin, res, id);
        expect(outcome.held ? 'held' : 'refused').toBe(expected);
        expect(await publishedValues(app, id)).toEqual(before);
        expect(await publishedRows(app, id)).toBe(1);
        if (outcome.held) {
          // The proposal waits in the draft; the request shows the field's change.
          expect(values(await version(app, id, 'draft'))).toMatchObject(proposed(data));
          expect(res.body.data.documentId).toBe(id);
          const request = await getRequest(app, superAdmin, outcome.id!);
          expect(request.action).toBe('update');
          expect(Object.keys(request.changes)).toEqual([Object.keys(data)[0]]);
        }
      });

      test('POST of a new customer with creditLimit >= 1,000,000: creating needs no approval (the shipped policies)', async () => {
        const res = await app.http.post('/api/customers').set(bearer(auth())).send({ data: seed({ creditLimit: 1500000 }) });
        if (expected === 'refused') {
          expectRefusal(res);
          return;
        }
        expect(res.status).toBe(201);
        const documentId = res.body.data.documentId;
        expect(await publishedRows(app, documentId)).toBe(1);
        expect(Number((await version(app, documentId, 'published')).creditLimit)).toBe(1500000);
      });

      test('DELETE of a published customer (golden-record-removal): the record stays', async () => {
        const id = await createPublished();
        const before = await publishedValues(app, id);
        const res = await app.http.delete(`/api/customers/${id}`).set(bearer(auth()));
        const outcome = await expectHeldOrRefused(app, superAdmin, res, id);
        expect(outcome.held ? 'held' : 'refused').toBe(expected);
        if (outcome.held) expect((await getRequest(app, superAdmin, outcome.id!)).action).toBe('delete');
        expect(await publishedValues(app, id)).toEqual(before);
        expect(await version(app, id, 'draft')).not.toBeNull();
      });
    });

    test('POST below every create policy goes live at once (control)', async () => {
      const res = await app.http.post('/api/customers').set(bearer(full)).send({ data: seed({ creditLimit: 999999 }) });
      expect(res.status).toBe(201);
      expect(res.body.meta?.masterData?.changeRequest).toBeUndefined();
      expect(await publishedRows(app, res.body.data.documentId)).toBe(1);
    });

    test('PUT ?status=draft of a governed field is free and publishes nothing', async () => {
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const res = await app.http.put(`/api/customers/${id}?status=draft`).set(bearer(full)).send({ data: { creditRating: 'C' } });
      expect(res.status).toBe(200);
      expect(await publishedValues(app, id)).toEqual(before);
      expect(await requestsOf(app, superAdmin, id, 'pending')).toEqual([]);
    });

    test.each(ATTEMPTS.map((f) => [label(f), f] as const))(
      'a draft saved with %s, then a publishing PUT of an unrelated field: the free field goes live, the pending governed value does not',
      async (_l, field) => {
        const id = await createPublished();
        const before = await publishedValues(app, id);
        const data = newValue(field);
        await draftOnly(id, data);
        const draftBefore = await version(app, id, 'draft');
        const res = await app.http.put(`/api/customers/${id}`).set(bearer(full)).send({ data: { notes: 'only the notes' } });
        // The PUT speaks for its own field: it goes live; the draft's governed value stays a proposal
        // (neither published nor submitted in this writer's name).
        expect(res.status).toBe(200);
        expect(res.body.data.notes).toBe('only the notes');
        expect(await publishedValues(app, id)).toEqual({ ...before, notes: 'only the notes' });
        const key = Object.keys(data)[0];
        expect(values(await version(app, id, 'draft'))[key]).toEqual(values(draftBefore)[key]);
        expect((await app.http.get('/master-data/change-requests').query({ documentId: id }).set(bearer(superAdmin))).body.data).toEqual([]);
        // Publishing the draft itself (code, admin) is what submits it.
        const outcome = await expectHeldOrRefused(app, superAdmin, await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(superAdmin)).send({}), id);
        expect(outcome.held).toBe(true);
        expect(Object.keys((await getRequest(app, superAdmin, outcome.id!)).changes)).toEqual([key]);
        expect(await publishedValues(app, id)).toEqual({ ...before, notes: 'only the notes' });
      }
    );

    test.each(['locale=en', 'status=published', 'fields[0]=name', 'populate=*', 'filters[name][$eq]=nobody'])('PUT ?%s changing taxId and bank accounts is held too', async (query) => {
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const res = await app.http.put(`/api/customers/${id}?${query}`).set(bearer(full)).send({ data: { taxId: uscc(), ...newValue('bankAccounts') } });
      expectChangeRequestResponse(res);
      expect(await publishedValues(app, id)).toEqual(before);
    });

    test('X-Duplicate-Override does not skip approval', async () => {
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const res = await app.http.put(`/api/customers/${id}`).set(bearer(full)).set('X-Duplicate-Override', 'I know what I am doing').send({ data: { creditRating: 'E', taxId: uscc() } });
      expectChangeRequestResponse(res);
      expect(await publishedValues(app, id)).toEqual(before);
    });

    test('delete then create with the same data: the delete is held, the copy is a duplicate (409); over the block with an override it is a new record, the original untouched', async () => {
      const data = seed();
      const created = await app.http.post('/api/customers').set(bearer(full)).send({ data });
      expect(created.status).toBe(201);
      const id = created.body.data.documentId;
      const before = await publishedValues(app, id);
      expectChangeRequestResponse(await app.http.delete(`/api/customers/${id}`).set(bearer(full)));
      // The copy comes without the original's external ids (a pair names one record, see sync.test.ts).
      const copy = await app.http.post('/api/customers').set(bearer(full)).send({ data: { ...data, externalIds: [], bankAccounts: newValue('bankAccounts').bankAccounts } });
      expect(copy.status).toBe(409);
      expect(copy.body.error.name).toBe('DuplicateError');
      expect(copy.body.error.details.candidates.map((c: any) => c.documentId)).toContain(id);
      // The override names a reason and makes a separate record (creating needs no approval).
      const over = await app.http.post('/api/customers').set(bearer(full)).set('X-Duplicate-Override', 'same company, new ledger').send({ data: { ...data, externalIds: [] } });
      expect(over.status).toBe(201);
      expect(over.body.data.documentId).not.toBe(id);
      expect(await publishedValues(app, id)).toEqual(before);
      // Without the override permission (custom token): 403, nothing written.
      const denied = await app.http.post('/api/customers').set(bearer(custom)).set('X-Duplicate-Override', 'please').send({ data: { ...data, externalIds: [] } });
      expect(denied.status).toBe(403);
    });
  });

  describe('the admin content manager', () => {
    describe.each(admins)('as %s', (_who, auth, expected) => {
      test.each(ATTEMPTS.map((f) => [label(f), f] as const))('save then publish changing %s', async (_l, field) => {
        const id = await createPublished();
        const before = await publishedValues(app, id);
        const data = newValue(field);
        const saved = await app.http.put(`${CM}/${id}`).set(bearer(auth())).send(data);
        expect([saved.status, saved.body.error?.name]).toEqual([200, undefined]);
        // The save is draft-only: nothing published, no request yet.
        expect(await publishedValues(app, id)).toEqual(before);
        const res = await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(auth())).send({});
        const outcome = await expectHeldOrRefused(app, superAdmin, res, id);
        expect(outcome.held ? 'held' : 'refused').toBe(expected);
        expect(await publishedValues(app, id)).toEqual(before);
        expect(await publishedRows(app, id)).toBe(1);
      });

      test.each(ATTEMPTS.map((f) => [label(f), f] as const))('save and publish in one request changing %s', async (_l, field) => {
        const id = await createPublished();
        const before = await publishedValues(app, id);
        const res = await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(auth())).send(newValue(field));
        const outcome = await expectHeldOrRefused(app, superAdmin, res, id);
        expect(outcome.held ? 'held' : 'refused').toBe(expected);
        expect(await publishedValues(app, id)).toEqual(before);
      });

      test('publish of a draft that carries a governed change made earlier by someone else', async () => {
        const id = await createPublished();
        const before = await publishedValues(app, id);
        await draftOnly(id, { paymentTerms: 'NET120', taxId: uscc() });
        const res = await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(auth())).send({});
        const outcome = await expectHeldOrRefused(app, superAdmin, res, id);
        expect(outcome.held ? 'held' : 'refused').toBe(expected);
        expect(await publishedValues(app, id)).toEqual(before);
      });

      test('bulk publish of records with pending governed drafts', async () => {
        const ids = [await createPublished(), await createPublished()];
        const before = await Promise.all(ids.map((id) => publishedValues(app, id)));
        await draftOnly(ids[0], newValue('taxId'));
        await draftOnly(ids[1], newValue('bankAccounts'));
        const res = await app.http.post(`${CM}/actions/bulkPublish`).set(bearer(auth())).send({ documentIds: ids });
        for (const id of ids) {
          const outcome = await expectRefusedOrPending(app, superAdmin, res.status, id, 'update');
          if (expected === 'refused') expect(outcome.held).toBe(false);
        }
        expect(await Promise.all(ids.map((id) => publishedValues(app, id)))).toEqual(before);
      });

      test('unpublish and bulk unpublish: the golden record stays published', async () => {
        const [a, b, c] = [await createPublished(), await createPublished(), await createPublished()];
        const before = await Promise.all([a, b, c].map((id) => publishedValues(app, id)));
        const one = await app.http.post(`${CM}/${a}/actions/unpublish`).set(bearer(auth())).send({});
        const outcome = await expectHeldOrRefused(app, superAdmin, one, a);
        expect(outcome.held ? 'held' : 'refused').toBe(expected);
        if (outcome.held) expect((await getRequest(app, superAdmin, outcome.id!)).action).toBe('unpublish');
        const bulk = await app.http.post(`${CM}/actions/bulkUnpublish`).set(bearer(auth())).send({ documentIds: [b, c] });
        for (const id of [b, c]) await expectRefusedOrPending(app, superAdmin, bulk.status, id, 'unpublish');
        expect(await Promise.all([a, b, c].map((id) => publishedValues(app, id)))).toEqual(before);
      });

      test('delete and bulk delete: the record stays', async () => {
        const [a, b, c] = [await createPublished(), await createPublished(), await createPublished()];
        const before = await Promise.all([a, b, c].map((id) => publishedValues(app, id)));
        const one = await app.http.delete(`${CM}/${a}`).set(bearer(auth()));
        const outcome = await expectHeldOrRefused(app, superAdmin, one, a);
        expect(outcome.held ? 'held' : 'refused').toBe(expected);
        const bulk = await app.http.post(`${CM}/actions/bulkDelete`).set(bearer(auth())).send({ documentIds: [b, c] });
        for (const id of [b, c]) await expectRefusedOrPending(app, superAdmin, bulk.status, id, 'delete');
        expect(await Promise.all([a, b, c].map((id) => publishedValues(app, id)))).toEqual(before);
        for (const id of [a, b, c]) expect(await version(app, id, 'draft')).not.toBeNull();
      });
    });

    test('save & publish of a new record with creditLimit >= 1,000,000: creating needs no approval', async () => {
      const res = await app.http.post(`${CM}/actions/publish`).set(bearer(steward)).send(seed({ creditLimit: 3000000 }));
      expect(res.status).toBe(200);
      expect(await publishedRows(app, res.body.data.documentId)).toBe(1);
    });

    test('discard by someone else while a request is open: 409 ChangeRequestPendingError; the proposal and the golden record stay', async () => {
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const held = await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(steward)).send({ creditRating: 'B-' });
      const crId = expectChangeRequestResponse(held);
      const res = await app.http.post(`${CM}/${id}/actions/discard`).set(bearer(superAdmin)).send({});
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ name: 'ChangeRequestPendingError', details: { changeRequest: { id: crId } } });
      expect((await version(app, id, 'draft')).creditRating).toBe('B-');
      expect(await publishedValues(app, id)).toEqual(before);
      // What is applied is what was proposed.
      expect((await approve(app, approver, crId)).status).toBe(200);
      expect(await publishedValues(app, id)).toEqual({ ...before, creditRating: 'B-' });
    });

    test('discard by the maker: the golden record is unchanged and an approval never publishes anything the request does not show', async () => {
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const crId = expectChangeRequestResponse(await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(steward)).send({ creditRating: 'C+' }));
      const res = await app.http.post(`${CM}/${id}/actions/discard`).set(bearer(steward)).send({});
      expect(res.status).toBeLessThan(500);
      expect(await publishedValues(app, id)).toEqual(before);
      const request = await getRequest(app, superAdmin, crId);
      if (request.status === 'pending') {
        const approved = await approve(app, approver, crId);
        expect(approved.status).toBeLessThan(500);
        const after = await publishedValues(app, id);
        // Either the proposal as shown, or nothing.
        expect([before.creditRating, request.changes.creditRating?.after]).toContain(after.creditRating);
        expect({ ...after, creditRating: before.creditRating }).toEqual(before);
      }
    });

    test('clone: the clone is a new draft; publishing it is a first publication (no approval); the source is untouched', async () => {
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const clone = await app.http
        .post(`${CM}/clone/${id}`)
        .set(bearer(steward))
        .send({ name: 'Cloned Around Approval Ltd', taxId: uscc(), creditLimit: 4000000, externalIds: [{ system: 'SAP', externalId: `clone-of-${id}` }] });
      expect(clone.status).toBe(200);
      const cloneId = clone.body.data.documentId;
      expect(await publishedRows(app, cloneId)).toBe(0);
      const res = await app.http.post(`${CM}/${cloneId}/actions/publish`).set(bearer(steward)).send({});
      expect(res.status).toBe(200);
      expect(await publishedRows(app, cloneId)).toBe(1);
      expect(await publishedValues(app, id)).toEqual(before);
    });

    test('unpublish then publish: neither removes nor replaces the golden record', async () => {
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const unpublish = await app.http.post(`${CM}/${id}/actions/unpublish`).set(bearer(steward)).send({});
      expectChangeRequestResponse(unpublish);
      // The maker, then someone else, try to publish new governed values over it.
      const mine = await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(steward)).send({ taxId: uscc(), creditLimit: 2500000 });
      await expectHeldOrRefused(app, superAdmin, mine, id);
      const theirs = await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(superAdmin)).send({ bankAccounts: newValue('bankAccounts').bankAccounts });
      expect(theirs.status).toBe(409);
      expect(theirs.body.error.name).toBe('ChangeRequestPendingError');
      expect(await publishedValues(app, id)).toEqual(before);
      expect(await publishedRows(app, id)).toBe(1);
    });

    test('after an approved unpublish, publishing again is a first publication: no approval, the old golden values are gone by approval', async () => {
      const id = await createPublished();
      const crId = expectChangeRequestResponse(await app.http.post(`${CM}/${id}/actions/unpublish`).set(bearer(steward)).send({}));
      expect((await approve(app, approver, crId)).status).toBe(200);
      expect(await publishedRows(app, id)).toBe(0);
      const res = await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(steward)).send({ creditLimit: 1000000 });
      expect(res.status).toBe(200);
      expect(await publishedRows(app, id)).toBe(1);
    });
  });

  describe('code (strapi.documents)', () => {
    const docs = () => app.strapi.documents(UID) as any;

    test.each(ATTEMPTS.map((f) => [label(f), f] as const))('update({ status: published }) changing %s', async (_l, field) => {
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const outcome = await attempt(() => docs().update({ documentId: id, data: newValue(field), status: 'published' }));
      await expectRefusedOrPending(app, superAdmin, outcome, id, 'update');
      expect(await publishedValues(app, id)).toEqual(before);
    });

    test.each(ATTEMPTS.map((f) => [label(f), f] as const))('update of the draft, then publish(), changing %s', async (_l, field) => {
      const id = await createPublished();
      const before = await publishedValues(app, id);
      await docs().update({ documentId: id, data: newValue(field) });
      expect(await publishedValues(app, id)).toEqual(before);
      const outcome = await attempt(() => docs().publish({ documentId: id }));
      await expectRefusedOrPending(app, superAdmin, outcome, id, 'update');
      expect(await publishedValues(app, id)).toEqual(before);
    });

    test('unpublish(), delete(): the golden record stays', async () => {
      const [a, b] = [await createPublished(), await createPublished()];
      const before = [await publishedValues(app, a), await publishedValues(app, b)];
      await expectRefusedOrPending(app, superAdmin, await attempt(() => docs().unpublish({ documentId: a })), a, 'unpublish');
      await expectRefusedOrPending(app, superAdmin, await attempt(() => docs().delete({ documentId: b })), b, 'delete');
      expect([await publishedValues(app, a), await publishedValues(app, b)]).toEqual(before);
    });

    test('create() + publish() of a new record with creditLimit >= 1,000,000: live (creating needs no approval)', async () => {
      const created = await docs().create({ data: seed({ creditLimit: 1200000 }) });
      expect(await publishedRows(app, created.documentId)).toBe(0);
      await docs().publish({ documentId: created.documentId });
      expect(await publishedRows(app, created.documentId)).toBe(1);
    });

    test('create({ status: published }) with creditLimit >= 1,000,000: live (creating needs no approval)', async () => {
      const created = await docs().create({ data: seed({ creditLimit: 1100000 }), status: 'published' });
      expect(await publishedRows(app, created.documentId)).toBe(1);
    });
  });

  describe('merge and unmerge (plugin routes)', () => {
    test.each([
      ['Data Steward', () => steward],
      ['Super Admin', () => superAdmin],
    ])('a merge as %s that would change the survivor\'s governed values is held or refused', async (_who, auth) => {
      const survivor = await createPublished({ name: `Merge Survivor ${uscc().slice(-6)}` });
      const other = await createPublished({ name: `Merge Other ${uscc().slice(-6)}`, bankAccounts: newValue('bankAccounts').bankAccounts });
      const before = { s: await publishedValues(app, survivor), o: await publishedValues(app, other) };
      const res = await app.http.post('/master-data/merges').set(bearer(auth())).send({ survivor, merged: [other], picks: { name: other, creditRating: other } });
      await expectRefusedOrPending(app, superAdmin, res.status, survivor, 'update');
      const after = await publishedValues(app, survivor);
      for (const field of ['name', 'legalName', 'taxId', 'bankAccounts', 'creditRating', 'paymentTerms', 'creditLimit']) expect([field, after[field]]).toEqual([field, before.s[field]]);
      // The merged record's governed values are not changed either.
      const o = await publishedValues(app, other);
      for (const field of ['name', 'taxId', 'bankAccounts']) expect([field, o[field]]).toEqual([field, before.o[field]]);
    });

    test('unmerge that would change the survivor\'s governed values (after an approved merge) is held or refused', async () => {
      const survivor = await createPublished({ name: `Unmerge Survivor ${uscc().slice(-6)}` });
      const other = await createPublished({ name: `Unmerge Other ${uscc().slice(-6)}`, bankAccounts: newValue('bankAccounts').bankAccounts });
      const merge = await app.http.post('/master-data/merges').set(bearer(steward)).send({ survivor, merged: [other] });
      expect(merge.status).toBeLessThan(300);
      const [pending] = await requestsOf(app, superAdmin, survivor, 'pending');
      expect(pending).toBeDefined();
      expect((await approve(app, approver, pending.id)).status).toBe(200);
      const merged = await publishedValues(app, survivor);
      expect(merged.bankAccounts).toHaveLength(2);
      const res = await app.http.post(`/master-data/merges/${merge.body.data.id}/unmerge`).set(bearer(steward)).send({});
      await expectRefusedOrPending(app, superAdmin, res.status, survivor, 'update');
      expect(await publishedValues(app, survivor)).toEqual(merged);
    });
  });

  describe('relations: no shipped policy names customer.group, so a group change is a free write', () => {
    const newGroup = async () => {
      const res = await app.http.post('/api/customer-groups').set(bearer(full)).send({ data: { name: `Bypass group ${uscc().slice(-7)}`, code: `BG${uscc().slice(-7)}` } });
      expect(res.status).toBe(201);
      return res.body.data.documentId as string;
    };
    test('from the customer side: live at once (200), no change request', async () => {
      const g = await newGroup();
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const res = await app.http.put(`/api/customers/${id}`).set(bearer(full)).send({ data: { group: g } });
      expect(res.status).toBe(200);
      expect(await publishedValues(app, id)).toEqual({ ...before, group: g });
      expect(await requestsOf(app, superAdmin, id)).toEqual([]);
    });
    test('from the group side: live at once (200), no change request', async () => {
      const g = await newGroup();
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const res = await app.http.put(`/api/customer-groups/${g}`).set(bearer(full)).send({ data: { customers: { connect: [id] } } });
      expect(res.status).toBe(200);
      expect(await publishedValues(app, id)).toEqual({ ...before, group: g });
      expect(await requestsOf(app, superAdmin, id)).toEqual([]);
    });
  });

  describe('free and mixed writes', () => {
    test.each([
      ['phone', { phone: '+86 755 8888 9999' }, { phone: '+8675588889999' }],
      ['notes', { notes: 'called them today' }, { notes: 'called them today' }],
      ['segment', { segment: 'Enterprise' }, { segment: 'Enterprise' }],
      ['contacts (component outside every policy)', { contacts: [{ name: 'Wang Fang', email: 'wang.fang@example.com' }] }, { contacts: [expect.objectContaining({ name: 'Wang Fang' })] }],
    ])('a REST write of %s only goes live at once: 200, no change request', async (_f, data, stored) => {
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const res = await app.http.put(`/api/customers/${id}`).set(bearer(up)).send({ data });
      expect(res.status).toBe(200);
      expect(res.headers.location).toBeUndefined();
      expect(res.body.meta?.masterData?.changeRequest).toBeUndefined();
      const after = await publishedValues(app, id);
      expect(after).toMatchObject(stored);
      expect({ ...after, ...Object.fromEntries(Object.keys(data).map((k) => [k, before[k]])) }).toEqual(before);
      expect(await requestsOf(app, superAdmin, id)).toEqual([]);
    });

    test('a write of governed fields only leaves the golden record as it was: no publish event on the trail', async () => {
      const id = await createPublished();
      const before = await eventsOf(app, id);
      expectChangeRequestResponse(await app.http.put(`/api/customers/${id}`).set(bearer(full)).send({ data: { creditRating: 'BB', taxId: uscc() } }));
      const added = (await eventsOf(app, id)).slice(before.length).map((e) => [e.action, Object.keys(e.changes).sort()]);
      expect(added).toEqual([
        ['update', ['creditRating', 'taxId']],
        ['change-request.submit', ['changeRequest', 'creditRating', 'taxId']],
      ]);
    });

    test('the admin content manager: save & publish of notes only is live at once (200)', async () => {
      const id = await createPublished();
      const res = await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(steward)).send({ notes: 'admin note' });
      expect(res.status).toBe(200);
      expect((await publishedValues(app, id)).notes).toBe('admin note');
    });

    test('a mixed write: notes and segment go live, creditRating and taxId wait in the draft', async () => {
      const id = await createPublished();
      const before = await publishedValues(app, id);
      const taxId = uscc();
      const res = await app.http.put(`/api/customers/${id}`).set(bearer(full)).send({ data: { notes: 'mixed', segment: 'Key account', creditRating: 'AA', taxId } });
      const crId = expectChangeRequestResponse(res);
      expect(await publishedValues(app, id)).toEqual({ ...before, notes: 'mixed', segment: 'Key account' });
      expect(values(await version(app, id, 'draft'))).toMatchObject({ notes: 'mixed', segment: 'Key account', creditRating: 'AA', taxId });
      const request = await getRequest(app, superAdmin, crId);
      expect(request.changes).toEqual({ creditRating: { before: 'A', after: 'AA' }, taxId: { before: before.taxId, after: taxId } });
      expect(request.policies).toEqual(['governed-fields']);
    });
  });
});

describe('with a policy that names the relation customer.group', () => {
  let variant: ReturnType<typeof makeAppVariant>;
  beforeAll(async () => {
    variant = makeAppVariant({
      pluginConfig: (config: any) => {
        const customer = config.governed['api::customer.customer'];
        const approvals = customer.approvals ?? { policies: [] };
        return {
          ...config,
          governed: {
            ...config.governed,
            'api::customer.customer': {
              ...customer,
              approvals: { ...approvals, policies: [...approvals.policies, { name: 'group-link', fields: ['group'], actions: ['update'], steps: [{ name: 'Approval', roles: ['Approver'], approvals: 1 }] }] },
            },
          },
        };
      },
    });
    app = await startApp({ appDir: variant.dir });
    full = await apiToken(app);
    superAdmin = (await adminToken(app)).token;
    steward = (await adminToken(app, ['data-steward'])).token;
    approver = (await adminToken(app, ['approver'])).token;
  });
  afterAll(async () => {
    await app?.stop();
    variant?.remove();
  });

  const newGroup = async () => {
    const res = await app.http.post('/api/customer-groups').set(bearer(full)).send({ data: { name: `Policy group ${uscc().slice(-7)}`, code: `PG${uscc().slice(-7)}` } });
    expect(res.status).toBe(201);
    return res.body.data.documentId as string;
  };

  test('from the customer side (REST and content manager): held', async () => {
    const g = await newGroup();
    const [a, b] = [await createPublished(), await createPublished()];
    const before = [await publishedValues(app, a), await publishedValues(app, b)];
    const rest = await app.http.put(`/api/customers/${a}`).set(bearer(full)).send({ data: { group: g } });
    expect((await getRequest(app, superAdmin, expectChangeRequestResponse(rest))).changes).toHaveProperty('group');
    const admin = await app.http.post(`${CM}/${b}/actions/publish`).set(bearer(steward)).send({ group: { connect: [{ documentId: g }] } });
    expect((await expectHeldOrRefused(app, superAdmin, admin, b)).held).toBe(true);
    expect([await publishedValues(app, a), await publishedValues(app, b)]).toEqual(before);
  });

  test('from the group side (connect, set, delete the group): the customer\'s published link is unchanged', async () => {
    const g = await newGroup();
    const linked = await createPublished();
    const g2 = await newGroup();
    // Link one customer to g2 through an approved request, to try unlinking it from the group side.
    const crId = expectChangeRequestResponse(await app.http.put(`/api/customers/${linked}`).set(bearer(full)).send({ data: { group: g2 } }));
    expect((await approve(app, approver, crId)).status).toBe(200);
    expect((await publishedValues(app, linked)).group).toBe(g2);

    const free = await createPublished();
    const before = { free: await publishedValues(app, free), linked: await publishedValues(app, linked) };
    const connect = await app.http.put(`/api/customer-groups/${g}`).set(bearer(full)).send({ data: { customers: { connect: [free] } } });
    expect(['connect', connect.status, (await publishedValues(app, free)).group]).toEqual(['connect', connect.status, before.free.group]);
    await expectRefusedOrPending(app, superAdmin, connect.status, free, 'update');
    const unlink = await app.http.put(`/api/customer-groups/${g2}`).set(bearer(full)).send({ data: { customers: { set: [] } } });
    expect(['set: []', unlink.status, (await publishedValues(app, linked)).group]).toEqual(['set: []', unlink.status, g2]);
    await expectRefusedOrPending(app, superAdmin, unlink.status, linked, 'update');
    const remove = await app.http.delete(`/api/customer-groups/${g2}`).set(bearer(full));
    expect(remove.status).toBeLessThan(500);
    expect(['delete group', remove.status, (await publishedValues(app, linked)).group]).toEqual(['delete group', remove.status, g2]);
    expect(await publishedValues(app, free)).toEqual(before.free);
    expect(await publishedValues(app, linked)).toEqual(before.linked);
  });
});
