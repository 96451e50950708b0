import { planMigrations, type Migration } from '../../../src/plugins/master-data/server/src/governance/migrations';
import { advisoryLocks, lockKey, lockOrder, STARTUP_LOCK, AUDIT_CHAIN_LOCK } from '../../../src/plugins/master-data/server/src/governance/locks';
import { auditMigrations } from '../../../src/plugins/master-data/server/src/audit/schema';
import { matchingMigrations } from '../../../src/plugins/master-data/server/src/matching/schema';
import { codeMigrations } from '../../../src/plugins/master-data/server/src/codes/schema';

const m = (name: string): Migration => ({ name, up: async () => undefined });
const ids = (plan: { id: string }[]) => plan.map((p) => p.id);

describe('planMigrations', () => {
  const sets = [
    { capability: 'audit', migrations: [m('0001-tables'), m('0002-more')] },
    { capability: 'matching', migrations: [m('0001-tables')] },
  ];

  test('a fresh database gets every migration: capabilities in the order added, each by number', () => {
    expect(ids(planMigrations(sets, []))).toEqual(['audit/0001-tables', 'audit/0002-more', 'matching/0001-tables']);
  });

  test('what is applied is not planned again; everything applied plans nothing', () => {
    expect(ids(planMigrations(sets, ['audit/0001-tables', 'matching/0001-tables']))).toEqual(['audit/0002-more']);
    expect(planMigrations(sets, ['audit/0001-tables', 'audit/0002-more', 'matching/0001-tables'])).toEqual([]);
  });

  test('the same number in two capabilities is two migrations', () => {
    expect(ids(planMigrations(sets, ['audit/0001-tables']))).toContain('matching/0001-tables');
  });

  test('a migration inserted before one already applied is refused, naming both', () => {
    const later = [{ capability: 'audit', migrations: [m('0001-tables'), m('0002-inserted'), m('0003-more')] }];
    expect(() => planMigrations(later, ['audit/0001-tables', 'audit/0003-more'])).toThrow(
      'migration "audit/0002-inserted" is not applied but "audit/0003-more", after it, is'
    );
  });

  test.each([
    [[m('0002-b'), m('0001-a')], 'out of order'],
    [[m('0001-a'), m('0001-b')], 'repeats a number'],
    [[m('1-a')], 'must be named NNNN-kebab-case'],
    [[m('0001_Tables')], 'must be named NNNN-kebab-case'],
  ])('a badly numbered or named list is refused: %j', (migrations, message) => {
    expect(() => planMigrations([{ capability: 'audit', migrations }], [])).toThrow(message);
  });

  test('a capability added twice, or not kebab-case, is refused', () => {
    expect(() => planMigrations([sets[0], sets[0]], [])).toThrow('migrations of "audit" were added twice');
    expect(() => planMigrations([{ capability: 'Audit', migrations: [] }], [])).toThrow('must be kebab-case');
  });

  test("the plugin's own lists are valid, and the key version upgrade is its own migration after the tables", () => {
    const plan = planMigrations(
      [
        { capability: 'audit', migrations: auditMigrations },
        { capability: 'matching', migrations: matchingMigrations() },
        { capability: 'codes', migrations: codeMigrations },
      ],
      []
    );
    expect(ids(plan)).toEqual(['audit/0001-audit-tables', 'matching/0001-matching-tables', 'matching/0002-match-keys-version', 'matching/0003-match-keys-fold-look-alikes', 'matching/0004-match-keys-name-forms', 'matching/0005-record-indexes', 'matching/0006-record-indexes-not-partial', 'matching/0007-trigram-index-small-pending-list', 'codes/0001-counters']);
  });
});

describe('advisory lock keys', () => {
  test('one scheme: master-data:<scope>:<...>', () => {
    expect(lockKey('doc', 'api::customer.customer', 'abc')).toBe('master-data:doc:api::customer.customer:abc');
    expect(STARTUP_LOCK).toBe('master-data:startup');
    expect(AUDIT_CHAIN_LOCK).toBe('master-data:audit:chain');
  });

  test('sorted (code units, not locale) and deduplicated', () => {
    const keys = ['master-data:match:u:name:b', 'master-data:doc:u:Z', 'master-data:match:u:name:b', 'master-data:doc:u:a', 'master-data:match:u:name:Ä'];
    expect(lockOrder(keys)).toEqual(['master-data:doc:u:Z', 'master-data:doc:u:a', 'master-data:match:u:name:b', 'master-data:match:u:name:Ä']);
  });

  test.each(['doc:u:1', 'master-data', 'master-data:', 'master-data:Doc:x', 'other:doc:x', ''])('a key outside the scheme is refused: %j', (key) => {
    expect(() => lockOrder([key])).toThrow('is not of the form master-data:<scope>:<...>');
  });

  test('a key may hold any character after the scope (normalised names, uids)', () => {
    expect(lockOrder(['master-data:match:u:name:a\nb'])).toEqual(['master-data:match:u:name:a\nb']);
  });

  const fakeTrx = (dialect: string) => {
    const calls: unknown[][] = [];
    return { trx: { client: { dialect }, raw: async (...args: unknown[]) => void calls.push(args) } as any, calls };
  };

  test('PostgreSQL: all keys in one statement, in lock order', async () => {
    const { trx, calls } = fakeTrx('postgresql');
    await advisoryLocks(trx, ['master-data:doc:u:b', 'master-data:doc:u:a', 'master-data:doc:u:b']);
    expect(calls).toHaveLength(1);
    expect(calls[0][0]).toContain('pg_advisory_xact_lock(hashtextextended(k, 0))');
    expect(calls[0][1]).toEqual([['master-data:doc:u:a', 'master-data:doc:u:b']]);
  });

  test('no keys, or SQLite: no statement (SQLite serialises writes itself); bad keys still refused', async () => {
    const pg = fakeTrx('postgresql');
    await advisoryLocks(pg.trx, []);
    const sqlite = fakeTrx('sqlite3');
    await advisoryLocks(sqlite.trx, ['master-data:startup']);
    expect([...pg.calls, ...sqlite.calls]).toEqual([]);
    await expect(advisoryLocks(sqlite.trx, ['startup'])).rejects.toThrow('is not of the form');
  });
});
