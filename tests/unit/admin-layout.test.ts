import { declaredPaths, planLayout, type LayoutDeclaration, type ModelConfiguration } from '../../src/admin-layout/plan';
import { LAYOUTS } from '../../src/admin-layout/declarations';

const FIELDS = ['id', 'code', 'name', 'legalName', 'customerType', 'city'];

/** A configuration as the Content Manager creates it: labels are attribute names, no help text. */
const strapiDefault = (): ModelConfiguration => ({
  settings: { mainField: 'code', defaultSortBy: 'code', defaultSortOrder: 'ASC', pageSize: 10, bulkable: true },
  metadatas: Object.fromEntries(
    FIELDS.map((name) => [name, { edit: { label: name, description: '', placeholder: '', visible: true, editable: true }, list: { label: name, searchable: true, sortable: true } }])
  ),
  layouts: { list: ['id', 'code', 'name', 'legalName'], edit: [[{ name: 'code', size: 6 }]] },
});

const defaultOf = (path: string[]) => {
  const [section, name, , key] = path;
  if (section === 'settings') return ({ mainField: 'code', defaultSortBy: 'code', defaultSortOrder: 'ASC', pageSize: 10 } as Record<string, unknown>)[name];
  if (section === 'layouts') return ['id', 'code', 'name', 'legalName'];
  if (key === 'label') return name;
  if (key === 'description' || key === 'placeholder') return '';
  return undefined;
};
const hasField = (name: string) => FIELDS.includes(name);

const declaration: LayoutDeclaration = {
  uid: 'api::customer.customer',
  settings: { mainField: 'name', pageSize: 20 },
  list: ['code', 'name', 'city'],
  fields: { legalName: { label: 'Legal name', description: 'As registered' }, code: { label: 'Customer code', listLabel: 'Code' } },
};

describe('admin layout: declared labels and columns over the stored configuration', () => {
  test('a configuration nobody changed takes every declared value', () => {
    const plan = planLayout({ declaration, current: strapiDefault(), defaultOf, hasField });
    expect(plan.configuration.metadatas.legalName.edit).toMatchObject({ label: 'Legal name', description: 'As registered', visible: true });
    expect(plan.configuration.metadatas.legalName.list).toMatchObject({ label: 'Legal name', searchable: true });
    expect(plan.configuration.metadatas.code.list!.label).toBe('Code');
    expect(plan.configuration.layouts.list).toEqual(['code', 'name', 'city']);
    // Settings not declared stay as they were.
    expect(plan.configuration.settings).toEqual({ mainField: 'name', defaultSortBy: 'code', defaultSortOrder: 'ASC', pageSize: 20, bulkable: true });
    expect(plan.kept).toEqual([]);
    expect(plan.applied).toMatchObject({ 'metadatas.legalName.edit.label': 'Legal name', 'layouts.list': ['code', 'name', 'city'] });
  });

  test("an admin's own label, help text and columns are kept; the rest is applied", () => {
    const current = strapiDefault();
    current.metadatas.legalName.edit!.label = 'Registered name';
    current.layouts.list = ['id', 'name'];
    const plan = planLayout({ declaration, current, defaultOf, hasField });
    expect(plan.configuration.metadatas.legalName.edit).toMatchObject({ label: 'Registered name', description: 'As registered' });
    expect(plan.configuration.layouts.list).toEqual(['id', 'name']);
    expect(plan.kept.sort()).toEqual(['layouts.list', 'metadatas.legalName.edit.label']);
    // What was kept is not remembered as applied: a later run keeps it too.
    expect(plan.applied).not.toHaveProperty('metadatas.legalName.edit.label');
  });

  test('a changed declaration replaces what was applied before, never what an admin set since', () => {
    const first = planLayout({ declaration, current: strapiDefault(), defaultOf, hasField });
    const afterAdmin = structuredClone(first.configuration);
    afterAdmin.metadatas.code.edit!.label = 'Our number';
    const next: LayoutDeclaration = { ...declaration, fields: { legalName: { label: 'Registered legal name' }, code: { label: 'Code of the customer' } } };
    const plan = planLayout({ declaration: next, current: afterAdmin, applied: first.applied, defaultOf, hasField });
    expect(plan.configuration.metadatas.legalName.edit!.label).toBe('Registered legal name');
    expect(plan.configuration.metadatas.code.edit!.label).toBe('Our number');
    expect(plan.changed).toContain('metadatas.legalName.edit.label');
    expect(plan.kept).toContain('metadatas.code.edit.label');
  });

  test('an admin who set a label back to the attribute name keeps it (it was applied before)', () => {
    const first = planLayout({ declaration, current: strapiDefault(), defaultOf, hasField });
    const afterAdmin = structuredClone(first.configuration);
    afterAdmin.metadatas.legalName.edit!.label = 'legalName';
    const plan = planLayout({ declaration, current: afterAdmin, applied: first.applied, defaultOf, hasField });
    expect(plan.configuration.metadatas.legalName.edit!.label).toBe('legalName');
  });

  test('running twice changes nothing the second time', () => {
    const first = planLayout({ declaration, current: strapiDefault(), defaultOf, hasField });
    const second = planLayout({ declaration, current: first.configuration, applied: first.applied, defaultOf, hasField });
    expect(second.changed).toEqual([]);
    expect(second.configuration).toEqual(first.configuration);
  });

  test('fields the model no longer has are skipped', () => {
    const gone: LayoutDeclaration = { uid: 'x', list: ['code', 'removed'], settings: { mainField: 'removed' }, fields: { removed: { label: 'Removed' } } };
    const plan = planLayout({ declaration: gone, current: strapiDefault(), defaultOf, hasField });
    expect(plan.changed).toEqual([]);
    expect(plan.configuration).toEqual(strapiDefault());
  });

  test('a path whose default is unknown is applied only once remembered', () => {
    const withMain: LayoutDeclaration = { uid: 'x', fields: { name: { mainField: 'name' } } };
    const current = strapiDefault();
    current.metadatas.name.edit!.mainField = 'code';
    expect(planLayout({ declaration: withMain, current, defaultOf, hasField }).kept).toEqual(['metadatas.name.edit.mainField']);
  });
});

describe('the declarations', () => {
  test('every governed type and component has a label for each of its fields', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const schema = (file: string) => require(`../../src/${file}`).attributes as Record<string, unknown>;
    const files: Record<string, string> = {
      'api::customer.customer': 'api/customer/content-types/customer/schema.json',
      'api::customer-group.customer-group': 'api/customer-group/content-types/customer-group/schema.json',
      'customer.address': 'components/customer/address.json',
      'customer.contact': 'components/customer/contact.json',
      'customer.bank-account': 'components/customer/bank-account.json',
      'customer.external-id': 'components/customer/external-id.json',
    };
    expect(LAYOUTS.map((l) => l.uid).sort()).toEqual(Object.keys(files).sort());
    for (const layout of LAYOUTS) {
      const attributes = Object.keys(schema(files[layout.uid]));
      expect(Object.keys(layout.fields ?? {}).sort()).toEqual(attributes.sort());
      for (const name of layout.list ?? []) expect(attributes).toContain(name);
      for (const [path] of declaredPaths(layout)) expect(path.length).toBeGreaterThan(1);
    }
  });

  test('the customer list shows code, name, city, country and lifecycle stage', () => {
    expect(LAYOUTS.find((l) => l.uid === 'api::customer.customer')!.list).toEqual(['code', 'name', 'city', 'country', 'lifecycleStage']);
  });
});
