import { countryOptions, currencyOptions, optionLabel, withCurrent } from '../../../src/plugins/master-data/admin/src/utils/iso-codes';
import { applyRule } from '../../../src/plugins/master-data/server/src/validation/domain/rules';

describe('country and currency pickers offer exactly what the server accepts', () => {
  test('every country offered passes the server rule, and every 2-letter code the rule takes is offered', () => {
    const offered = new Set(countryOptions().map((o) => o.code));
    for (const code of offered) expect(applyRule('country', code, {})).toEqual({ ok: true, value: code });
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const a of letters) {
      for (const b of letters) {
        expect([a + b, offered.has(a + b)]).toEqual([a + b, applyRule('country', a + b, {}).ok]);
      }
    }
    expect(offered.size).toBe(249);
  });

  test('every currency offered passes the server rule, and every 3-letter code the rule takes is offered', () => {
    const offered = new Set(currencyOptions().map((o) => o.code));
    for (const code of offered) expect(applyRule('currency', code, {})).toEqual({ ok: true, value: code });
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let accepted = 0;
    for (const a of letters) for (const b of letters) for (const c of letters) if (applyRule('currency', a + b + c, {}).ok) accepted += 1;
    expect(offered.size).toBe(accepted);
  });

  test('options show the code and a readable name, sorted by code', () => {
    const country = (code: string) => countryOptions().find((o) => o.code === code)!.label;
    expect(country('CN')).toBe('CN — China');
    expect(country('DE')).toBe('DE — Germany');
    expect(country('KR')).toBe('KR — South Korea');
    expect(country('TW')).toBe('TW — Taiwan');
    const currency = (code: string) => currencyOptions().find((o) => o.code === code)!.label;
    expect(currency('CNY')).toBe('CNY — Yuan Renminbi');
    expect(currency('EUR')).toBe('EUR — Euro');
    // Accepted by the server, no longer in the ISO list of currency-codes: named from CLDR.
    expect(currency('SLL')).toMatch(/^SLL — Sierra Leone/);
    for (const options of [countryOptions(), currencyOptions()]) {
      expect(options.map((o) => o.code)).toEqual([...options.map((o) => o.code)].sort());
      expect(options.every((o) => o.name && o.name !== o.code)).toBe(true);
    }
  });

  test('a stored value outside the list is shown first, so that it can be seen and replaced', () => {
    const options = countryOptions();
    expect(withCurrent(options, 'XK', 'not an ISO code')[0]).toEqual({ code: 'XK', name: 'not an ISO code', label: 'XK — not an ISO code' });
    expect(withCurrent(options, 'CN', 'x')).toBe(options);
    expect(withCurrent(options, null, 'x')).toBe(options);
    expect(optionLabel('AB', undefined)).toBe('AB');
  });
});
