/**
 * Pipeline stage: gives every new record (create, clone) its generated code and keeps the code
 * from ever being changed.
 */
import { fieldError } from '../http';
import type { Stage } from '../governance/pipeline';
import { getService } from '../governance/services';

export const codeStage: Stage = {
  name: 'code',
  order: 500,
  async before(write) {
    const code = write.config.code;
    if (!code) return;
    const { field, prefix, digits } = code;

    if (write.action === 'create' || write.action === 'clone') {
      write.params.data = { ...write.params.data, [field]: await getService('codes', write.strapi).next({ uid: write.uid, format: { prefix, digits }, trx: write.trx }) };
      return;
    }
    const data = write.params.data;
    if (write.action !== 'update' || !data || !(field in data)) return;

    const stored = (await write.existing())?.[field];
    if (data[field] === stored || data[field] === undefined) {
      delete data[field];
      return;
    }
    throw fieldError([field], 'is generated and cannot be changed', { value: data[field] });
  },
};
