/**
 * A copy of the compiled app with a change a business admin or operator would make: another plugin
 * configuration, or a field added to a content type (what the Content-Type Builder writes). The copy
 * lives under .tmp/apps/ so that it resolves this project's node_modules; the plugin is loaded from
 * this project. Strapi boots from it exactly as from the real app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ROOT } from './database';

export interface VariantOptions {
  /** Replaces the master-data plugin's `config` (the object under `config` in config/plugins.ts). */
  pluginConfig?: (original: Record<string, any>) => Record<string, any>;
  /** Edits the compiled schema.json of a content type, e.g. `{ 'customer': schema => ... }`. */
  schemas?: Record<string, (schema: Record<string, any>) => void>;
  /**
   * Adds collection types, as the Content-Type Builder would: `{ supplier: { displayName, attributes, draftAndPublish? } }`
   * gives `api::supplier.supplier` at `/api/suppliers` with Strapi's core router, controller and service.
   */
  types?: Record<string, { displayName: string; attributes: Record<string, unknown>; draftAndPublish?: boolean }>;
}

export const makeAppVariant = ({ pluginConfig, schemas = {}, types = {} }: VariantOptions): { dir: string; remove(): void } => {
  const dir = path.join(ROOT, '.tmp', 'apps', `variant-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'tsconfig.json']) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'dist'));
  for (const sub of ['config', 'src']) fs.cpSync(path.join(ROOT, 'dist', sub), path.join(dir, 'dist', sub), { recursive: true });

  const original = JSON.stringify(path.join(ROOT, 'dist', 'config', 'plugins.js'));
  const plugin = JSON.stringify(path.join(ROOT, 'src', 'plugins', 'master-data'));
  fs.writeFileSync(
    path.join(dir, 'dist', 'config', 'plugins.js'),
    `const original = require(${original}).default;
const override = ${pluginConfig ? `(${pluginConfig.toString()})` : 'undefined'};
module.exports = (ctx) => {
  const config = original(ctx);
  const md = config['master-data'];
  return { ...config, 'master-data': { ...md, resolve: ${plugin}, config: override ? override(md.config) : md.config } };
};
`
  );

  for (const [name, type] of Object.entries(types)) {
    const api = path.join(dir, 'dist', 'src', 'api', name);
    const uid = `api::${name}.${name}`;
    for (const [folder, factory] of [['controllers', 'createCoreController'], ['routes', 'createCoreRouter'], ['services', 'createCoreService']]) {
      fs.mkdirSync(path.join(api, folder), { recursive: true });
      fs.writeFileSync(path.join(api, folder, `${name}.js`), `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.default = require("@strapi/strapi").factories.${factory}(${JSON.stringify(uid)});\n`);
    }
    fs.mkdirSync(path.join(api, 'content-types', name), { recursive: true });
    const schema = {
      kind: 'collectionType',
      collectionName: `${name.replace(/-/g, '_')}s`,
      info: { singularName: name, pluralName: `${name}s`, displayName: type.displayName },
      options: { draftAndPublish: type.draftAndPublish ?? false },
      pluginOptions: {},
      attributes: type.attributes,
    };
    fs.writeFileSync(path.join(api, 'content-types', name, 'schema.json'), JSON.stringify(schema, null, 2));
  }

  for (const [name, edit] of Object.entries(schemas)) {
    const file = path.join(dir, 'dist', 'src', 'api', name, 'content-types', name, 'schema.json');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    edit(schema);
    fs.writeFileSync(file, JSON.stringify(schema, null, 2));
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};
