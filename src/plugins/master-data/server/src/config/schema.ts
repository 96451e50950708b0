/**
 * The plugin's configuration, validated at start-up. A bad key fails start-up with its path.
 * `config/plugins.ts` of the app sets it under `master-data.config`.
 */
import { z } from 'zod';
import { RULE_TYPES, type RuleType } from '../validation/domain/rules';

const fieldRule = z
  .object({
    type: z.enum(RULE_TYPES as [RuleType, ...RuleType[]]),
    countryField: z.string().min(1).optional(),
  })
  .strict();

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
    fields: z.record(z.string().regex(/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)?$/, 'must be "field" or "component.field"'), fieldRule).default({}),
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
  })
  .strict();

export type MasterDataConfig = z.infer<typeof configSchema>;
export type GovernedTypeConfig = z.infer<typeof governedType>;

/** Formats zod issues as `master-data.config.<path>: <message>` lines. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues
    .map((issue) => `master-data.config.${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('\n');
