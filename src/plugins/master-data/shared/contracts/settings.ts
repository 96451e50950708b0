/**
 * Governance settings as the admin API answers them (`/master-data/settings...`, permissions
 * `settings.read` / `settings.manage`), and the catalogues the settings pages offer. The document has
 * the shape of the plugin's `config` in config/plugins.ts (server/src/config/schema.ts validates both;
 * tests/unit/admin/settings-catalogue.test.ts keeps the catalogues here equal to the server's).
 */
import type { ChangeRequestAction } from './approvals';
import type { GovernedFieldRule } from './governance';
import type { Decision, MatchCandidate } from './matching';

/** The standardisation and validation rules of the catalogue (server/src/validation/domain/rules.ts). */
export const RULE_TYPES = ['name', 'text', 'email', 'phone', 'taxId', 'country', 'currency', 'url', 'iban', 'bic'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

/** Each rule's name in the panel. */
export const RULE_LABELS: Record<RuleType, string> = {
  name: 'Name',
  text: 'Text',
  email: 'Email',
  phone: 'Phone',
  taxId: 'Tax id',
  country: 'Country',
  currency: 'Currency',
  url: 'Web address',
  iban: 'IBAN',
  bic: 'SWIFT / BIC',
};

/** What each rule does, in the words of the README. */
export const RULE_DESCRIPTIONS: Record<RuleType, string> = {
  name: 'Unicode folded, invisible characters removed, whitespace collapsed',
  text: 'as a name',
  email: 'lower-cased and validated',
  phone: 'stored as E.164, read in the record’s country',
  taxId: 'the checksummed company identifier of the record’s country, stored compact',
  country: 'ISO 3166-1 alpha-2',
  currency: 'ISO 4217',
  url: 'https:// added, validated',
  iban: 'checksum; fingerprinted in the audit trail',
  bic: 'SWIFT / BIC code',
};

/** Rules that read the record's country (from `countryField`, by default `country`). */
export const COUNTRY_RULES: readonly RuleType[] = ['phone', 'taxId'];
export const DEFAULT_COUNTRY_FIELD = 'country';

/** A field's rule as the document holds it: GET /governance's rule without its path, its type from the catalogue. */
export type FieldRule = Omit<GovernedFieldRule, 'path' | 'type'> & { type?: RuleType };

export interface CodeSettings {
  field: string;
  prefix: string;
  digits: number;
}

/** The keys a record's attributes may feed (matching.fields). */
export const MATCH_FIELD_KEYS = ['name', 'taxId', 'phone', 'email', 'website', 'city', 'country', 'kind'] as const;
export type MatchFieldKey = (typeof MATCH_FIELD_KEYS)[number];

/** What a block rule compares (matching.blockWhen). */
export const COMPARATORS = ['taxId', 'name', 'city', 'phone', 'email', 'domain', 'country'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** The match keys each comparator reads (a domain comes from the email or the website). */
export const COMPARATOR_KEYS: Record<Comparator, MatchFieldKey[]> = {
  taxId: ['taxId'],
  name: ['name'],
  city: ['city'],
  phone: ['phone'],
  email: ['email'],
  domain: ['email', 'website'],
  country: ['country'],
};

/** The scoring weights and their defaults: the server's DEFAULT_SCORING uses this table. */
export const DEFAULT_WEIGHTS = {
  taxId: 1,
  taxIdDifferent: -1,
  nameExact: 0.6,
  // Word order or another script: the same name, but not the key a decisive rule needs; with the
  // same city and one shared contact still review (0.4 + 0.15 + 0.4), blocking takes two.
  nameEquivalent: 0.4,
  // A similar name in the same city stays below review (0.3 + 0.15): look-alike trade names are
  // common; it takes a shared phone, email or domain as well.
  nameSimilar: 0.3,
  nameMinSimilarity: 0.8,
  city: 0.15,
  cityDifferent: -0.15,
  phone: 0.4,
  email: 0.4,
  domain: 0.25,
  contactCap: 0.5,
  countryDifferent: -0.3,
  // A person's exact name in the same city stays below review (0.6 × 0.5 + 0.15); with a shared
  // phone or email it is review; blocking takes an identifier and more.
  personName: 0.5,
  personContactDifferent: -0.15,
} as const;
export type WeightKey = keyof typeof DEFAULT_WEIGHTS;

export const WEIGHT_LABELS: Record<WeightKey, string> = {
  taxId: 'Same tax id',
  taxIdDifferent: 'Different tax ids',
  nameExact: 'Same name key',
  nameEquivalent: 'Same name written another way',
  nameSimilar: 'Similar name (at most)',
  nameMinSimilarity: 'Similarity a similar name needs',
  city: 'Same city',
  cityDifferent: 'Another city',
  phone: 'Same phone',
  email: 'Same email',
  domain: 'Same company domain',
  contactCap: 'Phone, email and domain together at most',
  countryDifferent: 'Another country',
  personName: 'Factor on a person’s name',
  personContactDifferent: 'Persons with contacts of their own, none shared',
};

export const DEFAULT_THRESHOLDS = { block: 1, review: 0.5 } as const;
export const DEFAULT_BLOCK_WHEN: Comparator[][] = [['taxId'], ['name', 'city']];
export const DEFAULT_PERSON_VALUES = ['person', 'individual', 'natural person'];
export const DEFAULT_MATCH_LIMIT = 10;

export interface MatchingSettings {
  enabled: boolean;
  fields: Partial<Record<MatchFieldKey, string>>;
  personValues: string[];
  thresholds: { block: number; review: number };
  weights: Partial<Record<WeightKey, number>>;
  blockWhen: Comparator[][];
  vocabulary: { legalForms: string[]; regions: string[]; freeMailDomains: string[] };
  limit: number;
  merged?: { field: string; value: string; pointer: string; move: string[] };
}

/** The actions a policy may hold for approval (server/src/approvals/domain/policy.ts). */
export const POLICY_ACTIONS: readonly ChangeRequestAction[] = ['create', 'publish', 'update', 'delete', 'unpublish'];
export const CONDITION_OPS = ['changed', 'raised', 'lowered', 'gte', 'gt', 'lte', 'lt', 'eq', 'ne', 'in', 'set', 'cleared'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];
/** Conditions that compare with no value of their own. */
export const VALUELESS_OPS: readonly ConditionOp[] = ['changed', 'raised', 'lowered', 'set', 'cleared'];

export type ConditionValue = number | string | boolean | (number | string)[];

export interface PolicyCondition {
  field: string;
  op: ConditionOp;
  value?: ConditionValue;
}

export interface ApprovalStepSettings {
  name: string;
  roles: string[];
  approvals: number;
}

export interface ApprovalPolicySettings {
  name: string;
  fields: string[];
  actions: ChangeRequestAction[];
  when: PolicyCondition[];
  steps: ApprovalStepSettings[];
}

export interface ApprovalsSettings {
  enabled: boolean;
  policies: ApprovalPolicySettings[];
}

export interface GovernedTypeSettings {
  code?: CodeSettings;
  fields: Record<string, FieldRule>;
  audit: { sensitive: string[] };
  matching?: MatchingSettings;
  approvals?: ApprovalsSettings;
  bounds?: Record<string, unknown>;
}

/** The whole document (keys the pages do not edit, such as webhooks and bounds, are kept as they are). */
export interface SettingsDocument {
  enabled: boolean;
  governed: Record<string, GovernedTypeSettings>;
  audit?: Record<string, unknown>;
  webhooks?: Record<string, unknown>;
  [key: string]: unknown;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** Background work after a save (match keys rebuilt for a type), with its progress. */
export interface SettingsJob {
  id: number;
  kind: string;
  /** The content type uid the job works on. */
  scope: string;
  status: JobStatus;
  done: number;
  total: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface SettingsMeta {
  /** The saved version in force; 0: the file's configuration. */
  version: number;
  source: 'file' | 'saved';
  savedAt: string | null;
  savedBy: string | null;
  /** Dotted keys the deployment owns: a document's values for them are ignored (shown read-only). */
  environmentKeys: string[];
  /** The newest saved version could not be applied (no longer fits the content types). */
  problem: { version: number; message: string } | null;
  jobs: SettingsJob[];
}

/** GET /master-data/settings, and the answer to PUT and to a restore. */
export interface SettingsResponse {
  data: SettingsDocument;
  meta: SettingsMeta;
}

export interface SaveSettingsRequest {
  data: SettingsDocument;
  reason?: string;
  /** The version the editor loaded: another save since is a 409 SettingsConflictError. */
  baseVersion?: number;
}

/** Leaf by leaf: `{ 'governed.api::customer.customer.matching.thresholds.block': { before: 1, after: 0.95 } }`. */
export type SettingsChanges = Record<string, { before: unknown; after: unknown }>;

/** POST /master-data/settings/check: the document as it would be saved, and what would change. */
export interface CheckSettingsResponse {
  data: SettingsDocument;
  meta: { changes: SettingsChanges };
}

export interface SettingsVersion {
  id: number;
  reason: string | null;
  actor: { kind: string; id: string | null; name: string };
  restoredFrom: number | null;
  createdAt: string;
}

export interface ListSettingsVersionsResponse {
  data: SettingsVersion[];
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } };
}

export interface SettingsVersionResponse {
  data: SettingsVersion & { document: SettingsDocument; changes: SettingsChanges };
}

/** POST /master-data/settings/try-match. */
export interface TryMatchRequest {
  /** Edited settings not saved yet; absent: the settings in force. */
  data?: SettingsDocument;
  uid: string;
  record: Record<string, string>;
  limit?: number;
}

export interface TryMatchResponse {
  data: MatchCandidate[];
  records: Record<string, { documentId: string; code?: unknown; name?: unknown; [field: string]: unknown }>;
  meta: {
    uid: string;
    decision: Decision;
    keys: Record<string, unknown>;
    thresholds: { block: number; review: number };
    took: number;
    /** Values a write would refuse, left out of the search. */
    ignored: { path: string[]; message: string }[];
    /** Set when stored records still carry the keys of the settings in force. */
    note: string | null;
  };
}
