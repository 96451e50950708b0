import type { SettingsJob } from '../../../src/plugins/master-data/shared/contracts/settings';
import { activeJobs, jobPercent, jobText, visibleJobs } from '../../../src/plugins/master-data/admin/src/utils/settingsJobs';
import { exportFileName, exportText, parseImport } from '../../../src/plugins/master-data/admin/src/utils/settingsTransfer';
import { conditionText, conditionValueText, parseConditionValue } from '../../../src/plugins/master-data/admin/src/utils/policyConditions';
import { checksSummary, tryPattern } from '../../../src/plugins/master-data/admin/src/utils/ruleSummary';
import {
  conditionAttributes,
  governableTypes,
  ruleFields,
  ruleFieldsWithGoverned,
  textAttributes,
  type ComponentInfo,
  type ContentTypeInfo,
} from '../../../src/plugins/master-data/admin/src/utils/contentTypes';

const SUPPLIER = 'api::supplier.supplier';
const job = (patch: Partial<SettingsJob>): SettingsJob => ({
  id: 1,
  kind: 'match-keys',
  scope: SUPPLIER,
  status: 'running',
  done: 1200,
  total: 5000,
  error: null,
  createdAt: '2026-11-30T10:00:00.000Z',
  startedAt: '2026-11-30T10:00:01.000Z',
  finishedAt: null,
  ...patch,
});

describe('background work as the panel says it', () => {
  const names = { [SUPPLIER]: 'Supplier' };
  test('running, queued, done, failed', () => {
    expect(jobText(job({}), names)).toBe('Rebuilding match keys for Supplier: 1,200 / 5,000');
    expect(jobText(job({ total: null, done: 0 }), names)).toBe('Rebuilding match keys for Supplier: 0 so far');
    expect(jobText(job({ status: 'queued', done: 0 }), names)).toBe('Rebuilding match keys for Supplier: waiting to start');
    expect(jobText(job({ status: 'done', done: 5000 }), names)).toBe('Match keys for Supplier rebuilt (5,000 records)');
    expect(jobText(job({ status: 'done', done: 1, total: 1 }), names)).toBe('Match keys for Supplier rebuilt (1 record)');
    expect(jobText(job({ status: 'failed', error: 'database is locked' }))).toBe(`Rebuilding match keys for ${SUPPLIER} failed: database is locked`);
  });

  test('progress in percent; unknown until the total is', () => {
    expect(jobPercent(job({}))).toBe(24);
    expect(jobPercent(job({ total: null }))).toBeUndefined();
    expect(jobPercent(job({ total: 0, done: 0 }))).toBe(100);
    expect(jobPercent(job({ status: 'done' }))).toBe(100);
  });

  test('shown: the active ones, those seen active, those queued by a save made here', () => {
    const jobs = [
      job({ id: 4 }),
      job({ id: 3, status: 'done' }),
      job({ id: 2, status: 'done', createdAt: '2026-11-30T09:00:00.000Z' }),
      job({ id: 1, status: 'failed', createdAt: '2026-11-29T00:00:00.000Z' }),
    ];
    expect(activeJobs(jobs).map((j) => j.id)).toEqual([4]);
    expect(visibleJobs(jobs, new Set([2])).map((j) => j.id)).toEqual([4, 2]);
    expect(visibleJobs(jobs, new Set(), '2026-11-30T09:30:00.000Z').map((j) => j.id)).toEqual([4, 3]);
  });
});

describe('export and import', () => {
  test('the file is the document; its name says the version and the day', () => {
    expect(exportFileName(7, new Date('2026-11-30T23:00:00.000Z'))).toBe('master-data-settings-v7-2026-11-30.json');
    const text = exportText({ enabled: true, governed: {} });
    expect(JSON.parse(text)).toEqual({ enabled: true, governed: {} });
    expect(parseImport(text)).toEqual({ document: { enabled: true, governed: {} } });
  });

  test('the whole answer of GET /settings is taken too; what is not a document is refused with a reason', () => {
    expect(parseImport(JSON.stringify({ data: { governed: { x: {} } }, meta: { version: 3 } }))).toEqual({ document: { governed: { x: {} } } });
    expect(parseImport('{"governed":')).toEqual({ error: expect.stringMatching(/^The file is not JSON: /) });
    expect(parseImport('[1,2]')).toEqual({ error: 'The file does not hold a settings document (a JSON object).' });
  });
});

describe('policy conditions as typed', () => {
  const number = { type: 'decimal' };
  test('a number for a numeric attribute, a list for "is one of", nothing for the change operators', () => {
    expect(parseConditionValue('gte', '1000000', number)).toBe(1000000);
    expect(parseConditionValue('gte', '1,000,000', number)).toBe('1,000,000');
    expect(parseConditionValue('in', 'A, B ,,C', { type: 'enumeration' })).toEqual(['A', 'B', 'C']);
    expect(parseConditionValue('in', '1, 2', number)).toEqual([1, 2]);
    expect(parseConditionValue('eq', 'true', { type: 'boolean' })).toBe(true);
    expect(parseConditionValue('changed', 'x', number)).toBeUndefined();
    expect(parseConditionValue('eq', '  ', number)).toBeUndefined();
  });

  test('read back', () => {
    expect(conditionValueText(['A', 'B'])).toBe('A, B');
    expect(conditionText({ field: 'creditLimit', op: 'gte', value: 1000000 })).toBe('creditLimit ≥ 1000000');
    expect(conditionText({ field: 'taxId', op: 'changed' })).toBe('taxId changes');
  });
});

describe('a field’s checks', () => {
  test('summary', () => {
    expect(checksSummary({ allowed: ['DE', 'SE'], pattern: '^[A-Z]{2}$' })).toBe('one of 2 values · pattern ^[A-Z]{2}$');
    expect(checksSummary({ type: 'name' })).toBe('');
  });

  test('the pattern tried on the sample as the server compiles it (Unicode)', () => {
    expect(tryPattern('^\\p{Lu}', 'Berlin')).toEqual({ state: 'matches' });
    expect(tryPattern('^\\p{Lu}', 'berlin')).toEqual({ state: 'fails' });
    expect(tryPattern('^[A-Z', 'x')).toMatchObject({ state: 'invalid' });
    expect(tryPattern('^a', '')).toEqual({ state: 'no-sample' });
    expect(tryPattern('', 'x')).toEqual({ state: 'none' });
  });
});

describe('content types as the Content Manager lists them', () => {
  const attributes = {
    id: { type: 'integer' },
    documentId: { type: 'string' },
    name: { type: 'string' },
    customerType: { type: 'enumeration', enum: ['organization', 'person'] },
    creditLimit: { type: 'decimal' },
    notes: { type: 'richtext' },
    contacts: { type: 'component', repeatable: true, component: 'customer.contact' },
    group: { type: 'relation', target: 'api::customer-group.customer-group' },
    createdAt: { type: 'datetime' },
  };
  const customer: ContentTypeInfo = { uid: 'api::customer.customer', kind: 'collectionType', isDisplayed: true, info: { displayName: 'Customer' }, attributes };
  const contact: ComponentInfo = {
    uid: 'customer.contact',
    info: { displayName: 'Contact' },
    attributes: { id: { type: 'integer' }, phone: { type: 'string' }, isPrimary: { type: 'boolean' } },
  };

  test('governable: displayed collection types of the app and plugins, by name', () => {
    const types: ContentTypeInfo[] = [
      { ...customer, uid: 'api::supplier.supplier', info: { displayName: 'Supplier' } },
      customer,
      { ...customer, uid: 'api::home.home', kind: 'singleType' },
      { ...customer, uid: 'admin::user', info: { displayName: 'User' } },
      { ...customer, uid: 'plugin::upload.folder', isDisplayed: false },
    ];
    expect(governableTypes(types).map((t) => t.uid)).toEqual(['api::customer.customer', 'api::supplier.supplier']);
  });

  test('rule fields: text attributes, then the text attributes of components as component.field', () => {
    expect(textAttributes(customer)).toEqual(['name', 'customerType']);
    expect(ruleFields(customer, [contact])).toEqual([
      { path: 'name', attributeType: 'string', enum: undefined },
      { path: 'customerType', attributeType: 'enumeration', enum: ['organization', 'person'] },
      { path: 'contacts.phone', attributeType: 'string', component: 'Contact', enum: undefined },
    ]);
    // A governed field the type no longer has is listed, to be removed.
    expect(ruleFieldsWithGoverned(ruleFields(customer, [contact]), ['name', 'vatNumber']).slice(-1)).toEqual([{ path: 'vatNumber', attributeType: 'missing' }]);
  });

  test('condition attributes: single values only', () => {
    expect(conditionAttributes(customer).map(([name]) => name)).toEqual(['name', 'customerType', 'creditLimit', 'notes']);
  });
});
