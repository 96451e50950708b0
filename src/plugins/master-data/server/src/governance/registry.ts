/**
 * Checks the governance configuration against the real content types at start-up, so that a typo
 * in `config/plugins.ts` stops Strapi with the offending key instead of silently governing nothing.
 */
import type { Core, Schema } from '@strapi/strapi';
import type { GovernedTypeConfig, MasterDataConfig } from '../config/schema';

const TEXT_TYPES = new Set(['string', 'text', 'email', 'uid', 'enumeration']);

/** A configuration that names something the schemas do not have: `key` is its dotted path. */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly reason: string
  ) {
    super(`Invalid master-data plugin configuration:\nmaster-data.config.${key}: ${reason}`);
    this.name = 'ConfigError';
  }

  /** The key as a path (a content type uid, which has dots, stays one segment). */
  get path(): string[] {
    if (this.key === '(root)') return [];
    const governed = /^governed\.((?:api|plugin)::[\w-]+\.[\w-]+)(?:\.(.*))?$/.exec(this.key);
    if (governed) return ['governed', governed[1], ...(governed[2] ? governed[2].split('.') : [])];
    return this.key.split('.');
  }
}

const fail = (key: string, message: string): never => {
  throw new ConfigError(key, message);
};

type Attributes = Schema.ContentType['attributes'];

const textAttribute = (attributes: Attributes, name: string, key: string, where: string) => {
  const attribute = attributes[name] as { type: string } | undefined;
  if (!attribute) fail(key, `${where} has no attribute "${name}"`);
  else if (!TEXT_TYPES.has(attribute.type)) fail(key, `${where}.${name} is a ${attribute.type}, rules apply to text attributes`);
};

/** The governed content types by uid, after checking every key against the schemas. */
export const resolveGovernance = (strapi: Core.Strapi, config: MasterDataConfig): Map<string, GovernedTypeConfig> => {
  const governed = new Map<string, GovernedTypeConfig>();
  for (const [uid, typeConfig] of Object.entries(config.governed)) {
    const base = `governed.${uid}`;
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as Schema.ContentType | undefined;
    if (!contentType) fail(base, `no content type "${uid}" exists`);
    const attributes = contentType!.attributes;

    if (typeConfig.code) textAttribute(attributes, typeConfig.code.field, `${base}.code.field`, uid);

    for (const [path, rule] of Object.entries(typeConfig.fields)) {
      const key = `${base}.fields.${path}`;
      const [root, child] = path.split('.');
      if (child === undefined) {
        textAttribute(attributes, root, key, uid);
      } else {
        const attribute = attributes[root] as { type: string; component?: string } | undefined;
        if (!attribute || attribute.type !== 'component') {
          fail(key, `${uid}.${root} is not a component attribute`);
        }
        const component = strapi.components[attribute!.component as keyof typeof strapi.components];
        textAttribute(component.attributes as Attributes, child, key, attribute!.component!);
      }
      if (rule.countryField) textAttribute(attributes, rule.countryField, `${key}.countryField`, uid);
    }
    for (const [index, path] of typeConfig.audit.sensitive.entries()) {
      const [root, child] = path.split('.');
      const attribute = attributes[root] as { type: string; component?: string } | undefined;
      const key = `${base}.audit.sensitive.${index}`;
      if (!attribute) fail(key, `${uid} has no attribute "${root}"`);
      if (child !== undefined) {
        if (attribute!.type !== 'component') fail(key, `${uid}.${root} is not a component attribute`);
        const component = strapi.components[attribute!.component as keyof typeof strapi.components];
        if (!(child in component.attributes)) fail(key, `${attribute!.component} has no attribute "${child}"`);
      }
    }
    for (const name of Object.keys(typeConfig.bounds.items)) {
      const listed = attributes[name] as { type: string; repeatable?: boolean } | undefined;
      if (!listed || !((listed.type === 'component' && listed.repeatable) || listed.type === 'dynamiczone')) {
        fail(`${base}.bounds.items.${name}`, `${uid}.${name} is not a repeatable component or dynamic zone`);
      }
    }
    if (typeConfig.matching) {
      for (const [key, field] of Object.entries(typeConfig.matching.fields)) {
        if (field) textAttribute(attributes, field, `${base}.matching.fields.${key}`, uid);
      }
      const merged = typeConfig.matching.merged;
      if (merged) {
        const state = attributes[merged.field] as { type: string; enum?: string[] } | undefined;
        if (!state) fail(`${base}.matching.merged.field`, `${uid} has no attribute "${merged.field}"`);
        if (state!.type === 'enumeration' && !state!.enum!.includes(merged.value)) fail(`${base}.matching.merged.value`, `"${merged.value}" is not a value of ${uid}.${merged.field}`);
        const pointer = attributes[merged.pointer] as { type: string; target?: string } | undefined;
        if (!pointer || pointer.type !== 'relation' || pointer.target !== uid) fail(`${base}.matching.merged.pointer`, `${uid}.${merged.pointer} is not a relation to ${uid}`);
        for (const [index, name] of merged.move.entries()) {
          const moved = attributes[name] as { type: string; repeatable?: boolean } | undefined;
          if (!moved || moved.type !== 'component' || !moved.repeatable) fail(`${base}.matching.merged.move.${index}`, `${uid}.${name} is not a repeatable component`);
        }
      }
    }
    if (typeConfig.approvals) {
      const key = `${base}.approvals`;
      if (typeConfig.approvals.policies.length && !(contentType!.options as any)?.draftAndPublish) {
        fail(`${key}.policies`, `${uid} has no draft & publish: a change waiting for approval needs a draft to wait in`);
      }
      const names = new Set<string>();
      for (const [index, policy] of typeConfig.approvals.policies.entries()) {
        if (names.has(policy.name)) fail(`${key}.policies.${index}.name`, `"${policy.name}" is used by two policies`);
        names.add(policy.name);
        for (const [i, field] of policy.fields.entries()) {
          if (!(field in attributes)) fail(`${key}.policies.${index}.fields.${i}`, `${uid} has no attribute "${field}"`);
        }
        for (const [i, condition] of policy.when.entries()) {
          const attribute = attributes[condition.field] as { type: string } | undefined;
          if (!attribute) fail(`${key}.policies.${index}.when.${i}.field`, `${uid} has no attribute "${condition.field}"`);
          else if (['component', 'dynamiczone', 'relation', 'media', 'json'].includes(attribute.type)) {
            fail(`${key}.policies.${index}.when.${i}.field`, `${uid}.${condition.field} is a ${attribute.type}; conditions compare single values`);
          }
        }
      }
    }
    governed.set(uid, typeConfig);
  }
  return governed;
};
