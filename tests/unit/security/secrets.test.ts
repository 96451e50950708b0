import { secretProblems } from '../../../src/plugins/master-data/server/src/security/domain/secrets';

const strong = 'k3v9Qm2xPz7LrT5wYb8NcD1e';

describe('secretProblems', () => {
  test('a missing ENCRYPTION_KEY is refused in every environment', () => {
    for (const production of [true, false]) {
      for (const value of [undefined, null, '', '   ']) {
        expect(secretProblems([{ name: 'ENCRYPTION_KEY', value, requiredEverywhere: true }], { production })).toEqual(['ENCRYPTION_KEY is not set']);
      }
    }
  });

  test('other secrets are required in production only', () => {
    expect(secretProblems([{ name: 'JWT_SECRET', value: undefined }], { production: false })).toEqual([]);
    expect(secretProblems([{ name: 'JWT_SECRET', value: undefined }], { production: true })).toEqual(['JWT_SECRET is not set']);
  });

  test.each(['toBeModified', 'tobemodified', 'toBeModified1', 'changeme', 'CHANGEME', '<your key>', 'secret', 'xxxxxxxx', '********'])(
    'the placeholder %p is refused in production and tolerated in development',
    (value) => {
      const [problem] = secretProblems([{ name: 'ENCRYPTION_KEY', value, requiredEverywhere: true }], { production: true });
      expect(problem).toMatch(/^ENCRYPTION_KEY holds a placeholder/);
      expect(secretProblems([{ name: 'ENCRYPTION_KEY', value, requiredEverywhere: true }], { production: false })).toEqual([]);
    }
  );

  test('a short secret is refused in production', () => {
    expect(secretProblems([{ name: 'ENCRYPTION_KEY', value: 'abc123xyz' }], { production: true })).toEqual(['ENCRYPTION_KEY is shorter than 16 characters']);
  });

  test('each entry of a list (APP_KEYS) is checked', () => {
    expect(secretProblems([{ name: 'APP_KEYS', value: [strong, 'toBeModified2'] }], { production: true })).toHaveLength(1);
    expect(secretProblems([{ name: 'APP_KEYS', value: [strong, strong.toUpperCase()] }], { production: true })).toEqual([]);
  });

  test('real secrets pass', () => {
    expect(secretProblems([{ name: 'ENCRYPTION_KEY', value: strong, requiredEverywhere: true }], { production: true })).toEqual([]);
  });
});
