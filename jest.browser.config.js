/** Browser tests (npm run test:browser): need the built admin panel and Debian's Chromium. */
module.exports = {
  testTimeout: 180000,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  setupFiles: ['<rootDir>/tests/helpers/env.ts'],
};
