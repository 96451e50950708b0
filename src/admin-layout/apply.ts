/**
 * Lays the declared Content Manager layouts (./declarations.ts) over the configuration stored in the
 * database, at start-up, after the Content Manager has synced its configurations. Reads and writes
 * through the Content Manager's own configuration services (what its "Configure the view" page
 * uses); remembers what it applied in the core store, so that an admin's later change is never undone.
 */
import type { Core } from '@strapi/strapi';
import { LAYOUTS } from './declarations';
import { planLayout, type Applied, type LayoutDeclaration, type ModelConfiguration } from './plan';

type Attribute = { type: string; relation?: string; relationType?: string; target?: string; targetModel?: string; config?: unknown };
type CmModel = { uid: string; attributes: Record<string, Attribute> };

/** The Content Manager's rules for its defaults (content-manager/server/services/utils/configuration). */
const NON_LISTABLE = new Set(['json', 'password', 'richtext', 'dynamiczone', 'blocks']);
const LISTABLE_RELATIONS = new Set(['oneToOne', 'oneToMany', 'manyToOne', 'manyToMany']);
const DEFAULT_LIST_LENGTH = 4;

const firstStringAttribute = (model: CmModel | undefined) =>
  Object.keys(model?.attributes ?? {}).find((name) => model!.attributes[name].type === 'string' && name !== 'id') ?? 'id';

const isListable = (attribute: Attribute) =>
  !NON_LISTABLE.has(attribute.type) && (attribute.type !== 'relation' || LISTABLE_RELATIONS.has(String(attribute.relationType ?? attribute.relation)));

const STORE = { type: 'core', name: 'admin-layout' } as const;

export interface LayoutResult {
  uid: string;
  changed: string[];
  kept: string[];
}

/** Applies each declaration; returns what changed and what was left as an admin set it. */
export const applyAdminLayouts = async (strapi: Core.Strapi, layouts: LayoutDeclaration[] = LAYOUTS): Promise<LayoutResult[]> => {
  const contentManager = strapi.plugin('content-manager');
  if (!contentManager) return [];
  const contentTypes = contentManager.service('content-types') as any;
  const components = contentManager.service('components') as any;
  const store = strapi.store(STORE);
  const results: LayoutResult[] = [];
  for (const declaration of layouts) {
    const isComponent = !declaration.uid.includes('::');
    const service = isComponent ? components : contentTypes;
    const model: CmModel | undefined = isComponent ? service.findComponent(declaration.uid) : service.findContentType(declaration.uid);
    if (!model) {
      strapi.log.warn(`[admin-layout] ${declaration.uid} does not exist; its layout is skipped`);
      continue;
    }
    const { uid: _uid, category: _category, ...current } = (await service.findConfiguration(model)) as ModelConfiguration;
    const targetOf = (attribute: Attribute) => {
      const target = attribute.targetModel ?? attribute.target;
      return target ? (contentTypes.findContentType(target) as CmModel | undefined) : undefined;
    };
    const defaultOf = (path: string[]): unknown => {
      const [section, name, view, key] = path;
      if (section === 'settings') {
        return { mainField: firstStringAttribute(model), defaultSortBy: firstStringAttribute(model), defaultSortOrder: 'ASC', pageSize: 10 }[name];
      }
      if (section === 'layouts' && name === 'list') {
        return Object.keys(model.attributes)
          .filter((attribute) => attribute !== 'documentId' && isListable(model.attributes[attribute]))
          .slice(0, DEFAULT_LIST_LENGTH);
      }
      if (section === 'metadatas') {
        if (key === 'label') return name;
        if (key === 'description' || key === 'placeholder') return '';
        if (key === 'mainField' && view === 'edit') return firstStringAttribute(targetOf(model.attributes[name]));
      }
      return undefined;
    };
    const applied = ((await store.get({ key: declaration.uid })) as Applied | null) ?? {};
    const plan = planLayout({ declaration, current, applied, defaultOf, hasField: (name) => name in model.attributes });
    if (plan.changed.length > 0) {
      const { settings, metadatas, layouts: viewLayouts } = plan.configuration;
      await service.updateConfiguration(model, { settings, metadatas, layouts: viewLayouts });
    }
    if (JSON.stringify(plan.applied) !== JSON.stringify(applied)) await store.set({ key: declaration.uid, value: plan.applied });
    results.push({ uid: declaration.uid, changed: plan.changed, kept: plan.kept });
  }
  return results;
};
