/**
 * The catalogues the settings pages offer (shared/contracts/settings.ts) are the server's: a rule
 * type, comparator, weight or default added on the server and not here would be missing from the
 * panel (or one here refused by the server).
 */
import { configSchema } from '../../../src/plugins/master-data/server/src/config/schema';
import { RULE_TYPES as SERVER_RULE_TYPES } from '../../../src/plugins/master-data/server/src/validation/domain/rules';
import { DEFAULT_SCORING } from '../../../src/plugins/master-data/server/src/matching/domain/score';
import { CONDITION_OPS as SERVER_OPS, POLICY_ACTIONS as SERVER_ACTIONS } from '../../../src/plugins/master-data/server/src/approvals/domain/policy';
import {
  COMPARATORS,
  CONDITION_OPS,
  DEFAULT_BLOCK_WHEN,
  DEFAULT_MATCH_LIMIT,
  DEFAULT_PERSON_VALUES,
  DEFAULT_THRESHOLDS,
  DEFAULT_WEIGHTS,
  MATCH_FIELD_KEYS,
  POLICY_ACTIONS,
  RULE_TYPES,
} from '../../../src/plugins/master-data/shared/contracts/settings';

const withMatching = (matching: Record<string, unknown>) => configSchema.safeParse({ governed: { 'api::x.x': { matching } } });

test('rule types, policy actions and condition operators', () => {
  expect([...RULE_TYPES].sort()).toEqual([...SERVER_RULE_TYPES].sort());
  expect([...POLICY_ACTIONS].sort()).toEqual([...SERVER_ACTIONS].sort());
  expect([...CONDITION_OPS].sort()).toEqual([...SERVER_OPS].sort());
});

test('weights and their defaults, thresholds and block rules', () => {
  expect(DEFAULT_WEIGHTS).toEqual(DEFAULT_SCORING.weights);
  expect(DEFAULT_THRESHOLDS).toEqual(DEFAULT_SCORING.thresholds);
  expect(DEFAULT_BLOCK_WHEN).toEqual(DEFAULT_SCORING.blockWhen);
});

test('the defaults a document gets for matching', () => {
  const parsed = withMatching({});
  expect(parsed.success).toBe(true);
  const matching = parsed.data!.governed['api::x.x'].matching!;
  expect(matching.personValues).toEqual(DEFAULT_PERSON_VALUES);
  expect(matching.limit).toBe(DEFAULT_MATCH_LIMIT);
  expect(matching.thresholds).toEqual(DEFAULT_THRESHOLDS);
});

test('match keys and comparators: each accepted, and nothing else', () => {
  for (const key of MATCH_FIELD_KEYS) expect(withMatching({ fields: { [key]: 'x' } }).success).toBe(true);
  expect(withMatching({ fields: { vat: 'x' } }).success).toBe(false);
  for (const comparator of COMPARATORS) expect(withMatching({ blockWhen: [[comparator]] }).success).toBe(true);
  const refused = withMatching({ blockWhen: [['bogus']] });
  expect(refused.success).toBe(false);
  // The enum's own list of options, as zod names them in its message.
  const listed = [...refused.error!.issues[0].message.matchAll(/"(\w+)"/g)].map((m) => m[1]);
  expect(listed.sort()).toEqual([...COMPARATORS].sort());
});
