/**
 * Test helpers for approvals (issue 10): read a record's versions straight from the database (no
 * Document Service middleware on the way), look change requests up through the admin routes, and
 * check that a write was held (change request) or refused.
 */
import { errors } from '@strapi/utils';
import { uscc } from './fixtures';
import { bearer, type TestApp } from './strapi';

export const UID = 'api::customer.customer';
export const GROUP = 'api::customer-group.customer-group';
export const CM = `/content-manager/collection-types/${UID}`;
export const CR = '/master-data/change-requests';
export const CONTENT_CR = '/api/master-data/change-requests';

/** The fields the shipped `governed-fields` policy names. */
export const GOVERNED = ['taxId', 'name', 'legalName', 'bankAccounts', 'creditRating', 'paymentTerms', 'creditLimit'] as const;
export type GovernedField = (typeof GOVERNED)[number];

let n = 0;
/** A new value for each governed field, different from what `governedRecord` stores. */
export const newValue = (field: GovernedField | 'creditLimitLarge'): Record<string, unknown> => {
  n += 1;
  switch (field) {
    case 'taxId':
      return { taxId: uscc() };
    case 'name':
      return { name: `Renamed Without Approval ${n} Ltd` };
    case 'legalName':
      return { legalName: `未经批准改名${n}有限公司` };
    case 'bankAccounts':
      return { bankAccounts: [{ bankName: 'Elsewhere Bank', accountName: `Diverted ${n}`, accountNumber: `6222 0000 ${String(1000 + n)}`, swift: 'ICBKCNBJ' }] };
    case 'creditRating':
      return { creditRating: 'D' };
    case 'paymentTerms':
      return { paymentTerms: 'NET180' };
    case 'creditLimit':
      return { creditLimit: 750000 };
    case 'creditLimitLarge':
      return { creditLimit: 2000000 };
  }
};
/** Every attempt of the bypass suite: one governed field (creditLimit twice: one step and two steps). */
export const ATTEMPTS: Array<GovernedField | 'creditLimitLarge'> = [...GOVERNED, 'creditLimitLarge'];

const POPULATE = ['addresses', 'contacts', 'bankAccounts', 'externalIds', 'group', 'mergedInto'];

/** A version of a record as stored (Query Engine: no Document Service middleware). */
export const version = (app: TestApp, documentId: string, status: 'draft' | 'published') =>
  app.strapi.db.query(UID).findOne({ where: { documentId, publishedAt: status === 'published' ? { $notNull: true } : { $null: true } }, populate: POPULATE }) as Promise<any>;
export const publishedRows = (app: TestApp, documentId: string) => app.strapi.db.query(UID).count({ where: { documentId, publishedAt: { $notNull: true } } });

const strip = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (['id', 'createdAt', 'updatedAt', 'publishedAt', '__component'].includes(k)) continue;
      out[k] = strip(v);
    }
    return out;
  }
  return value;
};
/** The values of a version (ids and timestamps left out): what "unchanged" compares. */
export const values = (row: any): any => {
  if (!row) return null;
  const v = strip(row) as Record<string, any>;
  v.group = row.group?.documentId ?? null;
  v.mergedInto = row.mergedInto?.documentId ?? null;
  if (v.creditLimit != null) v.creditLimit = Number(v.creditLimit);
  return v;
};
export const publishedValues = async (app: TestApp, documentId: string): Promise<any> => values(await version(app, documentId, 'published'));

/** Change requests through the admin list route (as an admin who may read them all). */
export const requestsOf = async (app: TestApp, admin: string, documentId: string, status?: string) => {
  const query = new URLSearchParams({ documentId, uid: UID, pageSize: '100', ...(status ? { status } : {}) });
  const res = await app.http.get(`${CR}?${query}`).set(bearer(admin));
  if (res.status !== 200) throw new Error(`GET ${CR}?${query}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as any[];
};
export const getRequest = async (app: TestApp, admin: string, id: number | string) => {
  const res = await app.http.get(`${CR}/${id}`).set(bearer(admin));
  if (res.status !== 200) throw new Error(`GET ${CR}/${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as any;
};

const describeRes = (res: any) => `${res.status} ${JSON.stringify(res.body)?.slice(0, 600)}`;

/**
 * A REST-style answer that held a governed change: 202, the draft, meta.masterData.changeRequest
 * (pending, with steps) and a Location header naming it. Returns the change request id.
 */
export const expectChangeRequestResponse = (res: any): number => {
  if (res.status !== 202) throw new Error(`expected 202 with a change request, got ${describeRes(res)}`);
  const cr = res.body?.meta?.masterData?.changeRequest;
  if (!cr?.id) throw new Error(`202 without meta.masterData.changeRequest.id: ${describeRes(res)}`);
  expect(cr.status).toBe('pending');
  expect(Array.isArray(cr.steps) && cr.steps.length).toBeTruthy();
  expect(res.headers.location).toBe(`${CONTENT_CR}/${cr.id}`);
  return cr.id;
};

/** A refusal: 4xx with an error body (never a 5xx, never a 2xx). */
export const expectRefusal = (res: any) => {
  if (!(res.status >= 400 && res.status < 500)) throw new Error(`expected a 4xx refusal, got ${describeRes(res)}`);
  expect(res.body?.error?.status ?? res.status).toBe(res.status);
};

/**
 * A write that tried to change governed values: either held (202 + change request, which is pending
 * and belongs to the record) or refused (4xx). Returns which, with the change request id.
 */
export const expectHeldOrRefused = async (app: TestApp, admin: string, res: any, documentId: string | null): Promise<{ held: boolean; id?: number }> => {
  if (res.status === 202) {
    const id = expectChangeRequestResponse(res);
    const request = await getRequest(app, admin, id);
    expect(request).toMatchObject({ id, uid: UID, status: 'pending' });
    if (documentId) expect(request.documentId).toBe(documentId);
    return { held: true, id };
  }
  if (res.status >= 400 && res.status < 500) return { held: false };
  throw new Error(`expected 202 (change request) or a 4xx refusal, got ${describeRes(res)}`);
};

/**
 * For paths whose answer shape is not Strapi REST (bulk actions, code, plugin routes): the write was
 * refused (4xx / thrown), or left a pending change request on the record.
 */
export const expectRefusedOrPending = async (app: TestApp, admin: string, status: number | 'threw' | 'returned', documentId: string, action?: string) => {
  if (status === 'threw' || (typeof status === 'number' && status >= 400 && status < 500)) return { held: false };
  if (typeof status === 'number' && status >= 500) throw new Error(`a 5xx (${status}) is never an answer`);
  const pending = await requestsOf(app, admin, documentId, 'pending');
  if (pending.length !== 1) throw new Error(`write answered ${status}: expected one pending change request on ${documentId}, found ${pending.length}`);
  if (action) expect(pending[0].action).toBe(action);
  return { held: true, id: pending[0].id as number };
};

/** Runs code that writes and reports whether it threw (a refusal) or returned. */
export const attempt = async (fn: () => Promise<unknown>): Promise<'threw' | 'returned'> => {
  try {
    await fn();
    return 'returned';
  } catch (error) {
    // A Strapi application error (4xx family) is a refusal; anything else (a TypeError, a database error) is a bug.
    const status = Number((error as any)?.status ?? (error as any)?.statusCode);
    if (!(error instanceof errors.ApplicationError) && !(status >= 400 && status < 500)) throw error;
    return 'threw';
  }
};

export const approve = (app: TestApp, token: string, id: number | string, comment?: string) =>
  app.http.post(`${CR}/${id}/approve`).set(bearer(token)).send(comment ? { comment } : {});
export const reject = (app: TestApp, token: string, id: number | string, comment?: string) =>
  app.http.post(`${CR}/${id}/reject`).set(bearer(token)).send(comment === undefined ? {} : { comment });
export const withdraw = (app: TestApp, token: string, id: number | string) => app.http.post(`${CR}/${id}/withdraw`).set(bearer(token)).send({});
export const comment = (app: TestApp, token: string, id: number | string, text: string) => app.http.post(`${CR}/${id}/comments`).set(bearer(token)).send({ comment: text });
