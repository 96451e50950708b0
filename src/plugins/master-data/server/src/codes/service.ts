/**
 * Generates unique record codes. PostgreSQL: one sequence per content type (nextval never blocks a
 * concurrent create and never hands out a number twice). SQLite: a counter row bumped with an
 * atomic upsert inside the write's transaction (SQLite runs one writer at a time).
 */
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { formatCode, parseCode, type CodeFormat } from './format';
import { withStartupLock } from '../governance/locks';
import { COUNTERS } from './schema';

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

const sequenceName = (strapi: Core.Strapi, uid: UID.ContentType) =>
  `master_data_code_${strapi.db.metadata.get(uid).tableName}`.slice(0, 63);

export const codeService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Creates the counter for a content type and moves it past the highest code already stored,
   * so that a database filled before (or by another tool) never gets a code twice.
   */
  async ensureCounter(input: { uid: UID.ContentType; field: string; format: CodeFormat }) {
    await withStartupLock(strapi, (trx) => this.ensureCounterIn({ trx, ...input }));
  },

  async ensureCounterIn({ trx: knex, uid, field, format }: { trx: Knex.Transaction; uid: UID.ContentType; field: string; format: CodeFormat }) {
    const { tableName, attributes } = strapi.db.metadata.get(uid);
    const column = (attributes[field] as { columnName?: string }).columnName ?? field;
    // The longest, then greatest codes first; the first that parses is the highest number (an
    // imported "C-000123-OLD" sorts first but does not parse).
    const prefix = format.prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
    const top = await knex(tableName)
      .select(column)
      .whereRaw(`?? like ? escape '\\'`, [column, `${prefix}%`])
      .orderByRaw('length(??) desc, ?? desc', [column, column])
      .limit(100);
    const highest = top.map((row: Record<string, unknown>) => parseCode(format, row[column])).find((n: number | null) => n !== null) ?? 0;

    if (isPostgres(strapi)) {
      const name = sequenceName(strapi, uid);
      await knex.raw(`CREATE SEQUENCE IF NOT EXISTS ??`, [name]);
      await knex.raw(
        `SELECT setval(?::regclass, ?, true) WHERE ? > (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ??)`,
        [name, highest, highest, name]
      );
      return;
    }
    await knex(COUNTERS).insert({ name: uid, value: highest }).onConflict('name').ignore();
    await knex(COUNTERS).where({ name: uid }).andWhere('value', '<', highest).update({ value: highest });
  },

  /**
   * Shows the code field read-only in the admin edit view (the server refuses changes anyway).
   * Uses the content manager's configuration service, the same one its settings page writes.
   */
  async lockInAdmin({ uid, field }: { uid: UID.ContentType; field: string }) {
    const contentTypes = strapi.plugin('content-manager')?.service('content-types') as any;
    if (!contentTypes) return;
    const contentType = contentTypes.findContentType(uid);
    const { settings, metadatas, layouts } = await contentTypes.findConfiguration(contentType);
    const edit = metadatas?.[field]?.edit;
    if (!edit || edit.editable === false) return;
    metadatas[field].edit = { ...edit, editable: false, description: edit.description || 'Generated on create; never editable' };
    await contentTypes.updateConfiguration(contentType, { settings, metadatas, layouts });
  },

  /** The next code for a content type, taken inside the write's transaction. */
  async next({ uid, format, trx }: { uid: UID.ContentType; format: CodeFormat; trx: Knex.Transaction }) {
    let n: number;
    if (isPostgres(strapi)) {
      const { rows } = await trx.raw(`SELECT nextval(?::regclass) AS n`, [sequenceName(strapi, uid)]);
      n = Number(rows[0].n);
    } else {
      const [row] = await trx(COUNTERS).where({ name: uid }).increment('value', 1).returning('value');
      n = Number((row as { value: number }).value);
    }
    return formatCode(format, n);
  },
});

export type CodeService = ReturnType<typeof codeService>;

declare module '../governance/services' {
  interface PluginServices {
    codes: CodeService;
  }
}
