import { resolveGovernance } from '../../../src/plugins/master-data/server/src/governance/registry';
import { configSchema } from '../../../src/plugins/master-data/server/src/config/schema';

// The two things resolveGovernance reads from Strapi: content type and component schemas.
const strapi = {
  contentTypes: {
    'api::customer.customer': {
      info: { displayName: 'Customer' },
      attributes: {
        code: { type: 'string' },
        name: { type: 'string' },
        country: { type: 'string' },
        creditLimit: { type: 'decimal' },
        contacts: { type: 'component', component: 'customer.contact', repeatable: true },
      },
    },
  },
  components: { 'customer.contact': { attributes: { email: { type: 'string' } } } },
} as any;

const resolve = (governed: object) => () => resolveGovernance(strapi, configSchema.parse({ governed }));

describe('governance configuration is checked against the schemas at start-up', () => {
  test('a valid configuration resolves', () => {
    const map = resolve({ 'api::customer.customer': { code: { field: 'code' }, fields: { 'contacts.email': { type: 'email' } }, bounds: { items: { contacts: 10 } } } })();
    expect([...map.keys()]).toEqual(['api::customer.customer']);
  });

  test.each([
    [{ 'api::supplier.supplier': {} }, 'master-data.config.governed.api::supplier.supplier: no content type'],
    [{ 'api::customer.customer': { fields: { vatNo: { type: 'taxId' } } } }, 'fields.vatNo: api::customer.customer has no attribute "vatNo"'],
    [{ 'api::customer.customer': { fields: { creditLimit: { type: 'text' } } } }, 'fields.creditLimit: api::customer.customer.creditLimit is a decimal'],
    [{ 'api::customer.customer': { fields: { 'name.first': { type: 'name' } } } }, 'fields.name.first: api::customer.customer.name is not a component'],
    [{ 'api::customer.customer': { fields: { 'contacts.mail': { type: 'email' } } } }, 'fields.contacts.mail: customer.contact has no attribute "mail"'],
    [{ 'api::customer.customer': { fields: { name: { type: 'phone', countryField: 'land' } } } }, 'fields.name.countryField: api::customer.customer has no attribute "land"'],
    [{ 'api::customer.customer': { code: { field: 'number' } } }, 'code.field: api::customer.customer has no attribute "number"'],
    [{ 'api::customer.customer': { bounds: { items: { name: 5 } } } }, 'bounds.items.name: api::customer.customer.name is not a repeatable component or dynamic zone'],
    [{ 'api::customer.customer': { bounds: { items: { addresses: 5 } } } }, 'bounds.items.addresses: api::customer.customer.addresses is not a repeatable component'],
  ])('refuses %j', (governed, message) => {
    expect(resolve(governed)).toThrow(message);
  });
});
