/**
 * The one Document Service middleware of the plugin. It applies only to governed content types
 * and write actions. It builds the write context once (who, from where, the record before and
 * after, loaded on demand and shared), runs every stage's `before`, then the write (or what a
 * stage diverted it to) and every stage's `after`, all in one database transaction, so that a
 * stage's own rows and every event consumer's rows commit or roll back with the write.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { GovernedTypeConfig } from '../config/schema';
import { modelInfo, storedRow } from './model';
import { lockDocuments } from './locks';
import { snapshot, snapshotVersions } from './snapshot';
import { writtenLocale } from './locale';
import { currentRequest, withoutOrigin } from './request';
import { collectingNotes, noteResponse } from './respond';
import type { GovernanceService } from './service';
import { WRITE_ACTIONS, type Diversion, type ResponseNote, type State, type Version, type WriteAction, type WriteContext } from './pipeline';

interface MiddlewareInput {
  strapi: Core.Strapi;
  governance: GovernanceService;
}

interface DocumentContext {
  uid: string;
  action: string;
  params: any;
}

interface Built {
  write: WriteContext;
  /** What the write tells its caller; applied to the response only once the transaction commits. */
  notes: ResponseNote[];
  /** The write happened: `before` states can no longer be read, `after` states can. */
  done(documentId: string | undefined): void;
  diversion(): Diversion | undefined;
}

const buildContext = async (
  strapi: Core.Strapi,
  governance: GovernanceService,
  trx: Knex.Transaction,
  ctx: DocumentContext,
  config: GovernedTypeConfig
): Promise<Built> => {
  const uid = ctx.uid as UID.ContentType;
  const action = ctx.action as WriteAction;
  const params = ctx.params ?? {};
  const { origin, actor, request, can, silent, system } = currentRequest(strapi);
  const locale = await writtenLocale({ strapi, uid, params });
  let documentId: string | undefined = action === 'create' || action === 'clone' ? undefined : params.documentId;
  let written = false;
  let diversion: Diversion | undefined;
  let existing: Promise<Record<string, unknown> | null> | undefined;
  const states = new Map<string, Promise<State>>();
  const notes: ResponseNote[] = [];

  const write: WriteContext = {
    strapi,
    trx,
    uid,
    action,
    get documentId() {
      return documentId;
    },
    locale,
    params,
    config,
    origin,
    actor,
    request,
    can,
    existing() {
      // A clone's source is its params.documentId: its stored row is what the clone starts from.
      const id = params.documentId;
      if (action === 'create' || !id) return Promise.resolve(null);
      existing ??= strapi.db.query(uid).findOne({ where: { documentId: id, ...storedRow(strapi, uid) } });
      return existing;
    },
    state(version: Version, moment: 'before' | 'after', only?: string[]) {
      if (moment === 'before' && written) throw new Error('master-data: a state before the write is read before it');
      if (moment === 'after' && !written) throw new Error('master-data: a state after the write is read after it');
      const id = moment === 'before' ? params.documentId : documentId;
      if (!id || (moment === 'before' && (action === 'create' || action === 'clone'))) return Promise.resolve(null);
      const attributes = only ? [...only].sort().join(',') : '*';
      const keyOf = (v: Version) => `${moment}:${v}:${attributes}`;
      const key = keyOf(version);
      let state = states.get(key);
      if (!state) {
        if (modelInfo(strapi, uid).draftAndPublish) {
          // Both versions in one read, the other one kept for the next call (often the next line).
          const both = snapshotVersions(strapi, { uid, documentId: id, locale, only });
          const other: Version = version === 'published' ? 'draft' : 'published';
          state = both.then((versions) => versions[version]);
          if (!states.has(keyOf(other))) {
            const kept = both.then((versions) => versions[other]);
            // Awaited by whoever reads it; a failed read must not also be an unhandled rejection.
            kept.catch(() => undefined);
            states.set(keyOf(other), kept);
          }
        } else {
          state = snapshot(strapi, { uid, documentId: id, published: version === 'published', locale, only });
        }
        states.set(key, state);
      }
      return state;
    },
    async emit(event) {
      if (silent) return;
      // An event of the written record itself, once written: its published state is shared (read once).
      const own = written && event.uid === uid && event.documentId === documentId;
      await governance.dispatch({
        trx,
        context: own ? { published: () => write.state('published', 'after') } : undefined,
        event: {
          ...event,
          locale: event.locale === undefined ? locale : event.locale,
          reason: event.reason ?? request.reason,
          origin,
          source: system,
          actor,
          request,
        },
      });
    },
    divert(next) {
      if (diversion) throw new Error('master-data: a write can be diverted once');
      diversion = next;
    },
    respond(note) {
      notes.push(note);
    },
  };
  return {
    write,
    notes,
    done(id) {
      written = true;
      documentId = id ?? documentId;
      states.clear();
    },
    diversion: () => diversion,
  };
};

export const createGovernedWriteMiddleware = ({ strapi, governance }: MiddlewareInput) => {
  return async (ctx: DocumentContext, next: () => Promise<unknown>) => {
    // The governed types and their rules as they are now (settings saved in the admin panel apply
    // to the next write, on every instance).
    const config = governance.load().governed.get(ctx.uid);
    if (!config || !WRITE_ACTIONS.has(ctx.action)) return next();
    // This write's pipeline as registered now: a stage added or removed meanwhile cannot make it
    // skip a stage, run one twice or call an `after` without its `before`.
    const stages = [...governance.stages()];

    return strapi.db.transaction(async ({ trx, onCommit }) => {
      const documentId: string | undefined = ctx.action === 'create' ? undefined : ctx.params?.documentId;
      if (documentId) await lockDocuments(trx, ctx.uid, [documentId]);
      const built = await buildContext(strapi, governance, trx, ctx, config);
      const { write } = built;
      const kept = new Map<string, unknown>();
      for (const stage of stages) {
        if (stage.before) kept.set(stage.name, await stage.before(write));
        if (built.diversion()) break;
      }
      // Told to the caller only if this write succeeded and everything (an enclosing bulk
      // transaction included) commits.
      const tell = () => {
        // Code answering for its writes itself (collectNotes) is told at once, in its transaction.
        const collect = collectingNotes();
        if (collect) built.notes.forEach(collect);
        else onCommit(() => built.notes.forEach((note) => noteResponse(strapi, note)));
      };
      const diversion = built.diversion();
      if (diversion) {
        if (diversion.status) built.notes.push({ status: diversion.status });
        const diverted = await diversion.run();
        tell();
        return diverted;
      }
      ctx.params = write.params;
      // The write itself runs outside any origin scope of the caller (merge, unmerge): writes that
      // Strapi or hooks make inside it are their own, not the merge's.
      const result: any = await withoutOrigin(() => next());
      built.done(result?.documentId);
      for (const stage of stages) {
        if (stage.after) await stage.after(write, result, kept.get(stage.name));
      }
      tell();
      return result;
    });
  };
};
