/**
 * The dependency rules of the master-data plugin, checked in CI (`npm run lint:deps`):
 * - no import cycles;
 * - pure domain code (any `domain/` folder) imports no Strapi, no database and no glue;
 * - governance (the write pipeline and the event stream) imports no capability;
 * - a capability imports governance and shared code only, never another capability.
 * Shared code: governance/, config/, security/, http.ts, services.ts (the typed service lookup),
 * validation/domain/ (the pure field rules) and shared/contracts/.
 */
const SERVER = '^src/plugins/master-data/server/src/';
/**
 * Capabilities, each one or more folders. Duplicate management is one capability in two folders:
 * merging builds on matching's keys, review queue and tables (never the other way round: no cycles).
 */
const CAPABILITIES = { approvals: ['approvals'], audit: ['audit'], codes: ['codes'], duplicates: ['matching', 'merging'], settings: ['settings'], sync: ['sync'], validation: ['validation'], webhooks: ['webhooks'] };
const ALL = Object.values(CAPABILITIES).flat();

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make a capability impossible to understand, test or remove on its own.',
      from: { path: '^src/plugins/master-data/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ code is plain functions over plain data: no Strapi, no knex, no glue of the plugin.',
      from: { path: `${SERVER}[a-z-]+/domain/` },
      to: {
        path: `^(node_modules/(@strapi|knex|pg|better-sqlite3)/|${SERVER.slice(1)})`,
        pathNot: `${SERVER}[a-z-]+/domain/`,
      },
    },
    {
      name: 'governance-knows-no-capability',
      severity: 'error',
      comment: 'Capabilities register their stages and event consumers with governance; governance never imports them.',
      from: { path: `${SERVER}governance/` },
      to: { path: `${SERVER}(${ALL.join('|')})/`, pathNot: `${SERVER}validation/domain/` },
    },
    ...Object.entries(CAPABILITIES).map(([capability, folders]) => ({
      name: `${capability}-imports-no-other-capability`,
      severity: 'error',
      comment: 'Capabilities plug into governance and never import each other; shared helpers live in governance or a shared module.',
      from: { path: `${SERVER}(${folders.join('|')})/` },
      to: {
        path: `${SERVER}(${ALL.filter((f) => !folders.includes(f)).join('|')})/`,
        pathNot: `${SERVER}validation/domain/`,
      },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', '\\.test\\.ts$'] },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
  },
};
