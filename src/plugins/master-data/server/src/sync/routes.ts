/**
 * Content API routes of sync, one set per configured system, each bound to that system's
 * controller (`sync-<system>`): Strapi derives the permissions from the controller's actions, so
 * API tokens and users-permissions roles show `master-data › sync-sap › upsert | batch | findOne`
 * and a token allowed for one system is refused (403) on another's routes.
 */
import { errors } from '@strapi/utils';

/**
 * Any other system: 404 naming the configured ones, whatever the method (without these routes
 * Strapi answers a PUT or POST to an unknown path with 405). A function handler, without auth: no
 * controller action, so no permission to grant; registered after the systems' routes, which take
 * precedence.
 */
const unknownSystem = (systems: string[]) => (ctx: any) => {
  throw new errors.NotFoundError(`No system "${ctx.params.system}" syncs here (configured: ${systems.join(', ') || 'none'})`, { system: ctx.params.system });
};

export const syncContentApiRoutes = (systems: string[]) => [
  ...systems.flatMap((system) => [
    { method: 'PUT', path: `/sync/${system}/:externalId`, handler: `sync-${system}.upsert` },
    { method: 'POST', path: `/sync/${system}`, handler: `sync-${system}.batch` },
    { method: 'GET', path: `/sync/${system}/:externalId`, handler: `sync-${system}.findOne` },
  ]),
  ...(['PUT', 'GET'] as const).map((method) => ({ method, path: '/sync/:system/:externalId', handler: unknownSystem(systems), config: { auth: false } })),
  { method: 'POST', path: '/sync/:system', handler: unknownSystem(systems), config: { auth: false } },
];
