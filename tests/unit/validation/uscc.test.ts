import { validateUscc, usccCheckCharacter } from '../../../src/plugins/master-data/server/src/validation/domain/uscc';

describe('CN Unified Social Credit Code (GB 32100-2015)', () => {
  test.each([
    ['91350100M000100Y43', 'the standard’s own example'],
    ['9144030071526726XG', 'Tencent Technology (Shenzhen)'],
    ['91330100716105852F', 'a Hangzhou company'],
  ])('accepts %s (%s)', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  test('accepts a code whose check character is 0 (sum divisible by 31)', () => {
    expect(usccCheckCharacter('91440300000000260')).toBe('0');
    expect(validateUscc('914403000000002600')).toEqual({ ok: true, value: '914403000000002600' });
  });

  test('standardises case, spaces and dashes', () => {
    expect(validateUscc(' 9144 0300 7152-6726xg ')).toEqual({ ok: true, value: '9144030071526726XG' });
  });

  test('rejects a wrong check character and says which one was expected', () => {
    expect(validateUscc('9144030071526726XH')).toEqual({ ok: false, reason: 'check character is H, expected G (GB 32100-2015)' });
  });

  test('rejects a single changed character (transposition of the division code)', () => {
    expect(validateUscc('9144300071526726XG').ok).toBe(false);
  });

  test('rejects the wrong length', () => {
    const result = validateUscc('9144030071526726X');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('must be 18 characters') });
  });

  test.each(['9144030071526726IG', '9144030071526726OG', '91440300715267Z6XG', '91AB030071526726XG'])(
    'rejects characters outside the alphabet or letters in the division code: %s',
    (code) => {
      expect(validateUscc(code)).toEqual({ ok: false, reason: expect.stringContaining('not allowed') });
    }
  );
});
