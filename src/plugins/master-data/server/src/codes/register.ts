/** Generated codes: a stage that gives new records their code and keeps it unchanged. */
import type { UID } from '@strapi/strapi';
import type { Capability } from '../governance/capability';
import { codeStage } from './stage';
import { getService } from '../governance/services';
import { codeMigrations } from './schema';

export const codes: Capability = {
  name: 'codes',
  register({ strapi, governance }) {
    governance.addStage(codeStage);
    getService('migrations', strapi).add('codes', codeMigrations);
  },
  async bootstrap({ strapi, governance, enabled }) {
    if (!enabled) return;
    for (const [uid, typeConfig] of governance.load().governed) {
      if (!typeConfig.code) continue;
      const { field, prefix, digits } = typeConfig.code;
      await getService('codes', strapi).ensureCounter({ uid: uid as UID.ContentType, field, format: { prefix, digits } });
      await getService('codes', strapi).lockInAdmin({ uid: uid as UID.ContentType, field });
    }
  },
};
