import { startApp } from '../helpers/strapi';
import { makeAppVariant } from '../helpers/app-variant';

// One Strapi boot per test file: Strapi keeps registries at module level.
test('an unknown rule type stops start-up, naming the key', async () => {
  const variant = makeAppVariant({
    pluginConfig: (config) => ({ ...config, governed: { 'api::customer.customer': { fields: { taxId: { type: 'vatNumber' } } } } }),
  });
  try {
    await expect(startApp({ appDir: variant.dir })).rejects.toThrow(
      /Invalid master-data plugin configuration:\nmaster-data\.config\.governed\.api::customer\.customer\.fields\.taxId\.type: /
    );
  } finally {
    variant.remove();
  }
});
