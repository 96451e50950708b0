import type { SettingsDocument } from '../../../src/plugins/master-data/shared/contracts/settings';
import {
  canonicalPath,
  errorAt,
  errorLabel,
  errorsByKey,
  errorsUnder,
  hasErrorUnder,
  messagesUnder,
  settingsErrors,
  standingErrors,
} from '../../../src/plugins/master-data/admin/src/utils/settingsErrors';

const SUPPLIER = 'api::supplier.supplier';

/** A refused request as the admin fetch client throws it (the body of a 400 from the settings routes). */
const refused = (errors: { path: string[]; message: string }[]) =>
  Object.assign(new Error('Request failed with status code 400'), {
    response: { data: { error: { status: 400, name: 'ValidationError', message: errors.map((e) => e.message).join('; '), details: { errors } } } },
  });

const document = (fields: Record<string, unknown>): SettingsDocument => ({ enabled: true, governed: { [SUPPLIER]: { fields, audit: { sensitive: [] } } as never } });

test('settingsErrors reads the paths and messages of a refused document, without the leading data', () => {
  const error = refused([
    { path: ['data', 'governed', SUPPLIER, 'fields', 'city', 'pattern'], message: 'could take exponential time on some inputs' },
    { path: ['data'], message: 'unrecognized key: "colour"' },
  ]);
  expect(settingsErrors(error)).toEqual([
    { path: ['governed', SUPPLIER, 'fields', 'city', 'pattern'], message: 'could take exponential time on some inputs' },
    { path: [], message: 'unrecognized key: "colour"' },
  ]);
  expect(settingsErrors(new Error('Network Error'))).toEqual([]);
});

describe('canonicalPath: a component field path is one segment, whichever check named it', () => {
  const doc = document({ 'contacts.phone': { type: 'phone' }, 'addresses.type': { type: 'text' }, name: { type: 'name' } });

  test('the schema check (one segment) and the content type check (split at the dot) give the same path', () => {
    expect(canonicalPath(['governed', SUPPLIER, 'fields', 'contacts.phone', 'countryField'], doc)).toEqual(['governed', SUPPLIER, 'fields', 'contacts.phone', 'countryField']);
    expect(canonicalPath(['governed', SUPPLIER, 'fields', 'contacts', 'phone', 'countryField'], doc)).toEqual(['governed', SUPPLIER, 'fields', 'contacts.phone', 'countryField']);
    expect(canonicalPath(['governed', SUPPLIER, 'fields', 'contacts', 'phone'], doc)).toEqual(['governed', SUPPLIER, 'fields', 'contacts.phone']);
  });

  test('an attribute called like a rule option is read as the field the document governs', () => {
    expect(canonicalPath(['governed', SUPPLIER, 'fields', 'addresses', 'type'], doc)).toEqual(['governed', SUPPLIER, 'fields', 'addresses.type']);
    expect(canonicalPath(['governed', SUPPLIER, 'fields', 'name', 'type'], doc)).toEqual(['governed', SUPPLIER, 'fields', 'name', 'type']);
  });

  test('without the document: a last segment that is a rule option is the option', () => {
    expect(canonicalPath(['governed', SUPPLIER, 'fields', 'vatNumber'])).toEqual(['governed', SUPPLIER, 'fields', 'vatNumber']);
    expect(canonicalPath(['governed', SUPPLIER, 'fields', 'city', 'sample'])).toEqual(['governed', SUPPLIER, 'fields', 'city', 'sample']);
    expect(canonicalPath(['governed', SUPPLIER, 'matching', 'thresholds', 'block'])).toEqual(['governed', SUPPLIER, 'matching', 'thresholds', 'block']);
  });
});

test('errors by key: each input finds its own; a row or card finds those under it', () => {
  const errors = errorsByKey(
    [
      { path: ['governed', SUPPLIER, 'fields', 'city', 'pattern'], message: 'could take exponential time' },
      { path: ['governed', SUPPLIER, 'fields', 'city', 'pattern'], message: 'second problem' },
      { path: ['governed', SUPPLIER, 'approvals', 'policies', '0', 'steps', '1', 'roles'], message: 'Array must contain at least 1 element(s)' },
    ],
    document({ city: { pattern: '(a+)+' } }),
  );
  expect(errorAt(errors, ['governed', SUPPLIER, 'fields', 'city', 'pattern'])).toBe('could take exponential time; second problem');
  expect(errorAt(errors, ['governed', SUPPLIER, 'fields', 'city'])).toBeUndefined();
  expect(hasErrorUnder(errors, ['governed', SUPPLIER])).toBe(true);
  expect(hasErrorUnder(errors, ['governed', 'api::customer.customer'])).toBe(false);
  // A uid that starts like another is not under it.
  expect(hasErrorUnder(errors, ['governed', 'api::supplier.supp'])).toBe(false);
  expect(errorsUnder(errors, ['governed', SUPPLIER, 'fields', 'city'])).toEqual([{ rest: ['pattern'], message: 'could take exponential time; second problem' }]);
  expect(messagesUnder(errors, ['governed', SUPPLIER, 'approvals', 'policies', 0, 'steps', 1])).toBe('roles: Array must contain at least 1 element(s)');
  expect(messagesUnder(errors, ['governed', SUPPLIER, 'matching'])).toBeUndefined();
});

test('an error goes once what it is about was edited after the check; the others stand', () => {
  const checked = document({ city: { pattern: '^(\\w+\\s?)*$', sample: 'Berlin' }, taxId: { type: 'taxId', countryField: 'land' } });
  const errors = [
    { path: ['governed', SUPPLIER, 'fields', 'city', 'pattern'], message: 'could take exponential time' },
    { path: ['governed', SUPPLIER, 'fields', 'taxId', 'countryField'], message: 'has no attribute "land"' },
  ];
  expect(standingErrors(errors, checked, checked)).toEqual(errors);
  // The pattern was edited: its error goes (a new pattern may also fix a sample's error); the tax id's stays.
  const edited = document({ city: { pattern: '^\\p{Lu}', sample: 'Berlin' }, taxId: { type: 'taxId', countryField: 'land' } });
  expect(standingErrors(errors, checked, edited)).toEqual([errors[1]]);
});

test('errorLabel names the type instead of its uid', () => {
  expect(errorLabel(['governed', SUPPLIER, 'fields', 'city', 'pattern'], { [SUPPLIER]: 'Supplier' })).toBe('Supplier › fields › city › pattern');
  expect(errorLabel(['governed', 'api::nope.nope'])).toBe('api::nope.nope');
  expect(errorLabel([])).toBe('Settings');
});
