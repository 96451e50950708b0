/**
 * What an endpoint can subscribe to and be sent, from the governed content types: the event types
 * (`customer.updated`, `changeRequest.approved` ...), the attributes of each type, which of them are
 * sensitive (configured `audit.sensitive` paths, fields validated as IBAN, private and password
 * attributes), and the attribute holding external ids.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../governance/services';
import { DOCUMENT_CHANGES, EVENT_TYPES, documentEventType } from '../../../shared/contracts/events';
import { WEBHOOK_EVENT_GROUPS } from '../../../shared/contracts/webhooks';

export interface TypeCatalogue {
  uid: string;
  displayName: string;
  singularName: string;
  fields: Array<{ name: string; sensitive: boolean }>;
  sensitive: string[];
  /** The repeatable component with `system` and `externalId` attributes, if the type has one. */
  externalIds: string | null;
  /** The attribute holding the generated code. */
  code: string | null;
}

const SKIP = new Set(['id', 'documentId', 'createdBy', 'updatedBy', 'localizations']);

export const catalogue = (strapi: Core.Strapi) => {
  const cache = new Map<string, TypeCatalogue>();
  const governed = () => getService('governance', strapi).load().governed;

  let cacheOf: unknown;
  const describe = (uid: string): TypeCatalogue | null => {
    const now = getService('governance', strapi).load();
    if (cacheOf !== now) {
      cache.clear();
      cacheOf = now;
    }
    const known = cache.get(uid);
    if (known) return known;
    const config = governed().get(uid);
    const model: any = (strapi.contentTypes as any)[uid];
    if (!config || !model) return null;
    const sensitive = [
      ...config.audit.sensitive,
      ...Object.entries(config.fields)
        .filter(([, rule]) => rule.type === 'iban' || rule.sensitive)
        .map(([path]) => path),
    ];
    let externalIds: string | null = null;
    for (const [name, attribute] of Object.entries<any>(model.attributes)) {
      // Strapi's own `locale` is private (hidden from the content API), not a secret: it is sent.
      if ((attribute.private && name !== 'locale') || attribute.type === 'password') sensitive.push(name);
      if (attribute.type === 'component') {
        const inner = (strapi.components as any)[attribute.component]?.attributes ?? {};
        for (const [child, childAttribute] of Object.entries<any>(inner)) {
          if (childAttribute.private || childAttribute.type === 'password') sensitive.push(`${name}.${child}`);
        }
        if (!externalIds && attribute.repeatable && inner.system && inner.externalId) externalIds = name;
      }
    }
    const fields = Object.keys(model.attributes)
      .filter((name) => !SKIP.has(name))
      .map((name) => ({ name, sensitive: sensitive.some((path) => path === name || path.startsWith(`${name}.`)) }));
    const described: TypeCatalogue = {
      uid,
      displayName: model.info.displayName,
      singularName: model.info.singularName,
      fields,
      sensitive: [...new Set(sensitive)],
      externalIds,
      code: config.code?.field ?? null,
    };
    cache.set(uid, described);
    return described;
  };

  return {
    describe,
    types: () => [...governed().keys()].map((uid) => describe(uid)!).filter(Boolean),
    /** Every event type an endpoint may subscribe to. */
    eventTypes(): string[] {
      const types: string[] = [];
      for (const uid of governed().keys()) {
        const singular = describe(uid)?.singularName;
        if (!singular) continue;
        for (const change of WEBHOOK_EVENT_GROUPS.document) types.push(documentEventType(singular, change as (typeof DOCUMENT_CHANGES)[keyof typeof DOCUMENT_CHANGES]));
      }
      for (const change of WEBHOOK_EVENT_GROUPS.changeRequest) types.push(`changeRequest.${change}`);
      types.push(EVENT_TYPES.duplicateOverridden);
      return types;
    },
  };
};

export type Catalogue = ReturnType<typeof catalogue>;
