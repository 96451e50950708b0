import type { Core } from '@strapi/strapi';
import { DEMO_ADMINS, DEMO_PASSWORD } from './users';

/** Prints the demo logins that exist in this database (development only). */
export const printDemoLogins = async (strapi: Core.Strapi) => {
  const emails = DEMO_ADMINS.map((a) => a.email);
  const found = await strapi.db.query('admin::user').findMany({ where: { email: { $in: emails } }, select: ['email'] });
  if (found.length === 0) return;
  const present = new Set(found.map((u: { email: string }) => u.email));
  const lines = DEMO_ADMINS.filter((a) => present.has(a.email)).map(
    (a) => `  ${a.roleName.padEnd(13)} ${a.email.padEnd(28)} ${DEMO_PASSWORD}`
  );
  strapi.log.info(`Demo logins (admin panel at ${strapi.config.get('admin.absoluteUrl', 'http://localhost:1337/admin')}):\n${lines.join('\n')}`);
};
