/**
 * Editing the settings document in the admin panel: every function takes a document and returns a
 * new one (the input is never changed), so the pages can keep the loaded document beside the edited
 * one. Empty inputs are dropped rather than saved (an empty pattern, no allowed values), since the
 * server refuses them. Pure.
 */
import {
  COMPARATOR_KEYS,
  COUNTRY_RULES,
  DEFAULT_BLOCK_WHEN,
  DEFAULT_MATCH_LIMIT,
  DEFAULT_PERSON_VALUES,
  DEFAULT_THRESHOLDS,
  MATCH_FIELD_KEYS,
  type ApprovalPolicySettings,
  type ApprovalsSettings,
  type CodeSettings,
  type Comparator,
  type FieldRule,
  type GovernedTypeSettings,
  type MatchingSettings,
  type SettingsDocument,
} from '../../../shared/contracts/settings';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The governed content type uids of a document, in its order. */
export const governedUids = (document: SettingsDocument): string[] => Object.keys(document.governed ?? {});

/** A type's settings, or undefined when the document does not govern it. */
export const typeSettings = (document: SettingsDocument, uid: string): GovernedTypeSettings | undefined => document.governed?.[uid];

/** Changes one governed type (`edit` gets a copy it may change); a type not governed is left alone. */
export const editType = (document: SettingsDocument, uid: string, edit: (type: GovernedTypeSettings) => void): SettingsDocument => {
  if (!document.governed?.[uid]) return document;
  const next = copy(document);
  edit(next.governed[uid]);
  return next;
};

/** Starts governing a content type: no rules yet, audited as any governed type. */
export const governType = (document: SettingsDocument, uid: string): SettingsDocument => {
  if (document.governed?.[uid]) return document;
  const next = copy(document);
  next.governed = { ...(next.governed ?? {}), [uid]: { fields: {}, audit: { sensitive: [] } } };
  return next;
};

/** Stops governing a content type: its rules, matching and policies go with it. */
export const stopGoverning = (document: SettingsDocument, uid: string): SettingsDocument => {
  if (!document.governed?.[uid]) return document;
  const next = copy(document);
  delete next.governed[uid];
  return next;
};

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/**
 * A rule without its empty parts: no blank pattern, no empty list of allowed values, no `false`
 * flags; a country field only for rules that read one; a sample and message only with a pattern.
 * Undefined when nothing is left (the field is then not governed).
 */
export const cleanRule = (rule: FieldRule): FieldRule | undefined => {
  const out: FieldRule = {};
  if (rule.type) out.type = rule.type;
  if (rule.type && COUNTRY_RULES.includes(rule.type) && !blank(rule.countryField)) out.countryField = rule.countryField!.trim();
  if (rule.required) out.required = true;
  const allowed = [...new Set((rule.allowed ?? []).map((value) => value.trim()).filter(Boolean))];
  if (allowed.length) out.allowed = allowed;
  if (!blank(rule.pattern)) {
    out.pattern = rule.pattern;
    if (!blank(rule.patternMessage)) out.patternMessage = rule.patternMessage!.trim();
    // Without a sample the server says one is needed: the pattern is tried before it is accepted.
    if (!blank(rule.sample)) out.sample = rule.sample;
  }
  if (rule.sensitive) out.sensitive = true;
  return Object.keys(out).length ? out : undefined;
};

/** Sets a field's rule (`undefined` or an empty rule: the field is no longer governed). */
export const setFieldRule = (document: SettingsDocument, uid: string, path: string, rule: FieldRule | undefined): SettingsDocument =>
  editType(document, uid, (type) => {
    const cleaned = rule ? cleanRule(rule) : undefined;
    type.fields = { ...(type.fields ?? {}) };
    if (cleaned) type.fields[path] = cleaned;
    else delete type.fields[path];
  });

/** Whether a field's values are fingerprinted in the trail: by its rule, or listed in `audit.sensitive`. */
export const isSensitive = (type: GovernedTypeSettings | undefined, path: string) => Boolean(type?.fields?.[path]?.sensitive || type?.audit?.sensitive?.includes(path));

/** Marks a field sensitive (on its rule) or not (on its rule and in `audit.sensitive`). */
export const setSensitive = (document: SettingsDocument, uid: string, path: string, sensitive: boolean): SettingsDocument =>
  editType(document, uid, (type) => {
    const rule = cleanRule({ ...(type.fields?.[path] ?? {}), sensitive });
    type.fields = { ...(type.fields ?? {}) };
    if (rule) type.fields[path] = rule;
    else delete type.fields[path];
    if (!sensitive) type.audit = { ...(type.audit ?? {}), sensitive: (type.audit?.sensitive ?? []).filter((p) => p !== path) };
  });

/** The generated code (`undefined`: none). */
export const setCode = (document: SettingsDocument, uid: string, code: CodeSettings | undefined): SettingsDocument =>
  editType(document, uid, (type) => {
    if (code) type.code = { field: code.field, prefix: code.prefix ?? '', digits: code.digits };
    else delete type.code;
  });

/** A code of a type that has none: the attribute named `code` if there is one, `<first letter>-` and six digits. */
export const suggestCode = (displayName: string, textAttributes: string[]): CodeSettings => ({
  field: textAttributes.includes('code') ? 'code' : (textAttributes[0] ?? ''),
  prefix: `${(displayName.trim()[0] ?? 'X').toUpperCase()}-`,
  digits: 6,
});

/** For each match key, the type's text attribute of the same name (case aside), if any; `kind` reads a `…Type` enumeration. */
export const suggestMatchFields = (textAttributes: string[]): MatchingSettings['fields'] => {
  const fields: MatchingSettings['fields'] = {};
  for (const key of MATCH_FIELD_KEYS) {
    const found = key === 'kind' ? textAttributes.find((name) => /type$/i.test(name)) : textAttributes.find((name) => name.toLowerCase() === key.toLowerCase());
    if (found) fields[key] = found;
  }
  return fields;
};

/** Matching with every default, reading the attributes of the same name. */
export const defaultMatching = (textAttributes: string[]): MatchingSettings => ({
  enabled: true,
  fields: suggestMatchFields(textAttributes),
  personValues: [...DEFAULT_PERSON_VALUES],
  thresholds: { ...DEFAULT_THRESHOLDS },
  weights: {},
  blockWhen: DEFAULT_BLOCK_WHEN.map((rule) => [...rule]),
  vocabulary: { legalForms: [], regions: [], freeMailDomains: [] },
  limit: DEFAULT_MATCH_LIMIT,
});

/** Switches duplicate matching on (with defaults when the type had none) or off (its settings kept). */
export const setMatchingEnabled = (document: SettingsDocument, uid: string, enabled: boolean, textAttributes: string[]): SettingsDocument =>
  editType(document, uid, (type) => {
    if (type.matching) type.matching.enabled = enabled;
    else if (enabled) type.matching = defaultMatching(textAttributes);
  });

/** Changes a type's matching settings (it must have some). */
export const editMatching = (document: SettingsDocument, uid: string, edit: (matching: MatchingSettings) => void): SettingsDocument =>
  editType(document, uid, (type) => {
    if (type.matching) edit(type.matching);
  });

/** Which attribute feeds a match key (`''`: none). */
export const setMatchField = (document: SettingsDocument, uid: string, key: keyof MatchingSettings['fields'], attribute: string): SettingsDocument =>
  editMatching(document, uid, (matching) => {
    matching.fields = { ...matching.fields };
    if (attribute) matching.fields[key] = attribute;
    else delete matching.fields[key];
  });

/** A weight (`undefined`: its default). */
export const setWeight = (document: SettingsDocument, uid: string, key: keyof MatchingSettings['weights'], value: number | undefined): SettingsDocument =>
  editMatching(document, uid, (matching) => {
    matching.weights = { ...matching.weights };
    if (value === undefined || Number.isNaN(value)) delete matching.weights[key];
    else matching.weights[key] = value;
  });

/** Approvals with no policy yet. */
export const EMPTY_APPROVALS: ApprovalsSettings = { enabled: true, policies: [] };

/** Changes a type's approvals (created, enabled and empty, when it had none). */
export const editApprovals = (document: SettingsDocument, uid: string, edit: (approvals: ApprovalsSettings) => void): SettingsDocument =>
  editType(document, uid, (type) => {
    type.approvals = type.approvals ?? copy(EMPTY_APPROVALS);
    edit(type.approvals);
  });

/** A new policy: any update of the golden record, one approval by an Approver; its name not used yet. */
export const newPolicy = (existing: ApprovalPolicySettings[]): ApprovalPolicySettings => {
  let n = existing.length + 1;
  while (existing.some((policy) => policy.name === `policy-${n}`)) n += 1;
  return { name: `policy-${n}`, fields: [], actions: ['update'], when: [], steps: [{ name: 'Approval', roles: [], approvals: 1 }] };
};

/** Lines of a text box as a list: trimmed, blank lines and repeats dropped. */
export const parseLines = (text: string): string[] => [
  ...new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  ),
];

/** Comma-separated text as a list: trimmed, blanks and repeats dropped. */
export const parseList = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ),
];

/** A policy name as the server wants it: lower-case letters, digits and dashes. */
export const policyName = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64);

/** JSON with the keys of every object sorted: two documents that differ only in key order read the same. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
};

/** Whether two documents hold the same settings (the edited one has unsaved changes otherwise). */
export const sameDocument = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The comparators of a block rule that no attribute feeds: such a rule never fires. */
export const uncomparedIn = (rule: Comparator[], fields: MatchingSettings['fields']): Comparator[] =>
  rule.filter((comparator) => !COMPARATOR_KEYS[comparator].some((key) => fields[key]));

/** Options of a multi select: the values offered, then any value chosen before that is no longer offered (so it can be removed). */
export const asOptions = (offered: readonly string[], chosen: readonly string[]): { value: string; label: string }[] =>
  [...new Set([...offered, ...chosen])].map((value) => ({ value, label: value }));
