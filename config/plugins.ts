import type { Core } from '@strapi/strapi';

const allowedMediaTypes = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
  'master-data': {
    enabled: true,
    resolve: './src/plugins/master-data',
    config: {
      // MASTER_DATA_GOVERNANCE=false runs the same app as plain Strapi (for benchmarks).
      enabled: env.bool('MASTER_DATA_GOVERNANCE', true),
      // Webhook delivery; endpoints are managed in Settings → Master data → Webhooks.
      webhooks: {
        // Hosts exempt from the SSRF guard (private, loopback, link-local addresses), comma-separated.
        allowedHosts: env('WEBHOOKS_ALLOWED_HOSTS', ''),
        // WEBHOOKS_DISPATCHER=false: this instance writes outbox rows but delivers nothing.
        dispatcher: env.bool('WEBHOOKS_DISPATCHER', true),
        timeoutMs: env.int('WEBHOOKS_TIMEOUT_MS', 15_000),
        // Seconds before attempt 2, 3, ... (default: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h).
        ...(env('WEBHOOKS_RETRY_SCHEDULE') ? { schedule: (env.array('WEBHOOKS_RETRY_SCHEDULE') ?? []).map(Number) } : {}),
        disableAfterDays: env.float('WEBHOOKS_DISABLE_AFTER_DAYS', 5),
        leaseMarginMs: env.int('WEBHOOKS_LEASE_MARGIN_MS', 30_000),
        // Every governed event gets an outbox row, subscribed or not (for a CDC pipeline reading the table).
        captureAll: env.bool('WEBHOOKS_CAPTURE_ALL', false),
        concurrency: env.int('WEBHOOKS_CONCURRENCY', 16),
      },
      governed: {
        'api::customer.customer': {
          code: { field: 'code', prefix: 'C-', digits: 6 },
          // Stored in the audit trail only as a keyed fingerprint.
          audit: { sensitive: ['bankAccounts.accountNumber', 'bankAccounts.iban'] },
          // Duplicate detection: which fields feed the match keys; weights and bands keep their defaults.
          matching: {
            fields: { name: 'name', taxId: 'taxId', phone: 'phone', email: 'email', website: 'website', city: 'city', country: 'country', kind: 'customerType' },
            merged: { field: 'lifecycleStage', value: 'merged', pointer: 'mergedInto', move: ['externalIds'] },
          },
          // Changes of the golden (published) record that wait for sign-off. Creating does not.
          approvals: {
            // MASTER_DATA_APPROVALS=false lets every change go live at once (benchmarks compare both).
            enabled: env.bool('MASTER_DATA_APPROVALS', true),
            policies: [
              {
                name: 'governed-fields',
                fields: ['taxId', 'name', 'legalName', 'bankAccounts', 'creditRating', 'paymentTerms', 'creditLimit'],
                actions: ['update'],
                steps: [{ name: 'Approval', roles: ['Approver'], approvals: 1 }],
              },
              {
                name: 'large-credit-limit',
                fields: ['creditLimit'],
                actions: ['update'],
                when: [{ field: 'creditLimit', op: 'gte', value: 1_000_000 }],
                steps: [
                  { name: 'Approval', roles: ['Approver'], approvals: 1 },
                  { name: 'Finance', roles: ['Finance'], approvals: 1 },
                ],
              },
              {
                // Deleting or unpublishing takes the golden record away from every consumer.
                name: 'golden-record-removal',
                actions: ['delete', 'unpublish'],
                steps: [{ name: 'Approval', roles: ['Approver'], approvals: 1 }],
              },
            ],
          },
          fields: {
            name: { type: 'name' },
            legalName: { type: 'name' },
            country: { type: 'country' },
            taxId: { type: 'taxId' },
            phone: { type: 'phone' },
            email: { type: 'email' },
            website: { type: 'url' },
            currency: { type: 'currency' },
            city: { type: 'text' },
            region: { type: 'text' },
            'addresses.country': { type: 'country' },
            'addresses.line1': { type: 'text' },
            'addresses.line2': { type: 'text' },
            'addresses.city': { type: 'text' },
            'contacts.name': { type: 'name' },
            'contacts.email': { type: 'email' },
            'contacts.phone': { type: 'phone' },
            'bankAccounts.iban': { type: 'iban' },
            'bankAccounts.swift': { type: 'bic' },
          },
        },
        // Groups are master data too: their writes are audited, and linking or unlinking customers
        // from the group side is recorded on each customer's trail. Their code is chosen by people
        // (e.g. KEYACC), so it is standardised, not generated.
        'api::customer-group.customer-group': {
          fields: {
            name: { type: 'name' },
            code: { type: 'text' },
          },
        },
      },
      audit: {
        // Events younger than this can never be removed by the retention procedure.
        retention: { minimumAgeDays: env.int('MASTER_DATA_AUDIT_MINIMUM_AGE_DAYS', 365) },
      },
      // Inbound sync by external id: PUT/POST/GET /api/master-data/sync/<system>/...; each system has
      // its own API token and role permissions (master-data › sync-<system>).
      sync: {
        uid: 'api::customer.customer',
        field: 'externalIds',
        systems: env.array('MASTER_DATA_SYNC_SYSTEMS', ['sap', 'crm']),
      },
    },
  },
});

export default config;
