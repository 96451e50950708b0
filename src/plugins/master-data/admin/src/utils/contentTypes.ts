/**
 * The content types and components as the Content Manager's admin API lists them
 * (`GET /content-manager/content-types`, `GET /content-manager/components`), and what the settings
 * pages offer from them: the types that can be governed, the fields a rule can apply to (text
 * attributes, and text attributes of components as `component.field`), the attributes a policy can
 * name. Pure.
 */

export interface AttributeInfo {
  type: string;
  component?: string;
  repeatable?: boolean;
  enum?: string[];
  target?: string;
  required?: boolean;
  private?: boolean;
  [key: string]: unknown;
}

export interface ContentTypeInfo {
  uid: string;
  kind: 'collectionType' | 'singleType';
  isDisplayed: boolean;
  info: { displayName: string; description?: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, AttributeInfo>;
}

export interface ComponentInfo {
  uid: string;
  info: { displayName: string };
  attributes: Record<string, AttributeInfo>;
}

/** Attribute types a field rule or a match key can read (server/src/governance/registry.ts TEXT_TYPES). */
export const TEXT_ATTRIBUTE_TYPES: ReadonlySet<string> = new Set(['string', 'text', 'email', 'uid', 'enumeration']);

/** Attributes Strapi manages itself: never a rule's, a key's or a policy's. */
const SYSTEM_ATTRIBUTES: ReadonlySet<string> = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

/** Collection types an admin may govern: those the Content Manager shows, other than the admin panel's own. */
export const governableTypes = (contentTypes: ContentTypeInfo[]): ContentTypeInfo[] =>
  contentTypes
    .filter((type) => type.kind === 'collectionType' && type.isDisplayed && /^(api|plugin)::/.test(type.uid))
    .sort((a, b) => a.info.displayName.localeCompare(b.info.displayName));

/** The attributes of a type other than Strapi's own, in schema order. */
export const ownAttributes = (type: ContentTypeInfo | undefined): [string, AttributeInfo][] =>
  Object.entries(type?.attributes ?? {}).filter(([name]) => !SYSTEM_ATTRIBUTES.has(name));

/** The type's text attributes (what a rule, a code or a match key may name). */
export const textAttributes = (type: ContentTypeInfo | undefined): string[] =>
  ownAttributes(type)
    .filter(([, attribute]) => TEXT_ATTRIBUTE_TYPES.has(attribute.type))
    .map(([name]) => name);

export interface RuleField {
  /** `taxId`, or `contacts.phone` for a component's attribute. */
  path: string;
  attributeType: string;
  /** The component's display name, for a component's attribute. */
  component?: string;
  enum?: string[];
}

/** Every field a rule may apply to: text attributes, then the text attributes of each component attribute. */
export const ruleFields = (type: ContentTypeInfo | undefined, components: ComponentInfo[]): RuleField[] => {
  const fields: RuleField[] = [];
  const nested: RuleField[] = [];
  for (const [name, attribute] of ownAttributes(type)) {
    if (TEXT_ATTRIBUTE_TYPES.has(attribute.type)) fields.push({ path: name, attributeType: attribute.type, enum: attribute.enum });
    if (attribute.type === 'component' && attribute.component) {
      const component = components.find((c) => c.uid === attribute.component);
      for (const [child, childAttribute] of Object.entries(component?.attributes ?? {})) {
        if (TEXT_ATTRIBUTE_TYPES.has(childAttribute.type) && !SYSTEM_ATTRIBUTES.has(child)) {
          nested.push({ path: `${name}.${child}`, attributeType: childAttribute.type, component: component!.info.displayName, enum: childAttribute.enum });
        }
      }
    }
  }
  return [...fields, ...nested];
};

/** The rule fields, plus any field the settings govern that the type no longer lists (so it can be removed). */
export const ruleFieldsWithGoverned = (fields: RuleField[], governed: string[]): RuleField[] => [
  ...fields,
  ...governed.filter((path) => !fields.some((field) => field.path === path)).map((path) => ({ path, attributeType: 'missing' })),
];

/** Attributes a condition may compare: single values (no components, relations, media, JSON). */
export const conditionAttributes = (type: ContentTypeInfo | undefined): [string, AttributeInfo][] =>
  ownAttributes(type).filter(([, attribute]) => !['component', 'dynamiczone', 'relation', 'media', 'json'].includes(attribute.type));

/** Whether an attribute holds a number (conditions compare it as one). */
export const isNumeric = (attribute: AttributeInfo | undefined) => ['integer', 'biginteger', 'float', 'decimal'].includes(attribute?.type ?? '');

/** The display names by uid (for diffs and job progress). */
export const typeNames = (contentTypes: ContentTypeInfo[]): Record<string, string> => Object.fromEntries(contentTypes.map((type) => [type.uid, type.info.displayName]));
