/**
 * Every regex and loop over user input in matching/domain and validation/domain is linear: a
 * 60,000-character adversarial input of each shape (the quadratic bracket pattern took 4-5 s on
 * 60,000 "(") is processed well within a request's budget.
 */
import { cityKey, emailKey, matchKeys, phoneKey, taxIdKey } from '../../../src/plugins/master-data/server/src/matching/domain/keys';
import { emailDomain, nameKey, websiteDomain } from '../../../src/plugins/master-data/server/src/matching/domain/normalise';
import { applyRule, RULE_TYPES } from '../../../src/plugins/master-data/server/src/validation/domain/rules';
import { validateTaxId } from '../../../src/plugins/master-data/server/src/validation/domain/tax-id';
import { stdnum } from 'stdnum';
import { taxIdRoot } from '../../../src/plugins/master-data/server/src/matching/domain/tax-root';

const N = 60_000;
const SHAPES: Record<string, string> = {
  '(': '('.repeat(N),
  '（': '（'.repeat(N),
  '【': '【'.repeat(N),
  '(a': '(a'.repeat(N / 2),
  ')(': ')('.repeat(N / 2),
  spaces: `a${' '.repeat(N)}b`,
  dots: '.'.repeat(N),
  'dots and spaces': '. '.repeat(N / 2),
  '@': '@'.repeat(N),
  'a@': 'a@'.repeat(N / 2),
  'latin legal forms': 'Ltd '.repeat(N / 4),
  'legal forms, no space': 'gmbh'.repeat(N / 4),
  'chinese legal forms': `${'有限公司'.repeat(N / 4)}x`,
  'chinese regions': '深圳市'.repeat(N / 3),
  'bracketed regions': '(深圳)'.repeat(N / 4),
  'zero-width': '\u200B'.repeat(N),
  'mixed scripts': 'aе'.repeat(N / 2),
  digits: '1'.repeat(N),
  'scheme-like': `a${'+'.repeat(N)}`,
  '市': '市'.repeat(N),
};

const timed = (fn: () => unknown) => {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

// Generous for a loaded two-core CI machine; the quadratic versions took many seconds on 60,000 characters.
const BUDGET_MS = 1000;

describe.each(Object.entries(SHAPES))('60,000 characters of %s', (_shape, input) => {
  test('match keys', () => {
    expect(timed(() => nameKey(input))).toBeLessThan(BUDGET_MS);
    expect(timed(() => cityKey(input))).toBeLessThan(BUDGET_MS);
    expect(timed(() => emailKey(input))).toBeLessThan(BUDGET_MS);
    expect(timed(() => taxIdKey(input, 'FR'))).toBeLessThan(BUDGET_MS);
    expect(timed(() => taxIdRoot(input, 'IN'))).toBeLessThan(BUDGET_MS);
    expect(timed(() => phoneKey(input, 'DE'))).toBeLessThan(BUDGET_MS);
    expect(timed(() => emailDomain(input))).toBeLessThan(BUDGET_MS);
    expect(timed(() => websiteDomain(input))).toBeLessThan(BUDGET_MS);
    const fields = { name: 'name', city: 'city', email: 'email', website: 'website', taxId: 'taxId', phone: 'phone', country: 'country' };
    expect(timed(() => matchKeys({ name: input, city: input, email: input, website: input, taxId: input, phone: input, country: 'FR' }, fields))).toBeLessThan(BUDGET_MS * 2);
  });

  test('field rules', () => {
    for (const type of RULE_TYPES) {
      // The rule's name in the assertion says which one was slow.
      expect([type, timed(() => applyRule(type, input, { country: 'DE' })) < BUDGET_MS]).toEqual([type, true]);
    }
    // Every country python-stdnum knows, plus one it does not.
    for (const country of [...Object.keys(stdnum), 'ZZ']) {
      expect([country, timed(() => validateTaxId(input, country)) < BUDGET_MS]).toEqual([country, true]);
      expect([country, timed(() => taxIdRoot(input, country)) < BUDGET_MS]).toEqual([country, true]);
    }
  });
});
