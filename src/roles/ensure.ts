/**
 * Creates the master data team's admin roles when they are missing. A role that exists is left as
 * it is: a business admin may have tuned its permissions in the admin panel.
 */
import type { Core } from '@strapi/strapi';
import { ROLE_DEFINITIONS, fieldsFor, type RoleDefinition } from './definitions';

const WITH_FIELDS = new Set(['create', 'read', 'update']);

const permissionsOf = (strapi: Core.Strapi, role: RoleDefinition) => {
  const contentTypes = strapi.service('admin::content-type') as any;
  const pluginActions = (role.actions ?? []).map((action) => ({ action, subject: null, properties: {}, conditions: [] }));
  return pluginActions.concat(role.grants.flatMap((grant) => {
    const allFields: string[] = contentTypes.getNestedFields(strapi.contentTypes[grant.subject as keyof typeof strapi.contentTypes], {
      components: strapi.components,
    });
    return grant.actions.map((action) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: grant.subject,
      properties: WITH_FIELDS.has(action) ? { fields: fieldsFor(grant, action, allFields) } : {},
      conditions: [],
    }));
  }) as any[]);
};

/** PostgreSQL advisory lock key: instances starting together create each role once. */
const ROLES_LOCK = 0x6d64_726c; // "mdrl"

/** Ensures every role exists (in one transaction); returns the roles by code. */
export const ensureAdminRoles = async (strapi: Core.Strapi): Promise<Record<string, { id: number }>> =>
  strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?)', [ROLES_LOCK]);
    const roles = strapi.service('admin::role') as any;
    const byCode: Record<string, { id: number }> = {};
    for (const definition of ROLE_DEFINITIONS) {
      let role = await roles.findOne({ code: definition.code });
      if (!role) {
        role = await roles.create({ name: definition.name, code: definition.code, description: definition.description });
        await roles.assignPermissions(role.id, permissionsOf(strapi, definition));
      }
      byCode[definition.code] = role;
    }
    return byCode;
  });
