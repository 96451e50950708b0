import { changeRows, changeTable, keySegments, leafChanges } from '../../../src/plugins/master-data/admin/src/utils/settingsDiff';

const CUSTOMER = 'api::customer.customer';
const names = { [CUSTOMER]: 'Customer', 'api::supplier.supplier': 'Supplier' };

test('a uid keeps its dots and reads as the type name', () => {
  expect(keySegments(`governed.${CUSTOMER}.matching.thresholds.block`, names)).toEqual(['Customer', 'matching', 'thresholds', 'block']);
  expect(keySegments('governed.api::other.other', names)).toEqual(['api::other.other']);
  expect(keySegments('audit.retention.minimumAgeDays')).toEqual(['audit', 'retention', 'minimumAgeDays']);
});

test('a changed step of a policy is one row, found by the names of the policy and the step', () => {
  const policy = (approvals: number) => ({
    name: 'large-credit-limit',
    fields: ['creditLimit'],
    steps: [
      { name: 'Approval', roles: ['Approver'], approvals: 1 },
      { name: 'Finance', roles: ['Finance'], approvals },
    ],
  });
  const rows = changeRows({ [`governed.${CUSTOMER}.approvals.policies`]: { before: [policy(1)], after: [policy(2)] } }, names);
  expect(rows).toEqual([{ label: 'Customer › approvals › policies › large-credit-limit › steps › Finance › approvals', before: 1, after: 2 }]);
});

test('an added and a removed policy, and items without names, by position', () => {
  const rows = changeRows(
    {
      [`governed.${CUSTOMER}.approvals.policies`]: { before: [{ name: 'a', fields: ['x'] }], after: [{ name: 'b', fields: ['y'] }] },
      [`governed.${CUSTOMER}.approvals.policies.0.when`]: { before: [{ field: 'x', op: 'changed' }], after: [{ field: 'x', op: 'gte', value: 5 }] },
    },
    names,
  );
  expect(rows.map((r) => [r.label, r.before, r.after])).toEqual([
    ['Customer › approvals › policies › a › name', 'a', null],
    ['Customer › approvals › policies › a › fields', ['x'], null],
    ['Customer › approvals › policies › b › name', null, 'b'],
    ['Customer › approvals › policies › b › fields', null, ['y']],
    ['Customer › approvals › policies › 0 › when › 1 › op', 'changed', 'gte'],
    ['Customer › approvals › policies › 0 › when › 1 › value', null, 5],
  ]);
});

test('a newly governed type is opened down to its values; lists of values and empty leaves stay whole', () => {
  const rows = changeRows(
    { 'governed.api::supplier.supplier': { before: null, after: { fields: { taxId: { type: 'taxId' } }, audit: { sensitive: [] }, matching: { blockWhen: [['taxId']] } } } },
    names,
  );
  expect(rows).toEqual([
    { label: 'Supplier › fields › taxId › type', before: null, after: 'taxId' },
    { label: 'Supplier › matching › blockWhen', before: null, after: [['taxId']] },
  ]);
});

test('leafChanges finds nothing between equal values, or between absent and empty', () => {
  expect(leafChanges({ a: [1], b: { c: 'x' } }, { b: { c: 'x' }, a: [1] })).toEqual([]);
  expect(leafChanges(undefined, [])).toEqual([]);
  expect(leafChanges({ weights: {} }, { weights: { taxId: 0.8 } })).toEqual([{ path: ['weights', 'taxId'], before: null, after: 0.8 }]);
});

test('changeTable keys rows by label, keeping a repeated label apart', () => {
  expect(
    changeTable([
      { label: 'x', before: 1, after: 2 },
      { label: 'x', before: 3, after: 4 },
    ]),
  ).toEqual({ x: { before: 1, after: 2 }, 'x (2)': { before: 3, after: 4 } });
});
