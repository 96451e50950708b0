/** Unit tests: pure code, no Strapi. Integration tests: a real Strapi per file, SQLite or PostgreSQL. */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest'] };

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/helpers/env.ts'],
    },
  ],
};
