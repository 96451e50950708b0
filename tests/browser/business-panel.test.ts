/**
 * What a business user sees on opening the demo: readable labels and help text, country and
 * currency pickers, records named by code and name in the audit trail, and a Duplicates queue and an
 * approvals inbox with work in them (the demo seed's near-duplicates and pending changes).
 */
import type { Page } from 'playwright-core';
import { startBrowserApp, loginAs, pick, shot, type BrowserApp } from './harness';

const UID = 'api::customer.customer';
const CUSTOMERS = `/admin/content-manager/collection-types/${UID}`;
let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.stop();
});

/** Waits for CSS animations (a notification fading in, a popover opening) to finish, for a clean screenshot. */
const settled = (page: Page) => page.locator('body').evaluate((el) => Promise.allSettled(el.getAnimations({ subtree: true }).map((a) => a.finished)));

test('the edit view has readable labels, help text and searchable country and currency pickers that store the code', async () => {
  const page = await loginAs(app, 'steward@demo.local');
  await page.goto(`${app.baseUrl}${CUSTOMERS}/create`);
  await page.getByRole('heading', { name: 'Create an entry' }).waitFor();
  await page.locator('label', { hasText: 'Legal name' }).waitFor();
  // Field labels as people read them (a required field's label ends with *).
  const labels = (await page.locator('label').allTextContents()).map((text) => text.replace(/\*$/, '').trim());
  expect(labels).toEqual(expect.arrayContaining(['Name', 'Legal name', 'Customer type', 'Tax ID', 'Country', 'Lifecycle stage', 'Credit rating', 'Credit limit', 'Currency', 'Payment terms', 'Customer group']));
  for (const raw of ['legalName', 'customerType', 'creditRating', 'lifecycleStage']) expect(labels).not.toContain(raw);
  await page.getByText(/unified social credit code/).waitFor();

  await page.locator('input[name="name"]').fill('Picker Test Handels');
  await page.locator('input[name="city"]').fill('Hamburg');
  // Search by name: the list narrows to what contains it, each option "code — name".
  const country = page.locator('input[name="country"]');
  await country.click();
  await country.fill('germ');
  await page.getByRole('option', { name: 'DE — Germany' }).waitFor();
  expect(await page.getByRole('option').allTextContents()).toEqual(['DE — Germany']);
  await settled(page);
  await shot(page, 'panel-01-country-picker-search');
  await page.getByRole('option', { name: 'DE — Germany' }).click();
  // Search by code.
  await pick(page, 'currency', 'eur', 'EUR — Euro');
  await page.locator('input[name="phone"]').fill('040 4289 0');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 30000 });
  await expect(country.inputValue()).resolves.toBe('DE — Germany');
  await expect(page.locator('input[name="currency"]').inputValue()).resolves.toBe('EUR — Euro');
  await page.getByRole('heading', { name: 'Picker Test Handels' }).waitFor();
  await settled(page);
  await shot(page, 'panel-02-edit-view-labels-and-pickers');

  // The codes are what is stored (and what the server standardised: +49 40 42890).
  const saved = await app.strapi.db.query(UID).findOne({ where: { name: 'Picker Test Handels' } });
  expect(saved).toMatchObject({ country: 'DE', currency: 'EUR', phone: '+494042890' });
});

test('an existing customer shows its stored codes with their names', async () => {
  const customer = await app.strapi.documents(UID).findFirst({ filters: { country: 'CN', currency: 'CNY' } as any });
  const page = await loginAs(app, 'steward@demo.local');
  await page.goto(`${app.baseUrl}${CUSTOMERS}/${customer!.documentId}`);
  await page.locator('input[name="name"]').waitFor();
  // The pickers fill in once the form has its stored values (after the name field appears).
  const shows = (name: string, text: string) =>
    page.waitForFunction(([n, t]) => (document.querySelector(`input[name="${n}"]`) as HTMLInputElement | null)?.value === t, [name, text], { timeout: 10_000 });
  await shows('country', 'CN — China');
  await shows('currency', 'CNY — Yuan Renminbi');
  await expect(page.locator('input[name="country"]').inputValue()).resolves.toBe('CN — China');
  await expect(page.locator('input[name="currency"]').inputValue()).resolves.toBe('CNY — Yuan Renminbi');
  // Passing through the field keeps its value; typing without choosing keeps it too.
  await page.locator('input[name="country"]').focus();
  await page.keyboard.press('Tab');
  await page.locator('input[name="country"]').click();
  await page.locator('input[name="country"]').fill('jap');
  await page.getByRole('option', { name: 'JP — Japan' }).waitFor();
  await page.locator('input[name="name"]').click();
  await expect(page.locator('input[name="country"]').inputValue()).resolves.toBe('CN — China');
  await settled(page);
  await shot(page, 'panel-07-existing-customer-codes');
});

test('the audit trail names records by code and name; a trail opened from a record says whose it is', async () => {
  const page = await loginAs(app, 'admin@demo.local');
  await page.goto(`${app.baseUrl}/admin/plugins/master-data/audit`);
  await page.locator('tbody tr').first().waitFor({ timeout: 30000 });
  const records = await page.locator('tbody tr td:nth-child(5)').allTextContents();
  expect(records.some((text) => /^C-\d{6} · .+Customer · [a-z0-9]{24}$/.test(text))).toBe(true);
  await settled(page);
  await shot(page, 'panel-03-audit-trail-labels');

  const customer = await app.strapi.documents(UID).findFirst({ filters: { externalIds: { system: 'DEMO', externalId: 'demo-cn-000' } } as any });
  await page.goto(`${app.baseUrl}/admin/plugins/master-data/audit?uid=${encodeURIComponent(UID)}&documentId=${customer!.documentId}`);
  await page.getByText(`The trail of ${customer!.code} · ${customer!.name} (${customer!.documentId})`, { exact: false }).waitFor({ timeout: 30000 });
  await settled(page);
  await shot(page, 'panel-04-audit-trail-of-one-record');
});

test('a newcomer finds near-duplicates in the Duplicates queue and changes waiting in Approvals', async () => {
  const steward = await loginAs(app, 'steward@demo.local');
  await steward.goto(`${app.baseUrl}/admin/plugins/master-data/duplicates`);
  await steward.locator('tbody tr').first().waitFor({ timeout: 30000 });
  for (const name of ['Northwind Logistic GmbH', 'Huanan Electronics Technology Co., Ltd.', 'Carter, John']) {
    await steward.getByRole('row').filter({ hasText: name }).first().waitFor();
  }
  await settled(steward);
  await shot(steward, 'panel-05-duplicates-queue-seeded');

  const approver = await loginAs(app, 'approver@demo.local');
  await approver.goto(`${app.baseUrl}/admin/plugins/master-data/approvals`);
  await approver.locator('tbody tr').first().waitFor({ timeout: 30000 });
  expect(await approver.locator('tbody tr').count()).toBe(3);
  await expect(approver.locator('tbody').textContent()).resolves.toContain('Sam Steward');
  await settled(approver);
  await shot(approver, 'panel-06-approvals-seeded');
});
