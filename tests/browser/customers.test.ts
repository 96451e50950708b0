import { startBrowserApp, loginAs, pick, shot, type BrowserApp } from './harness';

const CUSTOMERS = '/admin/content-manager/collection-types/api::customer.customer';
let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.stop();
});

test('a data steward logs in and sees the demo customers', async () => {
  const page = await loginAs(app, 'steward@demo.local');
  await shot(page, '01-steward-home');
  await page.goto(`${app.baseUrl}${CUSTOMERS}`);
  await page.getByRole('gridcell', { name: /^C-\d{6}$/ }).first().waitFor();
  await shot(page, '02-steward-customer-list');
  // The columns of src/admin-layout/declarations.ts, then draft & publish's status.
  const headers = (await page.locator('thead th').allTextContents()).map((t) => t.trim()).filter(Boolean);
  expect(headers.map((h) => h.toLowerCase())).toEqual(['code', 'name', 'city', 'country', 'lifecycle stage', 'status']);
  // 200 demo customers and 5 near-duplicates: the list says how many entries it holds.
  await page.getByText(/205 entries found/).waitFor();
});

test('a bad phone number is refused in the edit view with the field and the reason', async () => {
  const page = await loginAs(app, 'steward@demo.local');
  await page.goto(`${app.baseUrl}${CUSTOMERS}/create`);
  await page.fill('input[name="name"]', 'Browser Test Trading');
  await pick(page, 'country', 'China', 'CN — China');
  await page.fill('input[name="phone"]', '0755 123');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/not a valid phone number for CN/).first().waitFor();
  await shot(page, '03-steward-bad-phone');
  const count = await app.strapi.db.query('api::customer.customer').count({ where: { name: 'Browser Test Trading' } });
  expect(count).toBe(0);
});

test('sales does not see bank accounts or credit data; finance does', async () => {
  const customer = await app.strapi.documents('api::customer.customer').findFirst({
    filters: { bankAccounts: { accountNumber: { $notNull: true } } },
    populate: ['bankAccounts'],
  });
  const account = customer!.bankAccounts[0].accountNumber as string;
  const hidden = 'No permissions to see this field';

  const sales = await loginAs(app, 'sales@demo.local');
  await sales.goto(`${app.baseUrl}${CUSTOMERS}/${customer!.documentId}`);
  await sales.locator('input[name="name"]').waitFor();
  await shot(sales, '04-sales-edit-view');
  expect(await sales.locator('input[name="creditLimit"]').inputValue()).toBe('');
  // creditRating, creditLimit, currency and paymentTerms are masked; bank accounts are not sent.
  expect(await sales.getByPlaceholder(hidden).count()).toBeGreaterThanOrEqual(4);
  expect(await sales.content()).not.toContain(account);

  const finance = await loginAs(app, 'finance@demo.local');
  await finance.goto(`${app.baseUrl}${CUSTOMERS}/${customer!.documentId}`);
  await finance.locator('input[name="name"]').waitFor();
  expect(Number((await finance.locator('input[name="creditLimit"]').inputValue()).replace(/[^\d.]/g, ''))).toBe(Number(customer!.creditLimit));
  expect(await finance.getByPlaceholder(hidden).count()).toBe(0);
  await finance.getByRole('button', { name: customer!.bankAccounts[0].bankName }).click();
  await finance.locator(`input[value="${account}"]`).waitFor();
  await shot(finance, '05-finance-edit-view');
});
