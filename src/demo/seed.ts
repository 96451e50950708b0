/**
 * Fills a development database with the demo customers, groups and admin users, a few
 * near-duplicates for the Duplicates queue and a few changes waiting for approval. Idempotent: each
 * demo customer carries a `DEMO` external id and is created only when it is missing; a change is
 * proposed only for a record that has never had a request from the steward. Every customer goes
 * through the document service, and every change through the admin panel's own route, so the
 * governed-write pipeline validates, matches and holds them as it would anyone's.
 */
import type { Core } from '@strapi/strapi';
import type { AddressInfo } from 'node:net';
import { demoCustomers, GROUPS, nearDuplicates, pendingChanges, type DemoCustomer } from './generator';
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

/** Creates the demo customers that are missing (by their DEMO external id); returns how many. */
const createMissing = async (strapi: Core.Strapi, customers: DemoCustomer[], groups: Record<string, string>) => {
  const present = await strapi.db.connection('components_customer_external_ids').where({ system: 'DEMO' }).pluck('external_id');
  const existing = new Set(present);
  let created = 0;
  for (const customer of customers) {
    if (existing.has(customer.demoId)) continue;
    const data = {
      ...customer.data,
      group: groups[customer.group],
      externalIds: [...((customer.data.externalIds as object[] | undefined) ?? []), { system: 'DEMO', externalId: customer.demoId }],
    };
    await strapi.documents(CUSTOMER).create({ data: data as any, status: customer.publish ? 'published' : 'draft' });
    created += 1;
  }
  return created;
};

const seedCustomers = async (strapi: Core.Strapi, groups: Record<string, string>) => {
  const all = demoCustomers();
  const created = await createMissing(strapi, all, groups);
  return { created, total: all.length };
};

/** Near-duplicates of demo customers: the duplicate check queues each pair for review (never a block). */
const seedNearDuplicates = async (strapi: Core.Strapi, groups: Record<string, string>) => {
  const variants = nearDuplicates(demoCustomers());
  try {
    return await createMissing(strapi, variants, groups);
  } catch (error: any) {
    // A block here means the matching rules changed: the demo's examples must be reviewable.
    throw new Error(`a demo near-duplicate was refused (${error?.message}); it should go to the review queue`);
  }
};

const DEMO_STEWARD = DEMO_ADMINS.find((a) => a.roleCode === 'data-steward')!;

/**
 * Runs `fn` with the base URL of this Strapi's HTTP server: the one it listens on, or a loopback
 * port opened for the seed (scripts/seed.js loads Strapi without serving; destroy closes it).
 */
const withHttp = async <T>(strapi: Core.Strapi, fn: (base: string) => Promise<T>): Promise<T> => {
  const server = strapi.server.httpServer;
  if (!server.listening) {
    // Mounts the routes unless a caller already has (tests mount without listening).
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      strapi.server.listen(0, '127.0.0.1', () => resolve());
    });
  }
  return fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
};

/**
 * Changes the steward proposes to published customers, through the admin panel's "Submit for
 * approval" (save and publish) route with a reason: each becomes a pending change request (202),
 * made by the steward, as in the admin panel. Skipped when approvals are off.
 */
const seedChangeRequests = async (strapi: Core.Strapi) => {
  const governed = (strapi.plugin('master-data')?.service('governance') as any)?.load().governed.get(CUSTOMER);
  if (!governed?.approvals?.enabled || !(governed.approvals.policies?.length > 0)) return 0;
  const plans = pendingChanges(demoCustomers());
  return withHttp(strapi, async (base) => {
    const login = await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: DEMO_STEWARD.email, password: DEMO_PASSWORD }) });
    if (login.status !== 200) throw new Error(`the demo steward could not log in: ${login.status}`);
    const auth = { Authorization: `Bearer ${((await login.json()) as any).data.token}` };
    let created = 0;
    for (const plan of plans) {
      const record = await strapi.documents(CUSTOMER).findFirst({ filters: { externalIds: { system: 'DEMO', externalId: plan.demoId } } as any });
      if (!record) continue;
      const { documentId } = record;
      const query = new URLSearchParams({ uid: CUSTOMER, documentId, pageSize: '100' });
      const existing = await fetch(`${base}/master-data/change-requests?${query}`, { headers: auth });
      if (existing.status !== 200) throw new Error(`change requests could not be listed: ${existing.status}`);
      const requests = ((await existing.json()) as any).data as Array<{ maker: { kind: string; name: string } }>;
      if (requests.some((r) => r.maker.kind === 'admin' && r.maker.name.includes(DEMO_STEWARD.email))) continue;
      const res = await fetch(`${base}/content-manager/collection-types/${CUSTOMER}/${documentId}/actions/publish`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json', 'X-Change-Reason': encodeURIComponent(plan.reason) },
        body: JSON.stringify(plan.data),
      });
      if (res.status !== 202) throw new Error(`the demo change to ${plan.demoId} was not held for approval: ${res.status} ${await res.text()}`);
      created += 1;
    }
    return created;
  });
};

export const seed = async (strapi: Core.Strapi) => {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The demo seed refuses to run with NODE_ENV=production.');
  }
  const admins = await seedAdmins(strapi);
  const groups = await seedGroups(strapi);
  const customers = await seedCustomers(strapi, groups);
  const duplicates = await seedNearDuplicates(strapi, groups);
  const changeRequests = await seedChangeRequests(strapi);
  return { admins, groups: Object.keys(groups).length, customers, duplicates, changeRequests };
};
