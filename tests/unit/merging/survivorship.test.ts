import { survive, unite, isEmpty, type MergeSource } from '../../../src/plugins/master-data/server/src/merging/domain/survivorship';

const sources: MergeSource[] = [
  { documentId: 'S', updatedAt: '2026-01-01T00:00:00Z', values: { name: 'Acme Ltd', phone: null, segment: 'Retail', website: '' } },
  { documentId: 'B', updatedAt: '2026-03-01T00:00:00Z', values: { name: 'ACME Limited', phone: '+4930901820', segment: 'SME', website: 'https://acme.example' } },
  { documentId: 'C', updatedAt: '2026-02-01T00:00:00Z', values: { name: 'Acme', phone: '+4930111111', segment: null, website: 'https://acme.example' } },
];
const FIELDS = ['name', 'phone', 'segment', 'website'];

test('survivor strategy: the survivor value unless empty, then the first filled in order', () => {
  const result = survive(sources, FIELDS, {});
  expect(result.values).toEqual({ name: 'Acme Ltd', phone: '+4930901820', segment: 'Retail', website: 'https://acme.example' });
  expect(result.sources).toEqual({ name: 'S', phone: 'B', segment: 'S', website: 'B' });
  expect(result.conflicts).toEqual(['name', 'phone', 'segment']);
});

test('most-recent takes the most recently updated record first', () => {
  expect(survive(sources, FIELDS, { strategy: 'most-recent' }).values).toMatchObject({ name: 'ACME Limited', segment: 'SME' });
});

test('most-complete takes the record with most filled fields first', () => {
  expect(survive(sources, FIELDS, { strategy: 'most-complete' }).sources.name).toBe('B');
});

test('source-priority follows the given order; manual picks win over everything', () => {
  const result = survive(sources, FIELDS, { strategy: 'source-priority', priority: ['C', 'B', 'S'], picks: { segment: 'S' } });
  expect(result.values).toMatchObject({ name: 'Acme', phone: '+4930111111', segment: 'Retail' });
});

test('unite keeps each distinct component item once, ignoring ids, case and spaces', () => {
  const united = unite([
    [{ id: 1, system: 'SAP', externalId: '100' }],
    [{ id: 7, system: 'sap ', externalId: '100' }, { id: 8, system: 'ORACLE', externalId: 'O-1' }],
  ]);
  expect(united).toEqual([{ id: 1, system: 'SAP', externalId: '100' }, { id: 8, system: 'ORACLE', externalId: 'O-1' }]);
});

test('isEmpty', () => {
  expect([null, undefined, '', '  ', [], {}].every(isEmpty)).toBe(true);
  expect([0, false, 'x', [1], { a: 1 }].some(isEmpty)).toBe(false);
});
