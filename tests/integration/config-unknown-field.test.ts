import { startApp } from '../helpers/strapi';
import { makeAppVariant } from '../helpers/app-variant';

test('a rule on a field the content type does not have stops start-up, naming the key', async () => {
  const variant = makeAppVariant({
    pluginConfig: (config) => ({ ...config, governed: { 'api::customer.customer': { fields: { vatNo: { type: 'taxId' } } } } }),
  });
  try {
    await expect(startApp({ appDir: variant.dir })).rejects.toThrow(
      'master-data.config.governed.api::customer.customer.fields.vatNo: api::customer.customer has no attribute "vatNo"'
    );
  } finally {
    variant.remove();
  }
});
