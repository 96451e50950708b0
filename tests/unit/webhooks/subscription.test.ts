import { MASKED, matchesType, patternProblem, shapePayload, subscribes } from '../../../src/plugins/master-data/server/src/webhooks/domain/subscription';
import { buildPayload, publicRecord } from '../../../src/plugins/master-data/server/src/webhooks/domain/payload';
import { signHeaders, newSecret, secretHint } from '../../../src/plugins/master-data/server/src/webhooks/domain/signing';
import { Webhook } from 'standardwebhooks';

const endpoint = { events: ['customer.*'], contentTypes: [], system: 'sap', suppressEcho: true };

describe('subscriptions', () => {
  it('matches exact types, prefixes and *', () => {
    expect(matchesType(['customer.*'], 'customer.updated')).toBe(true);
    expect(matchesType(['customer.*'], 'customer-group.updated')).toBe(false);
    expect(matchesType(['customer.updated'], 'customer.created')).toBe(false);
    expect(matchesType(['*'], 'changeRequest.approved')).toBe(true);
  });

  it('does not echo a change back to the system it came from, unless told to', () => {
    expect(subscribes(endpoint, { type: 'customer.updated', uid: 'api::customer.customer', source: 'sap' })).toBe(false);
    expect(subscribes(endpoint, { type: 'customer.updated', uid: 'api::customer.customer', source: 'crm' })).toBe(true);
    expect(subscribes(endpoint, { type: 'customer.updated', uid: 'api::customer.customer', source: null })).toBe(true);
    expect(subscribes({ ...endpoint, suppressEcho: false }, { type: 'customer.updated', uid: 'api::customer.customer', source: 'sap' })).toBe(true);
  });

  it('narrows by content type', () => {
    const only = { ...endpoint, events: ['*'], contentTypes: ['api::customer.customer'] };
    expect(subscribes(only, { type: 'customer-group.updated', uid: 'api::customer-group.customer-group', source: null })).toBe(false);
  });

  it('checks patterns against the known types', () => {
    const known = ['customer.created', 'customer.updated', 'changeRequest.approved'];
    expect(patternProblem('*', known)).toBeNull();
    expect(patternProblem('customer.*', known)).toBeNull();
    expect(patternProblem('supplier.*', known)).toContain('matches no event type');
    expect(patternProblem('customer.exploded', known)).toContain('not an event type');
  });
});

describe('payload', () => {
  const record = { id: 7, documentId: 'd1', code: 'C-000001', name: 'ACME', bankAccounts: [{ id: 3, iban: 'DE89370400440532013000', bankName: 'B' }], externalIds: [{ id: 1, system: 'sap', externalId: '42' }] };
  const payload = buildPayload({
    type: 'customer.updated',
    at: new Date('2026-11-30T00:00:00Z'),
    uid: 'api::customer.customer',
    documentId: 'd1',
    sequence: 3,
    changes: { name: { before: 'Acme', after: 'ACME' }, bankAccounts: { before: [], after: [{ id: 3, iban: 'DE89370400440532013000' }] } },
    record,
    codeField: 'code',
    externalIdsField: 'externalIds',
  });

  it('has the shape of the contract, without database ids', () => {
    expect(payload).toEqual({
      type: 'customer.updated',
      timestamp: '2026-11-30T00:00:00.000Z',
      data: {
        uid: 'api::customer.customer',
        documentId: 'd1',
        code: 'C-000001',
        sequence: 3,
        changes: { name: { before: 'Acme', after: 'ACME' }, bankAccounts: { before: [], after: [{ iban: 'DE89370400440532013000' }] } },
        record: publicRecord(record),
        externalIds: [{ system: 'sap', externalId: '42' }],
      },
    });
    expect(JSON.stringify(payload)).not.toContain('"id"');
  });

  it('of a deleted record: code and external ids from the values before', () => {
    const deleted = buildPayload({ type: 'customer.deleted', at: new Date(), uid: 'u', documentId: 'd1', sequence: 9, changes: { code: { before: 'C-1', after: null }, externalIds: { before: record.externalIds, after: null } }, record: null, codeField: 'code', externalIdsField: 'externalIds' });
    expect(deleted.data).toMatchObject({ code: 'C-1', record: null, externalIds: [{ system: 'sap', externalId: '42' }] });
  });

  it('masks sensitive paths unless allowed, and sends only the chosen fields (identity always)', () => {
    const shaped = shapePayload(payload, { fields: ['bankAccounts'], allowSensitive: false, sensitive: ['bankAccounts.iban'] });
    expect(Object.keys(shaped.data.record!).sort()).toEqual(['bankAccounts', 'code', 'documentId']);
    expect((shaped.data.record!.bankAccounts as any)[0]).toEqual({ iban: MASKED, bankName: 'B' });
    expect(shaped.data.changes).toEqual({ bankAccounts: { before: [], after: [{ iban: MASKED }] } });
    const open = shapePayload(payload, { fields: [], allowSensitive: true, sensitive: ['bankAccounts.iban'] });
    expect((open.data.record!.bankAccounts as any)[0].iban).toBe('DE89370400440532013000');
    const whole = shapePayload(payload, { fields: [], allowSensitive: false, sensitive: ['name'] });
    expect(whole.data.record!.name).toBe(MASKED);
    expect(whole.data.changes.name).toEqual({ before: MASKED, after: MASKED });
  });
});

describe('signing (Standard Webhooks, the official library)', () => {
  it('signs with every current secret; a receiver holding either verifies', () => {
    const a = newSecret();
    const b = newSecret();
    expect(a).toMatch(/^whsec_/);
    expect(secretHint(a)).toBe(a.slice(0, 10) + '…');
    const body = JSON.stringify({ type: 'x' });
    const headers = signHeaders([a, b], 'msg_1', new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(a).verify(body, headers as any)).toEqual({ type: 'x' });
    expect(new Webhook(b).verify(body, headers as any)).toEqual({ type: 'x' });
    expect(() => new Webhook(newSecret()).verify(body, headers as any)).toThrow();
    expect(() => new Webhook(a).verify(body + ' ', headers as any)).toThrow();
    expect(() => signHeaders([], 'msg_1', new Date(), body)).toThrow();
  });
});
