/**
 * The plugin's configuration, validated at start-up. A bad key fails start-up with its path.
 * `config/plugins.ts` of the app sets it under `master-data.config`.
 */
import { z } from 'zod';
import { RULE_TYPES, type RuleType } from '../validation/domain/rules';
import { DEFAULT_SCORING, type ScoringSettings } from '../matching/domain/score';
import { DEFAULT_LIMITS } from '../validation/domain/bounds';
import { CONDITION_OPS, POLICY_ACTIONS, type ConditionOp } from '../approvals/domain/policy';
import type { ChangeRequestAction } from '../../../shared/contracts/approvals';
import { DEFAULT_SCHEDULE } from '../webhooks/domain/retry';
import { patternProblem } from '../validation/domain/pattern';

const fieldRule = z
  .object({
    type: z.enum(RULE_TYPES as [RuleType, ...RuleType[]]).optional(),
    countryField: z.string().min(1).optional(),
    required: z.boolean().optional(),
    allowed: z.array(z.string().min(1).max(200)).min(1).max(500).optional(),
    pattern: z.string().min(1).max(500).optional(),
    patternMessage: z.string().min(1).max(200).optional(),
    /** A value the pattern must accept: tried before the settings are accepted. */
    sample: z.string().max(500).optional(),
    sensitive: z.boolean().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (!rule.type && !rule.required && !rule.allowed && !rule.pattern && !rule.sensitive) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: 'give a rule type, required, allowed values, a pattern or sensitive' });
    }
    if (rule.pattern === undefined) return;
    const problem = patternProblem(rule.pattern, rule.sample);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
  });

const codeConfig = z
  .object({
    /** The attribute that holds the generated code; must be a string attribute. */
    field: z.string().min(1),
    /** Prefix of every code, e.g. `C-` gives `C-000123`. */
    prefix: z.string().max(10).default(''),
    /** Digits after the prefix, zero-padded. */
    digits: z.number().int().min(3).max(12).default(6),
  })
  .strict();

const comparator = z.enum(['taxId', 'name', 'city', 'phone', 'email', 'domain', 'country']);
const weight = z.number().min(-1).max(1);

/** Duplicate matching: which attributes feed the match keys, the weights and the bands. */
const matchingConfig = z
  .object({
    enabled: z.boolean().default(true),
    /** Attribute names feeding each match key; a key without an attribute is not used. */
    fields: z
      .object({
        name: z.string().min(1).optional(),
        taxId: z.string().min(1).optional(),
        phone: z.string().min(1).optional(),
        email: z.string().min(1).optional(),
        website: z.string().min(1).optional(),
        city: z.string().min(1).optional(),
        country: z.string().min(1).optional(),
        /** Whether a record is a person (e.g. customerType); persons are never blocked by name. */
        kind: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    /** Values of the `kind` attribute that make a record a person (compared lower case). */
    personValues: z.array(z.string().min(1)).min(1).default(['person', 'individual', 'natural person']),
    thresholds: z
      .object({ block: z.number().min(0).max(1).default(DEFAULT_SCORING.thresholds.block), review: z.number().min(0).max(1).default(DEFAULT_SCORING.thresholds.review) })
      .strict()
      .refine((t) => t.review <= t.block, 'review must not be above block')
      .default(DEFAULT_SCORING.thresholds),
    weights: z
      .object(Object.fromEntries(Object.keys(DEFAULT_SCORING.weights).map((key) => [key, weight.optional()])) as Record<keyof ScoringSettings['weights'], z.ZodOptional<typeof weight>>)
      .strict()
      .default({}),
    /** Decisive rules: when every listed comparator is exact, the write is blocked whatever the score. */
    blockWhen: z.array(z.array(comparator).min(1)).default(DEFAULT_SCORING.blockWhen),
    /** Extra vocabulary for the name normaliser, added to the built-in lists. */
    vocabulary: z
      .object({
        legalForms: z.array(z.string().min(1)).default([]),
        regions: z.array(z.string().min(1)).default([]),
        freeMailDomains: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ legalForms: [], regions: [], freeMailDomains: [] }),
    /** Candidates returned by the match API by default. */
    limit: z.number().int().min(1).max(100).default(10),
    /** The attribute and value that mark a merged record, and the relation to its survivor. */
    merged: z
      .object({
        field: z.string().min(1),
        value: z.string().min(1),
        pointer: z.string().min(1),
        /** Repeatable components that move to the survivor (external ids), rather than being copied. */
        move: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

const attributeName = z.string().regex(/^[A-Za-z_][\w-]*$/, 'must be an attribute name');

/** Approval policies: which changes of the golden record need sign-off, and by whom (see approvals/domain/policy.ts). */
const approvalStep = z
  .object({
    name: z.string().min(1).max(100),
    /** Admin role names; a holder of any of them may approve the step (Super Admin may approve any step). */
    roles: z.array(z.string().min(1).max(100)).min(1).max(20),
    /** Distinct people needed (N of M). */
    approvals: z.number().int().min(1).max(20).default(1),
  })
  .strict();

const approvalPolicy = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes'),
    /** Attributes (components and relations included) whose change needs approval; empty: any change of the actions. */
    fields: z.array(attributeName).max(200).default([]),
    actions: z.array(z.enum(POLICY_ACTIONS as [ChangeRequestAction, ...ChangeRequestAction[]])).min(1).default(['update']),
    /** Every condition must hold (on the proposed value, or its change from the golden record). */
    when: z
      .array(
        z
          .object({
            field: attributeName,
            op: z.enum(CONDITION_OPS as [ConditionOp, ...ConditionOp[]]).default('changed'),
            value: z.union([z.number(), z.string().max(1000), z.boolean(), z.array(z.union([z.number(), z.string().max(1000)])).max(100)]).optional(),
          })
          .strict()
      )
      .max(20)
      .default([]),
    steps: z.array(approvalStep).min(1).max(10),
  })
  .strict();

const approvalsConfig = z
  .object({
    enabled: z.boolean().default(true),
    policies: z.array(approvalPolicy).max(100).default([]),
  })
  .strict();

/** Bounds of one write: entries of repeatable components, text without a maxLength, json. */
const boundsConfig = z
  .object({
    /** Entries of each repeatable component or dynamic zone. */
    maxItems: z.number().int().min(1).max(10_000).default(DEFAULT_LIMITS.maxItems),
    /** Per attribute override of maxItems, e.g. `{ addresses: 20 }`; checked against the schema at start-up. */
    items: z.record(z.string().regex(/^[A-Za-z_][\w-]*$/, 'must be an attribute name'), z.number().int().min(0).max(10_000)).default({}),
    /** Characters of a text or rich text attribute without a maxLength of its own. */
    maxTextLength: z.number().int().min(1).max(10_000_000).default(DEFAULT_LIMITS.maxTextLength),
    json: z
      .object({
        maxDepth: z.number().int().min(1).max(100).default(DEFAULT_LIMITS.json.maxDepth),
        maxBytes: z.number().int().min(16).max(10_000_000).default(DEFAULT_LIMITS.json.maxBytes),
      })
      .strict()
      .default({ ...DEFAULT_LIMITS.json }),
  })
  .strict()
  .default({ ...DEFAULT_LIMITS, items: {}, json: { ...DEFAULT_LIMITS.json } });

const governedType = z
  .object({
    /** A generated, unique, never editable human-readable code. */
    code: codeConfig.optional(),
    /** Validation and standardisation per field path (`taxId`, `contacts.phone`). */
    /** Audit trail settings. */
    audit: z
      .object({
        /** Paths (`field` or `component.field`) whose values are stored only as a keyed fingerprint. */
        sensitive: z.array(z.string().regex(/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)?$/)).default([]),
      })
      .strict()
      .default({ sensitive: [] }),
    matching: matchingConfig.optional(),
    /** Approval of changes to the golden (published) version; draft & publish types only. */
    approvals: approvalsConfig.optional(),
    /** Bounds of every write, checked before any other work (see validation/domain/bounds.ts). */
    bounds: boundsConfig,
    fields: z.record(z.string().regex(/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)?$/, 'must be "field" or "component.field"'), fieldRule).default({}),
  })
  .strict();

/** Webhook delivery (endpoints themselves are managed in the admin panel and stored in the database). */
const webhooksConfig = z
  .object({
    /** Whether this instance runs a dispatcher (every instance may: they share the work). */
    dispatcher: z.boolean().default(true),
    /** Hosts exempt from the SSRF guard (WEBHOOKS_ALLOWED_HOSTS, comma-separated), e.g. `127.0.0.1` for tests and the demo. */
    allowedHosts: z.union([z.string().max(10_000), z.array(z.string().max(255)).max(1000)]).default([]),
    /** Per attempt: connect, send and read the response. */
    timeoutMs: z.number().int().min(100).max(60_000).default(15_000),
    /**
     * How long past the timeout a claimed delivery stays with its instance: if that instance dies
     * mid-delivery, the delivery is due again for any instance once this has passed.
     */
    leaseMarginMs: z.number().int().min(100).max(3_600_000).default(30_000),
    /** Seconds to wait before attempt 2, 3, ...; after the last, the delivery is dead-lettered. */
    schedule: z.array(z.number().min(0).max(7 * 86_400)).max(30).default(DEFAULT_SCHEDULE),
    /** An endpoint failing without a success for this many days is disabled. */
    disableAfterDays: z.number().min(0).max(365).default(5),
    /** Deliveries in flight at once per instance. */
    concurrency: z.number().int().min(1).max(256).default(16),
    /** Deliveries claimed per round. */
    batchSize: z.number().int().min(1).max(1000).default(100),
    /** How often an idle dispatcher looks for due work (a write on the same instance wakes it at once). */
    pollIntervalMs: z.number().int().min(10).max(60_000).default(500),
    /**
     * Every governed event becomes an outbox row even when no endpoint subscribes to it: for a CDC
     * pipeline (Debezium's outbox event router) that reads the outbox table itself.
     */
    captureAll: z.boolean().default(false),
    /** Delivered events older than this many days leave the outbox and the delivery log. */
    retentionDays: z.number().int().min(1).max(3650).default(30),
  })
  .strict();

/**
 * Inbound sync from external systems (ERP, CRM): upsert by (system, external id) into one governed
 * type, whose repeatable component `field` holds the pairs (attributes `system` and `externalId`).
 * Each system gets its own content API permissions (`master-data.sync-<system>`).
 */
const syncConfig = z
  .object({
    /** The governed content type sync writes to. */
    uid: z.string().regex(/^(api|plugin)::[\w-]+\.[\w-]+$/, 'must be a content type uid like api::customer.customer').default('api::customer.customer'),
    /** Its repeatable component attribute holding the external ids. */
    field: attributeName.default('externalIds'),
    /** The systems that may sync, as they appear in the URL (`/api/master-data/sync/<system>/...`). */
    systems: z
      .array(z.string().regex(/^[a-z][a-z0-9-]{0,29}$/, 'must be 1 to 30 lower-case letters, digits and dashes, starting with a letter'))
      .max(50)
      .default([])
      .refine((list) => new Set(list).size === list.length, 'must not name a system twice'),
    /** Bounds of one batch, checked before any work. */
    batch: z
      .object({
        maxRecords: z.number().int().min(1).max(10_000).default(1000),
        /** Bytes of an NDJSON body (a JSON body is bounded by the app's body parser, `jsonLimit`). */
        maxBytes: z.number().int().min(1024).max(100 * 1024 * 1024).default(8 * 1024 * 1024),
        /** Bytes of one NDJSON line. */
        maxLineBytes: z.number().int().min(256).max(10 * 1024 * 1024).default(128 * 1024),
      })
      .strict()
      .default({ maxRecords: 1000, maxBytes: 8 * 1024 * 1024, maxLineBytes: 128 * 1024 }),
    idempotency: z
      .object({
        /** How long the answer to an `Idempotency-Key` is kept. */
        ttlHours: z.number().int().min(1).max(24 * 30).default(24),
        /** A request still running after this long (e.g. its instance died) may be taken over by a retry. */
        leaseSeconds: z.number().int().min(10).max(3600).default(300),
      })
      .strict()
      .default({ ttlHours: 24, leaseSeconds: 300 }),
  })
  .strict();

export const configSchema = z
  .object({
    /** Off switch for the whole governed-write pipeline (for comparisons with plain Strapi). */
    enabled: z.boolean().default(true),
    /** Content types under governance, by uid. */
    governed: z
      .record(z.string().regex(/^(api|plugin)::[\w-]+\.[\w-]+$/, 'must be a content type uid like api::customer.customer'), governedType)
      .default({}),
    /** The audit trail as a whole (per-type settings live under `governed.<uid>.audit`). */
    audit: z
      .object({
        retention: z
          .object({
            /** Events younger than this many days are never removed: the retention procedure refuses a later cut-off. */
            minimumAgeDays: z.number().int().min(0).max(36_500).default(365),
          })
          .strict()
          .default({ minimumAgeDays: 365 }),
      })
      .strict()
      .default({ retention: { minimumAgeDays: 365 } }),
    webhooks: webhooksConfig.default(webhooksConfig.parse({})),
    sync: syncConfig.default({
      uid: 'api::customer.customer',
      field: 'externalIds',
      systems: [],
      batch: { maxRecords: 1000, maxBytes: 8 * 1024 * 1024, maxLineBytes: 128 * 1024 },
      idempotency: { ttlHours: 24, leaseSeconds: 300 },
    }),
  })
  .strict();

export type MasterDataConfig = z.infer<typeof configSchema>;
export type GovernedTypeConfig = z.infer<typeof governedType>;
export type MatchingConfig = z.infer<typeof matchingConfig>;
export type ApprovalsConfig = z.infer<typeof approvalsConfig>;
export type WebhooksConfig = z.infer<typeof webhooksConfig>;
export type SyncConfig = z.infer<typeof syncConfig>;

/** Formats zod issues as `master-data.config.<path>: <message>` lines. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues
    .map((issue) => `master-data.config.${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('\n');
