/** One company, two forms of its identifier: match keys compare the registered root, per country. */
import { taxIdRoot } from '../../../src/plugins/master-data/server/src/matching/domain/tax-root';
import { taxIdKey } from '../../../src/plugins/master-data/server/src/matching/domain/keys';
import { scorePair } from '../../../src/plugins/master-data/server/src/matching/domain/score';
import { validateTaxId } from '../../../src/plugins/master-data/server/src/validation/domain/tax-id';

describe('the same company, every form of its identifier, one root', () => {
  test.each([
    ['FR', ['FR40303265045', '40303265045', '303265045', '303 265 045', 'fr 40 303 265 045'], '303265045'],
    ['NO', ['NO974760673MVA', '974760673MVA', '974760673', '974 760 673 MVA'], '974760673'],
    ['CH', ['CHE116281710MWST', 'CHE-116.281.710 TVA', 'CHE116281710IVA', 'CHE116281710'], '116281710'],
    ['IN', ['27AAPFU0939F1ZV', '29AAPFU0939F1ZR', 'AAPFU0939F'], 'AAPFU0939F'],
    ['SE', ['SE556188840401', '556188840401', '5561888404', '556188-8404'], '5561888404'],
    ['NL', ['NL004495445B01', '004495445B01', '004495445'], '004495445'],
    ['BE', ['BE0403019261', '0403.019.261', '403019261'], '0403019261'],
    ['AT', ['ATU13585627', 'U13585627'], 'U13585627'],
    ['AU', ['51 824 753 556', '824 753 556'], '824753556'],
    ['HU', ['HU12892312', '12892312-2-41'], '12892312'],
    ['DE', ['DE136695976', '136695976', 'de 136.695.976'], '136695976'],
    ['GB', ['GB100654027', '100654027', '100 6540 27', 'GB100654027001'], '100654027'],
    ['GR', ['EL094259216', 'GR094259216', '094259216'], '094259216'],
    ['DK', ['DK13585628', '13585628'], '13585628'],
    ['FI', ['FI20774740', '2077474-0'], '20774740'],
    ['IT', ['IT00743110157', '00743110157'], '00743110157'],
    ['CN', ['91440300708461136T', '9144 0300 7084 6113 6t'], '91440300708461136T'],
  ])('%s', (country, forms, root) => {
    for (const form of forms) expect([form, taxIdRoot(form, country)]).toEqual([form, root]);
    // What the validation stage stores reads to the same root.
    for (const form of forms) {
      const stored = validateTaxId(form, country);
      if (stored.ok) expect([form, taxIdRoot(stored.value, country)]).toEqual([form, root]);
    }
  });

  test('different companies keep different roots', () => {
    expect(taxIdRoot('FR40303265045', 'FR')).not.toBe(taxIdRoot('FR83404833048', 'FR'));
    expect(taxIdRoot('974760673', 'NO')).not.toBe(taxIdRoot('NO995525828MVA', 'NO'));
    // A PAN that starts with the letters IN keeps them: India has no VAT prefix.
    expect(taxIdRoot('INAPS1234K', 'IN')).toBe('INAPS1234K');
  });

  test('the key is qualified by the country: the same digits in two countries are two companies', () => {
    expect(taxIdKey('FR40303265045', 'FR')).toBe('FR:303265045');
    expect(taxIdKey('303265045', 'fr')).toBe('FR:303265045');
    expect(taxIdKey('303265045', 'DE')).toBe('DE:303265045');
    expect(taxIdKey('303265045', null)).toBe('303265045');
    expect(taxIdKey('x'.repeat(100), 'DE')).toBeNull();
  });

  test('VAT against registration number: the same company blocks, no veto', () => {
    const keys = (taxId: string, country: string) => ({ name: null, taxId: taxIdKey(taxId, country), phone: null, email: null, domains: [], city: null, country });
    for (const [country, a, b] of [
      ['FR', 'FR40303265045', '303265045'],
      ['NO', '974760673MVA', '974760673'],
      ['CH', 'CHE116281710MWST', 'CHE116281710'],
      ['IN', '27AAPFU0939F1ZV', 'AAPFU0939F'],
    ]) {
      const pair = scorePair(keys(a, country), keys(b, country));
      expect([country, pair.decision, pair.reasons.some((r) => r.outcome === 'different')]).toEqual([country, 'block', false]);
    }
  });
});
