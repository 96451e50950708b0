/**
 * Sync over HTTP, one controller per configured system (`sync-<system>`: its own content API
 * permissions, see routes.ts):
 * - `PUT /sync/:system/:externalId` `{ data }`: upsert, answered like REST (201, 200, 202, 4xx);
 * - `POST /sync/:system` `{ data: [...] }` or NDJSON: one upsert per record, each in its own
 *   transaction, answered together (200 with a result per record);
 * - `GET /sync/:system/:externalId`: the published record.
 * Input is bounded before any work (a record as REST bounds it; a batch by count, bytes and line
 * length); a bad record is a 400 naming the field. `Idempotency-Key` makes a retry return the
 * first answer (see store.ts).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, httpError, unstorable } from '../http';
import { assertWithinBounds } from '../governance/bounds';
import { currentRequest } from '../governance/request';
import { getService } from '../governance/services';
import { fingerprint, KEY_PATTERN } from './domain/idempotency';
import { parseNdjson } from './domain/ndjson';
import { showPair } from './domain/external-ids';
import type { UpsertOutcome } from './service';
import type { KeyRef, StoredAnswer } from './store';
import type { SyncBatchResponse, SyncRowResult } from '../../../shared/contracts/sync';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const STATUS_OF: Array<[new (...args: any[]) => Error, number]> = [
  [errors.UnauthorizedError, 401],
  [errors.ForbiddenError, 403],
  [errors.NotFoundError, 404],
  [errors.PayloadTooLargeError, 413],
  [errors.RateLimitError, 429],
  [errors.NotImplementedError, 501],
];

/** An error as Strapi's error middleware answers it (a 500 logged and told as such). */
export const errorAnswer = (strapi: Core.Strapi, error: unknown): StoredAnswer & { body: { data: null; error: { status: number; name: string; message: string; details?: unknown } } } => {
  const e = error as any;
  let status = 500;
  if (error instanceof errors.ApplicationError) status = STATUS_OF.find(([type]) => error instanceof type)?.[1] ?? 400;
  else if (e && typeof e.status === 'number' && e.expose) status = e.status;
  if (status >= 500) {
    strapi.log.error(error as any);
    return { status, headers: {}, body: { data: null, error: { status, name: 'InternalServerError', message: 'Internal Server Error' } } };
  }
  return { status, headers: {}, body: { data: null, error: { status, name: e.name, message: e.message, details: e.details ?? {} } } };
};

/** The request body as text, refused with 413 past `maxBytes` (before reading it all when declared). */
const readText = async (ctx: any, maxBytes: number): Promise<string> => {
  const tooLarge = () => httpError(413, 'PayloadTooLargeError', `The body is larger than the ${maxBytes} bytes a batch may be`, { limit: maxBytes });
  if (Number(ctx.get('content-length')) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw fieldError(['body'], 'is not valid UTF-8');
  }
};

const send = (ctx: any, answer: StoredAnswer, replayed = false) => {
  for (const [name, value] of Object.entries(answer.headers ?? {})) ctx.set(name, value);
  if (replayed) ctx.set('Idempotent-Replayed', 'true');
  ctx.status = answer.status;
  ctx.body = answer.body;
};

/** Records of a batch written at once on PostgreSQL (each its own transaction and connection). */
const BATCH_CONCURRENCY = 4;

/**
 * Runs `work` over `items` with at most `concurrency` at once, items of the same key one after the
 * other in their order; results in the items' order.
 */
export const inChains = async <T, R>(items: T[], keyOf: (item: T) => string, concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const chains = new Map<string, number[]>();
  items.forEach((item, index) => chains.set(keyOf(item), [...(chains.get(keyOf(item)) ?? []), index]));
  const queue = [...chains.values()];
  const results: R[] = new Array(items.length);
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, async () => {
      for (let chain = queue.shift(); chain; chain = queue.shift()) {
        for (const index of chain) results[index] = await work(items[index]);
      }
    })
  );
  return results;
};

export const syncHandlers = (strapi: Core.Strapi) => {
  const sync = () => getService('sync', strapi);
  const model = () => strapi.getModel(sync().target().uid as any) as any;
  const docs = () => strapi.documents(sync().target().uid as any) as any;
  const options = (ctx: any) => ({ auth: ctx.state.auth ?? {}, route: ctx.state.route });

  /** The external id from the URL or a batch record: text the component can hold. */
  const externalIdOf = (value: unknown, path: string[]): string => {
    const max = sync().target().maxExternalIdLength;
    if (typeof value !== 'string' || value.trim() === '') throw fieldError(path, 'is required: the record\'s id in the system (a non-empty string)');
    if (value.length > max) throw fieldError(path, `must be at most ${max} characters`);
    const bad = unstorable(value);
    if (bad) throw fieldError(path, bad.message);
    if (value !== value.trim()) throw fieldError(path, 'must not begin or end with white space');
    return value;
  };

  /** A record's fields, checked as a REST write checks them (bounds, content API validation), sanitised. */
  const prepare = async (ctx: any, data: unknown, where: string[]): Promise<Record<string, unknown>> => {
    if (!isObject(data)) throw fieldError(where, 'must be an object of the record\'s fields');
    const { field } = sync().target();
    const bad = unstorable(data);
    if (bad) throw fieldError(bad.path.length ? bad.path : where, bad.message);
    if (field in data) {
      throw fieldError([field], 'is kept by the hub: a created record gets the pair of the URL, an update keeps the ids of every system; leave it out');
    }
    assertWithinBounds(strapi, sync().target().uid, data);
    await strapi.contentAPI.validate.input(data, model(), options(ctx));
    return (await strapi.contentAPI.sanitize.input(data, model(), options(ctx))) as Record<string, unknown>;
  };

  const present = async (ctx: any, record: unknown) => strapi.contentAPI.sanitize.output(record, model(), { auth: ctx.state.auth ?? {} });

  /** The answer of an upsert: the record as it now is (the draft when the change waits), the pipeline's meta and headers. */
  const answerOf = async (ctx: any, outcome: UpsertOutcome): Promise<StoredAnswer> => {
    const record = await docs().findOne({ documentId: outcome.documentId, status: outcome.status === 202 ? 'draft' : 'published', populate: '*' });
    const meta = Object.keys(outcome.notes.meta).length > 0 ? { masterData: outcome.notes.meta } : {};
    return { status: outcome.status, headers: outcome.notes.headers, body: { data: await present(ctx, record), meta } };
  };

  /**
   * Runs `run` once per Idempotency-Key (per system and caller): a retry gets the first answer,
   * another request with the key 422, one while the first runs 409. `run` may store its answer
   * itself (`save`, in its transaction); otherwise it is stored after. A 5xx is not kept.
   */
  const idempotent = async (
    ctx: any,
    request: { system: string; method: string; target: string; body: unknown },
    run: (save: ((answer: StoredAnswer, db?: any) => Promise<void>) | null) => Promise<StoredAnswer>
  ) => {
    const key: string = ctx.get('idempotency-key');
    if (!key) return send(ctx, await run(null));
    if (!KEY_PATTERN.test(key)) throw fieldError(['headers', 'Idempotency-Key'], 'must be 1 to 255 visible ASCII characters (e.g. a UUID)');
    const store = sync().keys();
    const actor = currentRequest(strapi).actor;
    const ref: KeyRef = { system: request.system, caller: `${actor.kind}:${actor.id ?? ''}`.slice(0, 100), key };
    const claim = await store.claim(ref, fingerprint(request));
    if (claim.decision === 'replay') return send(ctx, claim.answer, true);
    if (claim.decision === 'mismatch') {
      throw httpError(422, 'IdempotencyKeyReusedError', `Idempotency-Key "${key}" was used for another request (another record or body): use a new key for a new request`, { header: 'Idempotency-Key' });
    }
    if (claim.decision === 'in-progress') {
      throw httpError(409, 'IdempotencyKeyInProgressError', `A request with Idempotency-Key "${key}" is still being processed; retry later`, { header: 'Idempotency-Key' });
    }
    let saved = false;
    const save = async (answer: StoredAnswer, db?: any) => {
      await store.complete(ref, claim.claimedAt, answer, db);
      saved = true;
    };
    let answer: StoredAnswer;
    try {
      answer = await run(save);
    } catch (error) {
      const refused = errorAnswer(strapi, error);
      if (refused.status < 500) await store.complete(ref, claim.claimedAt, refused);
      else await store.release(ref, claim.claimedAt);
      throw error;
    }
    if (!saved) await store.complete(ref, claim.claimedAt, answer);
    send(ctx, answer);
  };

  const upsertRow = async (ctx: any, system: string, row: { index: number; line?: number; value?: Record<string, unknown>; error?: string }): Promise<SyncRowResult> => {
    const raw = row.value?.externalId;
    const result: SyncRowResult = { index: row.index, ...(row.line ? { line: row.line } : {}), externalId: typeof raw === 'string' ? raw.slice(0, 255) : null, status: 0 };
    try {
      if (row.error !== undefined || !row.value) {
        const message = row.error ?? 'must be an object';
        throw new errors.ValidationError(message, { errors: [{ path: [], message, name: 'ValidationError' }] });
      }
      const { externalId: _id, ...fields } = row.value;
      const externalId = externalIdOf(raw, ['externalId']);
      const data = await prepare(ctx, fields, []);
      const outcome = await sync().upsert({ system, externalId, data, within: async (o) => o });
      return { ...result, status: outcome.status, documentId: outcome.documentId, ...(Object.keys(outcome.notes.meta).length ? { meta: outcome.notes.meta } : {}) };
    } catch (error) {
      const { status, body } = errorAnswer(strapi, error);
      return { ...result, status, error: { name: body.error.name, message: body.error.message, ...(body.error.details !== undefined ? { details: body.error.details } : {}) } };
    }
  };

  return {
    async upsert(ctx: any, system: string) {
      const externalId = externalIdOf(ctx.params.externalId, ['params', 'externalId']);
      const body = ctx.request.body;
      if (!isObject(body) || !('data' in body)) throw fieldError(['data'], 'is missing: send { "data": { ...the record\'s fields } }');
      const data = await prepare(ctx, body.data, ['data']);
      await idempotent(ctx, { system, method: 'PUT', target: `sync/${system}/${externalId}`, body }, (save) =>
        sync().upsert({
          system,
          externalId,
          data,
          within: async (outcome, trx) => {
            const answer = await answerOf(ctx, outcome);
            if (save) await save(answer, trx);
            return answer;
          },
        })
      );
    },

    async batch(ctx: any, system: string) {
      const { maxRecords, maxBytes, maxLineBytes } = sync().target().batch;
      const tooMany = (count: number) => httpError(413, 'PayloadTooLargeError', `A batch holds at most ${maxRecords} records (got ${count}); split it`, { limit: maxRecords, count });
      let rows: Array<{ index: number; line?: number; value?: Record<string, unknown>; error?: string }>;
      let fingerprintBody: unknown;
      if (ctx.is(NDJSON_TYPES)) {
        const text = await readText(ctx, maxBytes);
        const parsed = parseNdjson(text, { maxRecords, maxLineBytes });
        if (parsed.tooMany !== undefined) throw tooMany(parsed.tooMany);
        rows = parsed.rows.map((row, index) => ({ index, ...row }));
        fingerprintBody = text;
      } else if (ctx.is('application/json')) {
        const body = ctx.request.body;
        if (!isObject(body) || !Array.isArray(body.data)) throw fieldError(['data'], 'must be a list of records: { "data": [ { "externalId": "…", …fields } ] }');
        if (body.data.length > maxRecords) throw tooMany(body.data.length);
        rows = body.data.map((value: unknown, index: number) => (isObject(value) ? { index, value } : { index, error: `data.${index} must be an object` }));
        fingerprintBody = body;
      } else {
        throw httpError(415, 'UnsupportedMediaTypeError', 'Send application/json ({ "data": [ … ] }) or application/x-ndjson (one record a line)');
      }
      if (rows.length === 0) throw fieldError(['data'], 'holds no records');
      await idempotent(ctx, { system, method: 'POST', target: `sync/${system}`, body: fingerprintBody }, async () => {
        // Each record in its own transaction: a refused one costs only itself. On PostgreSQL a few
        // run at once; records of the same external id always one after the other, in batch order.
        const data = await inChains(rows, (row) => (typeof row.value?.externalId === 'string' ? row.value.externalId : `#${row.index}`), strapi.db.dialect.client === 'postgres' ? BATCH_CONCURRENCY : 1, (row) =>
          upsertRow(ctx, system, row)
        );
        const failed = data.filter((r) => r.status >= 400).length;
        const body: SyncBatchResponse = { data, meta: { total: data.length, succeeded: data.length - failed, failed } };
        return { status: 200, headers: {}, body };
      });
    },

    async findOne(ctx: any, system: string) {
      const externalId = externalIdOf(ctx.params.externalId, ['params', 'externalId']);
      const pair = { system, externalId };
      const holders = await sync().holders({ pair });
      if (holders.length === 0) throw new errors.NotFoundError(`No record holds the external id ${showPair(pair)}`, { system, externalId });
      if (holders.length > 1) throw httpError(409, 'ExternalIdConflictError', `The external id ${showPair(pair)} is held by several records (${holders.join(', ')})`, { documentIds: holders });
      const record = await docs().findOne({ documentId: holders[0], status: 'published', populate: '*' });
      if (!record) throw new errors.NotFoundError(`${holders[0]}, which holds the external id ${showPair(pair)}, has no published version`, { documentId: holders[0] });
      ctx.body = { data: await present(ctx, record), meta: {} };
    },
  };
};

/** The controller of one system (`sync-<system>`): its actions are that system's permissions. */
export const syncController =
  (system: string) =>
  ({ strapi }: { strapi: Core.Strapi }) => {
    const handlers = syncHandlers(strapi);
    return {
      upsert: (ctx: any) => handlers.upsert(ctx, system),
      batch: (ctx: any) => handlers.batch(ctx, system),
      findOne: (ctx: any) => handlers.findOne(ctx, system),
    };
  };
