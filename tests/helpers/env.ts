// Secrets for test instances (.env is not committed). Fixed values: tests only.
const defaults: Record<string, string> = {
  APP_KEYS: 'testKeyA,testKeyB',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  JWT_SECRET: 'test-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdef',
  SERVE_ADMIN_PANEL: 'false',
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'none',
};
for (const [key, value] of Object.entries(defaults)) process.env[key] ??= value;
