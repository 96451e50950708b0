/**
 * Governance settings saved in the admin panel. The document has the shape of the plugin's `config`
 * in config/plugins.ts (a file and a saved document are interchangeable); the file stays the default
 * until a first save. Every save is a version (who, when, why, the diff on the audit trail); the
 * newest version is in force: on the instance that saved it at once, on the others within a poll
 * (`POLL_MS`). Keys that belong to the deployment (ENVIRONMENT_KEYS: the on/off switch, the webhook
 * allow-list and dispatcher) keep the environment's values whatever a document says.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../governance/services';
import { currentRequest } from '../governance/request';
import { ConfigError } from '../governance/registry';
import { ENVIRONMENT_KEYS } from '../governance/service';
import { advisoryLocks, lockKey } from '../governance/locks';
import { diffDocuments } from './domain/diff';
import { httpError, settingsError } from '../http';
import { VERSIONS } from './schema';

/** How often an instance looks for settings saved on another one. */
export const POLL_MS = 500;

export const SETTINGS_UID = 'plugin::master-data.settings';

interface VersionRow {
  id: number;
  document: string;
  reason: string | null;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  restored_from: number | null;
  created_at: string;
}

const versionView = (row: VersionRow) => ({
  id: Number(row.id),
  reason: row.reason,
  actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
  restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
  createdAt: row.created_at,
});

export const settingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const governance = () => getService('governance', strapi);
  let poller: NodeJS.Timeout | undefined;
  /** Why the newest saved version is not in force (it no longer fits the schemas), if it is not. */
  let problem: { version: number; message: string } | null = null;

  const latest = async (): Promise<VersionRow | undefined> => knex()(VERSIONS).orderBy('id', 'desc').first();

  /** Puts the newest saved version in force on this instance, if it is newer than the one in force. */
  const catchUp = async () => {
    // The poll reads the newest id only; the document when there is a newer one.
    const newest: { id: number } | undefined = await knex()(VERSIONS).select('id').orderBy('id', 'desc').first();
    if (!newest || Number(newest.id) <= governance().load().version || problem?.version === Number(newest.id)) return;
    const row = await latest();
    if (!row) return;
    try {
      await governance().apply(JSON.parse(row.document), Number(row.id));
      problem = null;
    } catch (error) {
      const message = error instanceof ConfigError ? `${error.key}: ${error.reason}` : (error as Error).message;
      problem = { version: Number(row.id), message };
      strapi.log.error(`[master-data] saved settings version ${row.id} cannot be applied (${message}); the configuration in force stays`);
    }
  };

  const service = {
    /** The settings in force, and what the panel needs around them. */
    async current() {
      const resolved = governance().load();
      const row = resolved.version > 0 ? await knex()(VERSIONS).where({ id: resolved.version }).first() : undefined;
      return {
        data: resolved.config,
        meta: {
          version: resolved.version,
          source: resolved.version > 0 ? 'saved' : 'file',
          savedAt: row?.created_at ?? null,
          savedBy: row?.actor_name ?? null,
          environmentKeys: [...ENVIRONMENT_KEYS],
          problem,
          jobs: await governance().jobs.list(10),
        },
      };
    },

    /** Checks a document and says what would change, without saving. */
    check(document: unknown) {
      try {
        const { config } = governance().check(document);
        return { data: config, meta: { changes: diffDocuments(governance().load().config, config) } };
      } catch (error) {
        return settingsError(error);
      }
    },

    /**
     * Saves a new version and puts it in force here. `baseVersion` (optional): the version the
     * editor started from; another save since is a 409 (nothing is overwritten unseen).
     */
    async save({ document, reason, baseVersion, restoredFrom }: { document: unknown; reason?: string | null; baseVersion?: number; restoredFrom?: number }) {
      let config;
      try {
        config = governance().check(document).config;
      } catch (error) {
        return settingsError(error);
      }
      const { actor } = currentRequest(strapi);
      const before = governance().load().config;
      const changes = diffDocuments(before, config);
      const id = await strapi.db.transaction(async ({ trx }) => {
        // One save at a time, whichever instance: the newest version read here is the newest.
        await advisoryLocks(trx, [lockKey('settings')]);
        const newest: VersionRow | undefined = await trx(VERSIONS).orderBy('id', 'desc').first();
        const current = newest ? Number(newest.id) : 0;
        if (baseVersion !== undefined && baseVersion !== current) {
          throw httpError(409, 'SettingsConflictError', `The settings were saved by someone else since version ${baseVersion} (now ${current}): reload and apply your change again`, {
            baseVersion,
            version: current,
          });
        }
        const [inserted] = await trx(VERSIONS)
          .insert({
            document: JSON.stringify(config),
            reason: reason ?? null,
            actor_kind: actor.kind,
            actor_id: actor.id,
            actor_name: actor.name,
            restored_from: restoredFrom ?? null,
            created_at: new Date().toISOString(),
          })
          .returning('id');
        const version = Number(typeof inserted === 'object' ? inserted.id : inserted);
        await governance().emit({
          trx,
          event: {
            type: 'settings.changed',
            action: restoredFrom ? 'settings.restore' : 'settings.save',
            uid: SETTINGS_UID,
            documentId: String(version),
            changes,
            ...(reason ? { reason } : {}),
          },
        });
        return version;
      });
      await governance().apply(config, id, { initiator: true });
      problem = null;
      return service.current();
    },

    async versions({ page, pageSize }: { page: number; pageSize: number }) {
      const [{ n }] = await knex()(VERSIONS).count({ n: '*' });
      const rows: VersionRow[] = await knex()(VERSIONS)
        .select('id', 'reason', 'actor_kind', 'actor_id', 'actor_name', 'restored_from', 'created_at')
        .orderBy('id', 'desc')
        .offset((page - 1) * pageSize)
        .limit(pageSize);
      const total = Number(n);
      return { data: rows.map(versionView), meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
    },

    /** One version with its document and what it changed from the one before it (or from the file). */
    async version(id: number) {
      const row: VersionRow | undefined = await knex()(VERSIONS).where({ id }).first();
      if (!row) throw new errors.NotFoundError(`No settings version ${id}`);
      const previous: VersionRow | undefined = await knex()(VERSIONS).where('id', '<', id).orderBy('id', 'desc').first();
      const document = JSON.parse(row.document);
      const base = previous ? JSON.parse(previous.document) : governance().fileConfig();
      return { data: { ...versionView(row), document, changes: diffDocuments(base, document) } };
    },

    /** Saves an earlier version's document as the newest version (a rollback is a new version too). */
    async restore(id: number, reason?: string | null) {
      const row: VersionRow | undefined = await knex()(VERSIONS).where({ id }).first();
      if (!row) throw new errors.NotFoundError(`No settings version ${id}`);
      return service.save({ document: JSON.parse(row.document), reason: reason ?? `restore version ${id}`, restoredFrom: id });
    },

    /** At start-up: the newest saved version in force; then keep up with saves on other instances. */
    async start() {
      await catchUp();
      poller = setInterval(() => void catchUp().catch((error) => strapi.log.warn(`[master-data] settings poll: ${(error as Error).message}`)), POLL_MS);
      poller.unref?.();
    },

    stop() {
      if (poller) clearInterval(poller);
      poller = undefined;
    },
  };
  return service;
};

export type SettingsService = ReturnType<typeof settingsService>;

declare module '../governance/services' {
  interface PluginServices {
    settings: SettingsService;
  }
}
