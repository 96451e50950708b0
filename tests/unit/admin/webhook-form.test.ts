import {
  EMPTY_FORM,
  errorFor,
  fieldOptions,
  formFromEndpoint,
  headerRow,
  headerRowError,
  inputFromForm,
  maskedFields,
  otherErrors,
  saveErrors,
  validateForm,
  type WebhookFormState,
} from '../../../src/plugins/master-data/admin/src/utils/webhookForm';
import type { WebhookEndpoint } from '../../../src/plugins/master-data/shared/contracts/webhooks';

const form = (change: Partial<WebhookFormState> = {}): WebhookFormState => ({ ...EMPTY_FORM, url: 'https://erp.example.com/hooks', events: ['customer.*'], ...change });

const endpoint: WebhookEndpoint = {
  id: 7,
  url: 'https://erp.example.com/hooks',
  description: null,
  events: ['customer.updated'],
  contentTypes: ['api::customer.customer'],
  fields: ['name', 'iban'],
  allowSensitive: false,
  headers: { 'X-Api-Key': 'k-123' },
  enabled: false,
  system: 'sap',
  suppressEcho: true,
  disabledReason: 'failing',
  failingSince: '2026-11-27T00:00:00.000Z',
  secretHint: 'whsec_AbC…',
  previousSecretExpiresAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  stats: { pending: 1, delivering: 0, delivered: 10, dead: 2 },
};

describe('the form and the input it sends', () => {
  test('an endpoint fills the form, and the form sends back the same settings', () => {
    const state = formFromEndpoint(endpoint);
    expect(state.headers.map((row) => [row.name, row.value])).toEqual([['X-Api-Key', 'k-123']]);
    expect(state.description).toBe('');
    expect(inputFromForm(state)).toEqual({
      url: endpoint.url,
      description: null,
      events: endpoint.events,
      contentTypes: endpoint.contentTypes,
      fields: endpoint.fields,
      allowSensitive: false,
      headers: { 'X-Api-Key': 'k-123' },
      enabled: false,
      system: 'sap',
      suppressEcho: true,
    });
  });

  test('text is trimmed, empty text is null, header rows without a name are dropped', () => {
    const input = inputFromForm(form({ url: '  https://a.example/h ', description: '  ', system: ' ', headers: [headerRow(' X-Tenant ', 'acme'), headerRow('', '')] }));
    expect(input).toMatchObject({ url: 'https://a.example/h', description: null, system: null, headers: { 'X-Tenant': 'acme' } });
  });

  test('header rows get distinct ids (React keys that survive removing a row)', () => {
    expect(headerRow().id).not.toBe(headerRow().id);
  });
});

describe('validateForm: checks before sending', () => {
  test('a URL and at least one event are needed', () => {
    expect(validateForm(form())).toEqual({});
    expect(validateForm(form({ url: ' ', events: [] }))).toEqual({ url: expect.stringMatching(/Enter the URL/), events: 'Choose at least one event' });
  });

  test('only http and https URLs', () => {
    expect(validateForm(form({ url: 'ftp://erp.example.com' })).url).toMatch(/http/);
    expect(validateForm(form({ url: 'erp.example.com/hooks' })).url).toMatch(/http/);
    expect(validateForm(form({ url: 'http://127.0.0.1:4000/hook' }))).toEqual({});
  });

  test('a bad header row marks the headers', () => {
    expect(validateForm(form({ headers: [headerRow('Host', 'x')] })).headers).toBeTruthy();
  });
});

describe('headerRowError', () => {
  const rows = (...names: string[]) => names.map((name) => ({ name, value: 'v' }));

  test('the hub sets the webhook-* headers, Content-Type, Content-Length, Host, User-Agent and the connection headers: any case', () => {
    for (const name of ['webhook-signature', 'Webhook-Id', 'content-type', 'Content-Length', 'HOST', 'User-Agent', 'Connection', 'Transfer-Encoding', 'Proxy-Authorization', 'TE']) {
      expect(headerRowError({ name, value: 'x' }, rows(name))).toMatch(/set by the hub/);
    }
  });

  test('a name twice (any case), a name with a space, a value without a name, a value on two lines', () => {
    const twice = rows('X-Key', 'x-key');
    expect(headerRowError(twice[0], twice)).toMatch(/twice/);
    expect(headerRowError({ name: 'X Key', value: 'v' }, rows('X Key'))).toMatch(/no spaces/);
    expect(headerRowError({ name: '', value: 'v' }, rows(''))).toMatch(/Enter the header name/);
    expect(headerRowError({ name: 'X-Key', value: 'a\r\nInjected: 1' }, [{ name: 'X-Key', value: '' }])).toMatch(/single line/);
  });

  test('names that only start like a reserved one are fine', () => {
    expect(headerRowError({ name: 'X-Webhook-Source', value: 'v' }, rows('X-Webhook-Source'))).toBeNull();
    expect(headerRowError({ name: 'Hostname', value: 'v' }, rows('Hostname'))).toBeNull();
    expect(headerRowError({ name: 'x'.repeat(101), value: 'v' }, rows('x'.repeat(101)))).toMatch(/at most 100/);
  });

  test('an empty row and a good row are fine', () => {
    expect(headerRowError({ name: '', value: '' }, rows(''))).toBeNull();
    expect(headerRowError({ name: 'Authorization', value: 'Bearer t' }, rows('Authorization', 'X-Tenant'))).toBeNull();
  });
});

describe("saveErrors: the server's 400 beside each field", () => {
  const fetchError = (errors: unknown, message = 'url: refused') => ({
    message: 'Request failed with status code 400',
    response: { data: { error: { status: 400, name: 'ValidationError', message, details: { errors } } } },
  });

  test('each path becomes a key (a leading data segment dropped); the first message of a path wins', () => {
    const { message, fields } = saveErrors(
      fetchError([
        { path: ['url'], message: 'resolves to a private address (10.0.0.5)' },
        { path: ['data', 'events', 1], message: 'unknown event type' },
        { path: ['headers', 'Host'], message: 'is set by the hub' },
        { path: ['url'], message: 'second' },
      ])
    );
    expect(message).toBe('url: refused');
    expect(fields).toEqual({ url: 'resolves to a private address (10.0.0.5)', 'events.1': 'unknown event type', 'headers.Host': 'is set by the hub' });
    expect(errorFor(fields, 'events')).toBe('unknown event type');
    expect(errorFor(fields, 'url')).toMatch(/private/);
    expect(errorFor(fields, 'fields')).toBeUndefined();
  });

  test('an error without details keeps its message; a network error has one too', () => {
    expect(saveErrors({ response: { data: { error: { message: 'Forbidden' } } } })).toEqual({ message: 'Forbidden', fields: {} });
    expect(saveErrors(new Error('Network Error'))).toEqual({ message: 'Network Error', fields: {} });
  });

  test('errors on paths the form has no field for are listed, so none goes unseen', () => {
    expect(otherErrors({ url: 'bad', 'events.0': 'bad', overlapHours: 'too long' }, ['url', 'events'])).toEqual(['overlapHours: too long']);
  });
});

describe('fields to send', () => {
  const types = [
    { uid: 'api::customer.customer', displayName: 'Customer', fields: [{ name: 'name', sensitive: false }, { name: 'bankAccounts', sensitive: true }, { name: 'creditLimit', sensitive: false }] },
    { uid: 'api::customer-group.customer-group', displayName: 'Customer group', fields: [{ name: 'name', sensitive: false }, { name: 'creditLimit', sensitive: true }] },
  ];

  test('no type chosen: the fields of every type, each once, sensitive if sensitive in any', () => {
    expect(fieldOptions(types, [])).toEqual([
      { name: 'name', sensitive: false },
      { name: 'bankAccounts', sensitive: true },
      { name: 'creditLimit', sensitive: true },
    ]);
  });

  test('a type chosen: its fields only; a chosen field no type offers stays on offer', () => {
    expect(fieldOptions(types, ['api::customer-group.customer-group'], ['legacyCode'])).toEqual([
      { name: 'name', sensitive: false },
      { name: 'creditLimit', sensitive: true },
      { name: 'legacyCode', sensitive: false },
    ]);
  });

  test('masked: the sensitive fields sent (all of them when no field is chosen), none when sensitive fields are allowed', () => {
    const options = fieldOptions(types, ['api::customer.customer']);
    expect(maskedFields(options, [], false)).toEqual(['bankAccounts']);
    expect(maskedFields(options, ['name'], false)).toEqual([]);
    expect(maskedFields(options, ['name', 'bankAccounts'], false)).toEqual(['bankAccounts']);
    expect(maskedFields(options, [], true)).toEqual([]);
  });
});
