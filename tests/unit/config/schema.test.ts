import { configSchema, describeIssues } from '../../../src/plugins/master-data/server/src/config/schema';
import pluginConfig from '../../../src/plugins/master-data/server/src/config';

describe('plugin configuration', () => {
  test('defaults: enabled, nothing governed, no system syncs', () => {
    expect(configSchema.parse({})).toEqual({
      enabled: true,
      governed: {},
      audit: { retention: { minimumAgeDays: 365 } },
      webhooks: {
        dispatcher: true,
        allowedHosts: [],
        timeoutMs: 15_000,
        leaseMarginMs: 30_000,
        schedule: [5, 300, 1800, 7200, 18_000, 36_000, 36_000],
        disableAfterDays: 5,
        concurrency: 16,
        batchSize: 100,
        pollIntervalMs: 500,
        captureAll: false,
        retentionDays: 30,
      },
      sync: {
        uid: 'api::customer.customer',
        field: 'externalIds',
        systems: [],
        batch: { maxRecords: 1000, maxBytes: 8 * 1024 * 1024, maxLineBytes: 128 * 1024 },
        idempotency: { ttlHours: 24, leaseSeconds: 300 },
      },
    });
  });

  test('sync: systems are URL-safe names, each once; bounds within range', () => {
    expect(configSchema.parse({ sync: { systems: ['sap', 'crm-2'] } }).sync).toMatchObject({ systems: ['sap', 'crm-2'], batch: { maxRecords: 1000 } });
    for (const [sync, path] of [
      [{ systems: ['SAP'] }, 'sync.systems.0'],
      [{ systems: ['sap/x'] }, 'sync.systems.0'],
      [{ systems: ['sap', 'sap'] }, 'sync.systems'],
      [{ batch: { maxRecords: 0 } }, 'sync.batch.maxRecords'],
      [{ idempotency: { ttlHours: 0 } }, 'sync.idempotency.ttlHours'],
      [{ unknown: true }, 'sync'],
    ] as const) {
      const result = configSchema.safeParse({ sync });
      expect(result.success).toBe(false);
      expect(describeIssues(result.error!)).toContain(`master-data.config.${path}`);
    }
  });

  test('fills code defaults', () => {
    const parsed = configSchema.parse({ governed: { 'api::customer.customer': { code: { field: 'code' } } } });
    expect(parsed.governed['api::customer.customer']).toEqual({
      code: { field: 'code', prefix: '', digits: 6 },
      audit: { sensitive: [] },
      bounds: { maxItems: 50, items: {}, maxTextLength: 100_000, json: { maxDepth: 20, maxBytes: 65_536 } },
      fields: {},
    });
  });

  test.each([
    [{ governed: { 'api::customer.customer': { fields: { taxId: { type: 'vat' } } } } }, 'master-data.config.governed.api::customer.customer.fields.taxId.type'],
    [{ governed: { customer: {} } }, 'master-data.config.governed.customer'],
    [{ governed: { 'api::customer.customer': { fields: { 'a.b.c': { type: 'email' } } } } }, 'master-data.config.governed.api::customer.customer.fields.a.b.c'],
    [{ governed: { 'api::customer.customer': { code: { field: 'code', digits: 40 } } } }, 'master-data.config.governed.api::customer.customer.code.digits'],
    [{ enabeld: true }, 'master-data.config.(root): Unrecognized key: "enabeld"'],
    [{ audit: { retention: { minimumAgeDays: -1 } } }, 'master-data.config.audit.retention.minimumAgeDays'],
    [{ audit: { retention: { minimumAgeDays: '365' } } }, 'master-data.config.audit.retention.minimumAgeDays'],
    [{ audit: { retention: { minimumAgeDays: 1.5 } } }, 'master-data.config.audit.retention.minimumAgeDays'],
    [{ audit: { retention: { minimumAge: 30 } } }, 'master-data.config.audit.retention: Unrecognized key: "minimumAge"'],
    [{ governed: { 'api::customer.customer': { bounds: { maxItems: 0 } } } }, 'master-data.config.governed.api::customer.customer.bounds.maxItems'],
    [{ governed: { 'api::customer.customer': { bounds: { items: { addresses: -1 } } } } }, 'master-data.config.governed.api::customer.customer.bounds.items.addresses'],
    [{ governed: { 'api::customer.customer': { bounds: { json: { maxDepth: 1000 } } } } }, 'master-data.config.governed.api::customer.customer.bounds.json.maxDepth'],
    [{ governed: { 'api::customer.customer': { bounds: { maxItem: 5 } } } }, 'Unrecognized key: "maxItem"'],
  ])('names the bad key: %j', (config, key) => {
    const result = configSchema.safeParse(config);
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toContain(key);
    expect(() => pluginConfig.validator(config)).toThrow(key);
  });
});
