/** Generated codes: a stage that gives new records their code and keeps it unchanged. */
import type { Core, UID } from '@strapi/strapi';
import type { GovernedTypeConfig } from '../config/schema';
import type { Capability } from '../governance/capability';
import { codeStage } from './stage';
import { getService } from '../governance/services';
import { codeMigrations } from './schema';

const prepareCodes = async (strapi: Core.Strapi, governed: Map<string, GovernedTypeConfig>) => {
  for (const [uid, typeConfig] of governed) {
    if (!typeConfig.code) continue;
    const { field, prefix, digits } = typeConfig.code;
    await getService('codes', strapi).ensureCounter({ uid: uid as UID.ContentType, field, format: { prefix, digits } });
    await getService('codes', strapi).lockInAdmin({ uid: uid as UID.ContentType, field });
  }
};

export const codes: Capability = {
  name: 'codes',
  register({ strapi, governance }) {
    governance.addStage(codeStage);
    getService('migrations', strapi).add('codes', codeMigrations);
  },
  async bootstrap({ strapi, governance, enabled }) {
    if (enabled) await prepareCodes(strapi, governance.load().governed);
  },
  /** A type newly governed with a code (or a code field changed) gets its counter. */
  async reconfigure({ strapi, next, previous }) {
    const changed = new Map([...next.governed].filter(([uid, config]) => JSON.stringify(config.code) !== JSON.stringify(previous.governed.get(uid)?.code)));
    if (next.enabled) await prepareCodes(strapi, changed);
  },
};
