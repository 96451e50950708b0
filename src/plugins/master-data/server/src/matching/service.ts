/**
 * Matching: match keys kept per governed document and version (the published golden record and
 * its pending draft are both matched: a draft that moves away from a value must not free that
 * value while the published record still carries it), candidates by blocking (never a table
 * scan), explainable scores, one candidate per document (its stronger version). Blocking: exact
 * indexes on tax id, phone, email, domains and (name, city); fuzzy names by a pg_trgm GIN index on
 * PostgreSQL and by the rarest name n-grams on SQLite.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { MatchCandidate } from '../../../shared/contracts/matching';
import { advisoryLocks, lockKey, withStartupLock } from '../governance/locks';
import { modelInfo } from '../governance/model';
import { getService } from '../governance/services';
import { matchKeys, nameGrams, romanLookups, type MatchKeys } from './domain/keys';
import { byStrength, scorePair } from './domain/score';
import { fuzzyThreshold } from './domain/fuzzy';
import { bulkLoadTrigramIndex, GRAMS, GRAM_STATS, KEYS, PAIRS, settleTrigramIndex, trigramIndexUnsettled } from './schema';
import { resolveMatchingSettings, type MatchingSettings } from './settings';

type Db = Knex | Knex.Transaction;

/** Candidates fetched per blocking path before scoring. */
const EXACT_CAP = 50;
const FUZZY_CAP = 50;
/** Records of the very same name that make a name too common for the fuzzy search (twice the default list). */
const COMMON_NAME = 20;
/** SQLite: the rarest grams asked for, and the most postings they may cover together. */
const MAX_GRAMS = 8;
const MAX_POSTINGS = 20_000;

/**
 * Which version of a document a key row describes: `draft` is the row writes change (the only row
 * of a type without draft & publish), `published` the live version of a draft & publish type.
 */
export type KeyVersion = 'draft' | 'published';

interface KeyRow {
  document_id: string;
  version: KeyVersion;
  name_key: string | null;
  tax_id: string | null;
  phone: string | null;
  email: string | null;
  domain_a: string | null;
  domain_b: string | null;
  city: string | null;
  country: string | null;
  roman_key: string | null;
  name_tokens: string | null;
  name_terms: string | null;
  name_pinyin: string | null;
  person: boolean | number | null;
}

const words = (list: string[] | undefined) => (list && list.length > 0 ? list.join(' ') : null);
const unwords = (text: string | null) => (text ? text.split(' ') : []);

const toRow = (uid: string, documentId: string, version: KeyVersion, keys: MatchKeys) => ({
  uid,
  document_id: documentId,
  version,
  name_key: keys.name,
  tax_id: keys.taxId,
  phone: keys.phone,
  email: keys.email,
  domain_a: keys.domains[0] ?? null,
  domain_b: keys.domains[1] ?? null,
  city: keys.city,
  country: keys.country,
  roman_key: keys.roman ?? null,
  name_tokens: words(keys.tokens),
  name_terms: words(keys.terms),
  name_pinyin: keys.pinyin && keys.pinyin.length > 0 ? keys.pinyin.join(' ') : null,
  person: Boolean(keys.person),
});

const fromRow = (row: KeyRow): MatchKeys => ({
  name: row.name_key,
  taxId: row.tax_id,
  phone: row.phone,
  email: row.email,
  domains: [row.domain_a, row.domain_b].filter((d): d is string => Boolean(d)),
  city: row.city,
  country: row.country,
  roman: row.roman_key,
  tokens: unwords(row.name_tokens),
  terms: unwords(row.name_terms),
  pinyin: row.name_pinyin ? row.name_pinyin.split(' ') : [],
  person: Boolean(row.person),
});

/**
 * The romanised-name lookups, each capped on its own so that a crowded one cannot push out a
 * better one: the name's own romanisation in one of its places (its city, written in either script,
 * or a region its name starts or ends with), then anywhere, then its longer and shorter readings
 * (romanLookups), longest and in its places first. At a million customers 67 records read
 * "yuyuan" (玉源, 宇园, …): in one capped lookup they crowded out the one 宇远中 that
 * "Chengdu YuYuanZhong Technologies" names.
 */
const romanParts = (uid: string, keys: MatchKeys, romans: string[]) => {
  if (romans.length === 0 || !keys.roman) return [];
  // Not for persons: thousands share a romanised personal name (5,331 "lewissarah" at a million),
  // and a person's duplicate shares an identifier, which the exact lookups find.
  const places = keys.person ? [] : keys.places?.length ? keys.places : keys.city ? [keys.city] : [];
  const inPlaces = `city IN (${places.map(() => '?').join(', ')})`;
  const others = romans.filter((r) => r !== keys.roman);
  const parts: { sql: string; bindings: string[] }[] = [];
  if (places.length > 0) {
    parts.push({ sql: `SELECT * FROM (SELECT * FROM ${KEYS} WHERE uid = ? AND roman_key = ? AND ${inPlaces} LIMIT ${EXACT_CAP}) AS k`, bindings: [uid, keys.roman, ...places] });
  }
  parts.push({ sql: `SELECT * FROM (SELECT * FROM ${KEYS} WHERE uid = ? AND roman_key = ? LIMIT ${EXACT_CAP}) AS k`, bindings: [uid, keys.roman] });
  if (others.length > 0) {
    const placeFirst = places.length > 0 ? `CASE WHEN ${inPlaces} THEN 0 ELSE 1 END, ` : '';
    parts.push({
      sql: `SELECT * FROM (SELECT * FROM ${KEYS} WHERE uid = ? AND roman_key IN (${others.map(() => '?').join(', ')}) ORDER BY ${placeFirst}length(roman_key) DESC LIMIT ${EXACT_CAP}) AS k`,
      bindings: [uid, ...others, ...places],
    });
  }
  return parts;
};

/** True when the keys hold anything a duplicate could share. */
export const identifying = (keys: MatchKeys) => Boolean(keys.name || keys.taxId || keys.phone || keys.email || keys.domains.length);

export const matchingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const settingsCache = new Map<string, MatchingSettings | null>();
  let settingsOf: unknown;

  /** SQLite: the grams a document's versions hold together (the gram index is per document). */
  const gramUnion = (names: Iterable<string | null>) => new Set([...names].flatMap((name) => nameGrams(name)));

  const changeGrams = async (db: Db, uid: string, documentId: string, grams: string[], delta: 1 | -1) => {
    if (grams.length === 0) return;
    if (delta === 1) {
      await db(GRAMS).insert(grams.map((gram) => ({ uid, gram, document_id: documentId }))).onConflict().ignore();
    } else {
      await db(GRAMS).where({ uid, document_id: documentId }).whereIn('gram', grams).delete();
    }
    await db.raw(
      `INSERT INTO ${GRAM_STATS} (uid, gram, df) VALUES ${grams.map(() => '(?, ?, ?)').join(', ')} ON CONFLICT (uid, gram) DO UPDATE SET df = ${GRAM_STATS}.df + excluded.df`,
      grams.flatMap((gram) => [uid, gram, delta])
    );
  };

  /** SQLite fuzzy blocking: documents sharing enough of the query's rarest name grams. */
  const gramCandidates = async (db: Db, uid: string, name: string): Promise<string[]> => {
    const grams = nameGrams(name);
    if (grams.length === 0) return [];
    const stats: { gram: string; df: number }[] = await db(GRAM_STATS).where({ uid }).whereIn('gram', grams).where('df', '>', 0).select('gram', 'df');
    stats.sort((a, b) => a.df - b.df);
    const chosen: string[] = [];
    let postings = 0;
    for (const { gram, df } of stats) {
      if (chosen.length >= MAX_GRAMS || (chosen.length > 0 && postings + df > MAX_POSTINGS)) break;
      chosen.push(gram);
      postings += df;
    }
    if (chosen.length === 0) return [];
    const minHits = Math.max(1, Math.ceil(Math.min(chosen.length, grams.length) * 0.4));
    const rows: { document_id: string }[] = await db(GRAMS)
      .where({ uid })
      .whereIn('gram', chosen)
      .groupBy('document_id')
      .havingRaw('count(*) >= ?', [minHits])
      .orderByRaw('count(*) desc')
      .limit(FUZZY_CAP)
      .select('document_id');
    return rows.map((r) => r.document_id);
  };

  /**
   * PostgreSQL fuzzy blocking: the pg_trgm GIN index on the name key, whatever the statistics.
   * The planner cannot see what `%` costs (a similarity per row, dear on long or CJK names) and,
   * on a table without statistics (a bulk load, autovacuum off), answers `uid = ? AND name_key % ?`
   * by reading every row of the uid through a btree's uid prefix (49 ms at 20,000 rows against
   * 8 ms by the GIN index). So the uid is compared as an expression no btree serves, and for this
   * one statement plain and index-only scans are off (set local to the transaction and set back
   * after it): the GIN bitmap scan is the only plan left.
   */
  const trigramCandidates = async (trx: Knex.Transaction, uid: string, name: string): Promise<string[]> => {
    const { rows: before } = await trx.raw(
      `SELECT current_setting('enable_seqscan') AS seq, current_setting('enable_indexscan') AS idx, current_setting('enable_indexonlyscan') AS ido,
              set_config('pg_trgm.similarity_threshold', ?, true), set_config('enable_seqscan', 'off', true),
              set_config('enable_indexscan', 'off', true), set_config('enable_indexonlyscan', 'off', true)`,
      [String(fuzzyThreshold(name))]
    );
    const { rows } = await trx.raw(
      `SELECT document_id FROM ${KEYS} WHERE name_key % ? AND (uid || '') = ? ORDER BY similarity(name_key, ?) DESC LIMIT ${FUZZY_CAP}`,
      [name, uid, name]
    );
    const { seq, idx, ido } = before[0];
    await trx.raw(`SELECT set_config('enable_seqscan', ?, true), set_config('enable_indexscan', ?, true), set_config('enable_indexonlyscan', ?, true)`, [seq, idx, ido]);
    return rows.map((r: { document_id: string }) => r.document_id);
  };

  /** The candidate search's fuzzy part: PostgreSQL in a transaction (its planner settings are local to one). */
  const fuzzyCandidates = async (db: Db, uid: string, name: string): Promise<string[]> => {
    if (!isPostgres()) return gramCandidates(db, uid, name);
    return 'commit' in db ? trigramCandidates(db as Knex.Transaction, uid, name) : (db as Knex).transaction((trx) => trigramCandidates(trx, uid, name));
  };

  const service = {
    /** The type's matching settings, or null when it has no matching configured. */
    settings(uid: string): MatchingSettings | null {
      const now = getService('governance', strapi).load();
      // Settings saved in the admin panel replace the resolved configuration: resolve again.
      if (settingsOf !== now) {
        settingsCache.clear();
        settingsOf = now;
      }
      if (!settingsCache.has(uid)) {
        const config = now.governed.get(uid)?.matching;
        settingsCache.set(uid, config && config.enabled ? resolveMatchingSettings(config) : null);
      }
      return settingsCache.get(uid)!;
    },

    keysOf({ uid, record }: { uid: string; record: Record<string, unknown> }): MatchKeys {
      const settings = service.settings(uid);
      if (!settings) throw new Error(`${uid} has no matching configured`);
      return matchKeys(record, settings.fields, settings.vocabulary, settings.personValues);
    },

    /** True when the record is a merged one (kept, but never matched). */
    isMerged({ uid, record }: { uid: string; record: Record<string, unknown> | null | undefined }) {
      const merged = service.settings(uid)?.merged;
      return Boolean(merged && record && record[merged.field] === merged.value);
    },

    /**
     * PostgreSQL: serialises writes that could block each other until the first commits, so that
     * its keys are visible to the second's check. With the default weights a block needs the same
     * tax id or the same name (with the same city or shared contacts), so the tax id and the name
     * are locked; phone, email and domains only when the configured weights or rules let them block
     * without either (locking them always would serialise every customer sharing a switchboard).
     * Sorted: no lock-order deadlock. SQLite serialises writes itself.
     */
    async lock({ trx, uid, keys }: { trx: Knex.Transaction; uid: string; keys: MatchKeys }) {
      if (!isPostgres()) return;
      const scoring = service.settings(uid)!.scoring;
      const w = scoring.weights;
      const contactsCanBlock =
        w.nameSimilar + w.city + w.contactCap >= scoring.thresholds.block ||
        scoring.blockWhen.some((rule) => !rule.includes('taxId') && !rule.includes('name'));
      const names = [
        keys.taxId && `tax:${keys.taxId}`,
        keys.name && `name:${keys.name}`,
        ...(contactsCanBlock ? [keys.phone && `phone:${keys.phone}`, keys.email && `email:${keys.email}`, ...keys.domains.map((d) => `domain:${d}`)] : []),
      ].filter(Boolean) as string[];
      await advisoryLocks(
        trx,
        names.map((name) => lockKey('match', uid, name))
      );
    },

    /** Candidate documents and the keys of each of their versions, by blocking. */
    async candidates({ uid, keys, trx, exclude }: { uid: string; keys: MatchKeys; trx?: Db; exclude?: string }): Promise<Map<string, MatchKeys[]>> {
      const db: Db = trx ?? strapi.db.connection;
      // One indexed lookup per key, all in one statement: an OR across the keys makes the planners
      // fall back to a scan of the uid. The same name in the same city comes first, so that a
      // common name cannot crowd it out of the capped name lookup.
      const lookups: Record<string, string>[] = [];
      if (keys.name && keys.city) lookups.push({ name_key: keys.name, city: keys.city });
      for (const [column, value] of [
        ['tax_id', keys.taxId],
        ['phone', keys.phone],
        ['email', keys.email],
        ['name_key', keys.name],
        ...keys.domains.flatMap((d) => [['domain_a', d], ['domain_b', d]]),
      ] as [string, string | null][]) {
        if (value) lookups.push({ [column]: value });
      }
      const found = new Map<string, MatchKeys[]>();
      const seen = new Set<string>();
      const keep = (row: KeyRow) => {
        // The same row can come from several lookups.
        if (seen.has(`${row.document_id}\u0000${row.version}`)) return;
        seen.add(`${row.document_id}\u0000${row.version}`);
        found.set(row.document_id, [...(found.get(row.document_id) ?? []), fromRow(row)]);
      };
      // The romanised name (pinyin of a Chinese name, the trade name of a Latin one): the same name
      // in another script, or a Chinese homophone.
      const romans = romanLookups(keys);
      if (lookups.length > 0 || romans.length > 0) {
        const parts = lookups.map((where) => {
          const columns = Object.keys(where);
          return {
            sql: `SELECT * FROM (SELECT * FROM ${KEYS} WHERE uid = ? AND ${columns.map((c) => `${c} = ?`).join(' AND ')} LIMIT ${EXACT_CAP}) AS k`,
            bindings: [uid, ...columns.map((c) => where[c])],
          };
        });
        parts.push(...romanParts(uid, keys, romans));
        const result = await db.raw(parts.map((p) => p.sql).join(' UNION ALL '), parts.flatMap((p) => p.bindings));
        const rows: KeyRow[] = isPostgres() ? result.rows : result;
        for (const row of rows) keep(row);
      }
      const ids = new Set<string>();
      // A name this common (王伟, Sarah Lewis) already has enough records of that very name: a
      // record with a look-alike name would rank below every one of them unless it shares a
      // contact, and the exact lookups find those. The fuzzy search, the dearest part (every record
      // of the name is rechecked: 50-100 ms for 王伟 at 1,000,000 records), adds nothing then.
      const sameName = keys.name ? [...found.values()].filter((versions) => versions.some((k) => k.name === keys.name)).length : 0;
      if (keys.name && sameName < COMMON_NAME) {
        const fuzzy = await fuzzyCandidates(db, uid, keys.name);
        for (const id of fuzzy) ids.add(id);
      }
      const missing = [...ids].filter((id) => !found.has(id));
      if (missing.length > 0) {
        const rows: KeyRow[] = await db(KEYS).where({ uid }).whereIn('document_id', missing).select();
        for (const row of rows) keep(row);
      }
      if (exclude) found.delete(exclude);
      return found;
    },

    /**
     * Scored candidates, best first, without pairs a steward marked "not a duplicate".
     * `includeAllow` keeps candidates below the review band (the match API shows them).
     */
    async match({
      uid,
      keys,
      trx,
      exclude,
      limit,
      includeAllow = false,
      settings: override,
    }: {
      uid: string;
      keys: MatchKeys;
      trx?: Db;
      exclude?: string;
      limit?: number;
      includeAllow?: boolean;
      /** Settings other than those in force (the settings pages' "try a record" before saving). */
      settings?: MatchingSettings;
    }): Promise<MatchCandidate[]> {
      const settings = override ?? service.settings(uid);
      if (!settings || !identifying(keys)) return [];
      const found = await service.candidates({ uid, keys, trx, exclude });
      if (found.size === 0) return [];
      // What stewards decided about this record's pairs: "not a duplicate" drops the candidate; an
      // accepted override keeps it flagged for review but no longer blocks (e.g. the later publish).
      const dismissed = new Set<string>();
      const accepted = new Set<string>();
      if (exclude) {
        const db: Db = trx ?? strapi.db.connection;
        const rows: { a: string; b: string; status: string; override_reason: string | null }[] = await db(PAIRS)
          .where({ uid })
          .where((q) => q.where('a', exclude).orWhere('b', exclude))
          .where((q) => q.where('status', 'not-duplicate').orWhereNotNull('override_reason'))
          .select('a', 'b', 'status', 'override_reason');
        for (const row of rows) (row.status === 'not-duplicate' ? dismissed : accepted).add(row.a === exclude ? row.b : row.a);
      }
      const scored: MatchCandidate[] = [];
      for (const [documentId, versions] of found) {
        if (dismissed.has(documentId)) continue;
        // A document is one candidate, scored on whichever of its versions matches best.
        const pair = versions.map((candidateKeys) => scorePair(keys, candidateKeys, settings.scoring)).sort(byStrength)[0];
        if (pair.decision === 'block' && accepted.has(documentId)) {
          pair.decision = 'review';
          pair.reasons.push({ field: 'override', comparator: 'steward', outcome: 'accepted', contribution: 0 });
        }
        if (includeAllow ? pair.score > 0 || pair.decision !== 'allow' : pair.decision !== 'allow') scored.push({ documentId, ...pair });
      }
      return scored.sort(byStrength).slice(0, limit ?? settings.limit);
    },

    /**
     * Stores, replaces or (null) removes the keys of the given versions of a document, in at most
     * one insert and one delete; the other version is left as it is. SQLite also keeps the
     * document's name grams (the union over its versions) and their counts. `created`: the document
     * is new in this transaction (a create or clone), so it has no keys yet and none are read.
     */
    async saveKeys({
      trx: db,
      uid,
      documentId,
      versions,
      created = false,
    }: {
      trx: Db;
      uid: string;
      documentId: string;
      versions: Partial<Record<KeyVersion, MatchKeys | null>>;
      created?: boolean;
    }) {
      const set = (Object.entries(versions) as [KeyVersion, MatchKeys | null][]).filter((e): e is [KeyVersion, MatchKeys] => Boolean(e[1]));
      const cleared = (Object.keys(versions) as KeyVersion[]).filter((version) => !versions[version]);
      if (!isPostgres()) {
        const rows: { version: KeyVersion; name_key: string | null }[] = created ? [] : await db(KEYS).where({ uid, document_id: documentId }).select('version', 'name_key');
        const before = new Map(rows.map((row) => [row.version, row.name_key]));
        const after = new Map(before);
        for (const version of cleared) after.delete(version);
        for (const [version, keys] of set) after.set(version, keys.name);
        const old = gramUnion(before.values());
        const now = gramUnion(after.values());
        await changeGrams(db, uid, documentId, [...old].filter((gram) => !now.has(gram)), -1);
        await changeGrams(db, uid, documentId, [...now].filter((gram) => !old.has(gram)), 1);
      }
      if (cleared.length > 0) await db(KEYS).where({ uid, document_id: documentId }).whereIn('version', cleared).delete();
      if (set.length > 0) {
        await db(KEYS)
          .insert(set.map(([version, keys]) => toRow(uid, documentId, version, keys)))
          .onConflict(['uid', 'document_id', 'version'])
          .merge();
      }
    },

    /** Removes the keys of every version of a document, or of one. */
    async removeKeys({ trx, uid, documentId, version }: { trx: Db; uid: string; documentId: string; version?: KeyVersion }) {
      await service.saveKeys({ trx, uid, documentId, versions: version ? { [version]: null } : { draft: null, published: null } });
    },

    /**
     * Rebuilds every key of a type from its records, both versions where the type has drafts,
     * skipping merged ones: for data that existed before matching was configured, or keyed by an
     * older version of the plugin. Returns the count of rows keyed.
     */
    async rebuild({ uid, batchSize = 2000 }: { uid: string; batchSize?: number }): Promise<number> {
      const settings = service.settings(uid);
      if (!settings) return 0;
      const knex = strapi.db.connection;
      const meta = strapi.db.metadata.get(uid);
      const table = meta.tableName;
      const column = (attribute?: string) => (attribute ? ((meta.attributes[attribute] as any)?.columnName ?? attribute) : undefined);
      const fields = Object.values(settings.fields).filter(Boolean) as string[];
      const select = ['id', 'document_id', 'published_at', ...fields.map((f) => `${column(f)} as ${f}`)];
      const draftAndPublish = modelInfo(strapi, uid).draftAndPublish;
      const mergedColumn = column(settings.merged?.field);

      await knex(KEYS).where({ uid }).delete();
      if (!isPostgres()) {
        await knex(GRAMS).where({ uid }).delete();
        await knex(GRAM_STATS).where({ uid }).delete();
      }
      let count: number;
      const load = async () => {
        let lastId = 0;
        let done = 0;
        for (;;) {
          const query = knex(table).where('id', '>', lastId).orderBy('id').limit(batchSize).select(select);
          if (mergedColumn) query.where((q) => q.whereNull(mergedColumn).orWhereNot(mergedColumn, settings.merged!.value));
          const rows: Record<string, any>[] = await query;
          if (rows.length === 0) break;
          lastId = rows[rows.length - 1].id;
          const keyRows = rows.map((row) =>
            toRow(uid, row.document_id, draftAndPublish && row.published_at != null ? 'published' : 'draft', matchKeys(row, settings.fields, settings.vocabulary, settings.personValues))
          );
          await knex.transaction(async (trx) => {
            for (let i = 0; i < keyRows.length; i += 500) await trx(KEYS).insert(keyRows.slice(i, i + 500));
            if (!isPostgres()) {
              const grams = keyRows.flatMap((row) => nameGrams(row.name_key).map((gram) => ({ uid, gram, document_id: row.document_id })));
              for (let i = 0; i < grams.length; i += 300) await trx(GRAMS).insert(grams.slice(i, i + 300)).onConflict().ignore();
            }
          });
          done += rows.length;
        }
        return done;
      };
      // PostgreSQL: the trigram index takes the load through a 4 MB pending list, merged in larger
      // sorted batches, then merged whole and set back to its small list (matching/schema.ts).
      if (isPostgres()) await bulkLoadTrigramIndex(knex);
      try {
        count = await load();
      } finally {
        if (isPostgres()) await settleTrigramIndex(knex);
      }
      if (!isPostgres()) {
        await knex.raw(`INSERT INTO ${GRAM_STATS} (uid, gram, df) SELECT uid, gram, count(*) FROM ${GRAMS} WHERE uid = ? GROUP BY uid, gram`, [uid]);
      }
      // Fresh statistics, so that the planners pick the key indexes.
      await knex.raw(isPostgres() ? `ANALYZE ${KEYS}` : 'ANALYZE');
      return count;
    },

    /**
     * Recomputes the keys of every record of a type under the settings in force, a batch of records
     * per transaction, each batch holding its records' document locks (a write of one of them waits
     * for the batch, and the batch re-reads what it keys): writes are never blocked for longer than
     * a batch, and no record is left keyed by old values. For settings changed while Strapi runs
     * (a background job); `progress(done, total)` after each batch.
     */
    async refresh({ uid, batchSize = 500, progress }: { uid: string; batchSize?: number; progress?: (done: number, total: number) => Promise<void> }): Promise<number> {
      const knex = strapi.db.connection;
      const meta = strapi.db.metadata.get(uid);
      const table = meta.tableName;
      const [{ n }] = await knex(table).count({ n: '*' });
      const total = Number(n);
      let lastId = 0;
      let done = 0;
      for (;;) {
        const ids: Array<{ id: number; document_id: string }> = await knex(table).where('id', '>', lastId).orderBy('id').limit(batchSize).select('id', 'document_id');
        if (ids.length === 0) break;
        lastId = ids[ids.length - 1].id;
        const documentIds = [...new Set(ids.map((row) => row.document_id))];
        await strapi.db.transaction(async ({ trx }) => {
          await advisoryLocks(trx, documentIds.map((id) => lockKey('doc', uid, id)));
          const settings = service.settings(uid);
          const rows: any[] = await strapi.db.query(uid as any).findMany({ where: { documentId: { $in: documentIds } } });
          for (const documentId of documentIds) {
            const versions: Partial<Record<KeyVersion, MatchKeys | null>> = { draft: null, published: null };
            for (const row of rows.filter((r) => r.documentId === documentId)) {
              const merged = settings?.merged && row[settings.merged.field] === settings.merged.value;
              const version: KeyVersion = modelInfo(strapi, uid).draftAndPublish && row.publishedAt != null ? 'published' : 'draft';
              versions[version] = settings && !merged ? matchKeys(row, settings.fields, settings.vocabulary, settings.personValues) : null;
            }
            await service.saveKeys({ trx, uid, documentId, versions });
          }
        });
        done += ids.length;
        await progress?.(done, total);
      }
      return done;
    },

    /** Rebuilds keys of a type whose key table is still empty while it has records (first start). */
    async ensureKeys({ uid }: { uid: string }) {
      if (!service.settings(uid)) return;
      // PostgreSQL: under the start-up lock, so instances starting together build them once. (SQLite
      // has one process and one connection, which the lock's transaction would hold.)
      const once = (fn: () => Promise<void>) => (isPostgres() ? withStartupLock(strapi, fn) : fn());
      await once(async () => {
        const knex = strapi.db.connection;
        if (isPostgres() && (await trigramIndexUnsettled(knex))) await settleTrigramIndex(knex);
        if (await knex(KEYS).where({ uid }).first('id')) return;
        const table = strapi.db.metadata.get(uid).tableName;
        if (!(await knex(table).first('id'))) return;
        const count = await service.rebuild({ uid });
        strapi.log.info(`[master-data] built match keys for ${count} ${uid} records`);
      });
    },
  };
  return service;
};

export type MatchingService = ReturnType<typeof matchingService>;

declare module '../governance/services' {
  interface PluginServices {
    matching: MatchingService;
  }
}
