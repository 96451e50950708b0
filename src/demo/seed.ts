/**
 * Fills a development database with the demo customers, groups and admin users. Idempotent: each
 * demo customer carries a `DEMO` external id and is created only when it is missing. Every
 * customer goes through the document service, so the governed-write pipeline validates it.
 */
import type { Core } from '@strapi/strapi';
import { demoCustomers, GROUPS } from './generator';
import { DEMO_ADMINS, DEMO_PASSWORD } from './users';
import { ensureAdminRoles } from '../roles/ensure';

const CUSTOMER = 'api::customer.customer';
const GROUP = 'api::customer-group.customer-group';

const seedGroups = async (strapi: Core.Strapi) => {
  const ids: Record<string, string> = {};
  for (const group of GROUPS) {
    const existing = await strapi.documents(GROUP).findFirst({ filters: { code: group.code } });
    const doc =
      existing ??
      (await strapi.documents(GROUP).create({
        data: { name: group.name, code: group.code, ...(group.parent ? { parent: ids[group.parent] } : {}) } as any,
      }));
    ids[group.code] = doc.documentId;
  }
  return ids;
};

const seedAdmins = async (strapi: Core.Strapi) => {
  await ensureAdminRoles(strapi);
  const roles = strapi.service('admin::role') as any;
  const users = strapi.service('admin::user') as any;
  let created = 0;
  for (const admin of DEMO_ADMINS) {
    if (await users.exists({ email: admin.email })) continue;
    const role = await roles.findOne({ code: admin.roleCode });
    await users.create({
      email: admin.email,
      firstname: admin.firstname,
      lastname: admin.lastname,
      password: DEMO_PASSWORD,
      isActive: true,
      roles: [role.id],
    });
    created += 1;
  }
  return created;
};

const seedCustomers = async (strapi: Core.Strapi, groups: Record<string, string>) => {
  const all = demoCustomers();
  const present = await strapi.db.connection('components_customer_external_ids').where({ system: 'DEMO' }).pluck('external_id');
  const existing = new Set(present);
  let created = 0;
  for (const customer of all) {
    if (existing.has(customer.demoId)) continue;
    const data = {
      ...customer.data,
      group: groups[customer.group],
      externalIds: [...(customer.data.externalIds as object[]), { system: 'DEMO', externalId: customer.demoId }],
    };
    await strapi.documents(CUSTOMER).create({ data: data as any, status: customer.publish ? 'published' : 'draft' });
    created += 1;
  }
  return { created, total: all.length };
};

export const seed = async (strapi: Core.Strapi) => {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The demo seed refuses to run with NODE_ENV=production.');
  }
  const admins = await seedAdmins(strapi);
  const groups = await seedGroups(strapi);
  const customers = await seedCustomers(strapi, groups);
  return { admins, groups: Object.keys(groups).length, customers };
};
