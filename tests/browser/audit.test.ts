import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startBrowserApp, loginAs, shot, type BrowserApp } from './harness';

const CUSTOMER = 'api::customer.customer';
const CUSTOMERS = `/admin/content-manager/collection-types/${CUSTOMER}`;
const AUDIT = '/admin/plugins/master-data/audit';
let app: BrowserApp;

/** The demo customer the super admin edits in the first test; the later tests look for that change. */
let edited: { documentId: string; before: string; after: string } | undefined;

beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.stop();
});

/** Waits for the CSS animations under `selector` (a modal's fade-in) to finish or be cancelled (a cancelled one rejects with AbortError), for a clean screenshot. */
const settled = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => Promise.allSettled(el.getAnimations({ subtree: true }).map((a) => a.finished)));

/** The row of the audit table for `documentId`'s newest event of `action`. */
const eventRow = (page: Page, documentId: string, action: string) =>
  page.getByRole('row').filter({ hasText: documentId }).filter({ has: page.getByText(action, { exact: true }) }).first();

test('an update saved in the edit view is in the audit trail with its before/after values; the chain verifies; the CSV export holds it', async () => {
  const customer = await app.strapi.documents(CUSTOMER).findFirst({ filters: { segment: { $notNull: true } }, status: 'draft' });
  edited = { documentId: customer!.documentId, before: customer!.segment as string, after: 'Key accounts' };

  const page = await loginAs(app, 'admin@demo.local');
  await page.goto(`${app.baseUrl}${CUSTOMERS}/${edited.documentId}`);
  const segment = page.locator('input[name="segment"]');
  await segment.waitFor();
  await segment.fill(edited.after);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved document').first().waitFor();
  const stored = await app.strapi.documents(CUSTOMER).findOne({ documentId: edited.documentId, status: 'draft' });
  expect(stored!.segment).toBe(edited.after);

  // The Audit trail menu link opens the page; the update is listed, newest first, with its changed field.
  await page.getByRole('link', { name: 'Audit trail' }).first().click();
  await page.waitForURL((url) => url.pathname === AUDIT);
  await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
  const row = eventRow(page, edited.documentId, 'update');
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('segment');
  await expect(row.textContent()).resolves.toContain('Ada Admin');
  await row.getByText('admin', { exact: true }).waitFor(); // the actor kind badge
  // Newest first: the first data row is the update just made.
  await expect(page.getByRole('row').nth(1).textContent()).resolves.toContain(edited.documentId);
  await shot(page, 'audit-01-trail');

  // 50 events a page; "Load more" appends the next, older ones (the demo seed recorded 200 creates).
  const sequences = () => page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-sequence'))));
  expect(await sequences()).toHaveLength(50);
  await page.getByRole('button', { name: 'Load more' }).click();
  await page.locator('tbody tr').nth(99).waitFor();
  const loaded = await sequences();
  expect(loaded).toHaveLength(100);
  expect(loaded).toEqual([...loaded].sort((a, b) => b - a));
  expect(new Set(loaded).size).toBe(100);

  // The event's details: actor, request id, hashes, and the segment before and after.
  await row.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: /^Audit event #\d+$/ }).waitFor();
  const change = dialog.getByRole('row').filter({ has: page.getByText('segment', { exact: true }) });
  await expect(change.textContent()).resolves.toContain(edited.before);
  await expect(change.textContent()).resolves.toContain(edited.after);
  const details = (await dialog.textContent()) ?? '';
  for (const label of ['Actor', 'Request ID', 'IP address', 'User agent', 'Reason', 'Previous hash', 'Hash']) {
    expect(details).toContain(label);
  }
  expect(details).toContain('Ada Admin <admin@demo.local>');
  expect(details).toMatch(/[0-9a-f]{64}/);
  await settled(page, 'body');
  await shot(page, 'audit-02-event-detail');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await dialog.waitFor({ state: 'detached' });

  // Filtering by the record leaves only its events; the CSV export uses the same filters.
  await page.fill('input[name="documentId"]', edited.documentId);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL((url) => url.searchParams.get('documentId') === edited!.documentId);
  await eventRow(page, edited.documentId, 'update').waitFor();
  const rows = page.locator('tbody tr');
  await expect(rows.count()).resolves.toBeGreaterThan(0);
  for (const text of await rows.allTextContents()) expect(text).toContain(edited.documentId);
  // Non-scalar values (components, JSON) are shown as JSON.
  await eventRow(page, edited.documentId, 'create').click();
  await dialog.getByRole('heading', { name: /^Audit event #\d+$/ }).waitFor();
  const addresses = dialog.getByRole('row').filter({ has: page.getByText('addresses', { exact: true }) });
  await expect(addresses.locator('pre').first().textContent()).resolves.toMatch(/^\[\s*\{/);
  await addresses.scrollIntoViewIfNeeded();
  await settled(page, 'body');
  await shot(page, 'audit-03-create-event-detail');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await dialog.waitFor({ state: 'detached' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-events-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toMatch(/^sequence,occurredAt,/);
  expect(lines.length).toBe((await rows.count()) + 1);
  expect(csv).toContain(edited.after);

  // Verify chain: every event since the start checks out.
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await page.getByText('Audit chain intact').waitFor();
  const total = await app.strapi.db.connection('master_data_audit_events').count({ n: '*' }).first();
  await page.getByText(`${Number((total as { n: number }).n)} events checked`).waitFor();
  await shot(page, 'audit-04-filtered-and-verified');
});

test("the record's edit view shows its audit history in a side panel", async () => {
  expect(edited).toBeDefined();
  const page = await loginAs(app, 'admin@demo.local');
  await page.goto(`${app.baseUrl}${CUSTOMERS}/${edited!.documentId}`);
  await page.locator('input[name="segment"]').waitFor();
  const panel = page.getByRole('list', { name: 'Audit history' });
  await panel.getByText('Changed: segment').first().waitFor();
  const items = panel.getByRole('listitem');
  await expect(items.first().textContent()).resolves.toContain('update');
  await expect(items.first().textContent()).resolves.toContain('Ada Admin');
  await expect(items.count()).resolves.toBeLessThanOrEqual(10);
  await shot(page, 'audit-05-history-panel');

  // No history in the create view.
  await page.goto(`${app.baseUrl}${CUSTOMERS}/create`);
  await page.locator('input[name="name"]').waitFor();
  await page.getByRole('heading', { name: 'Create an entry' }).waitFor();
  expect(await page.getByRole('list', { name: 'Audit history' }).count()).toBe(0);
});

test('the approver opens the audit trail; sales has no menu link and no access', async () => {
  const approver = await loginAs(app, 'approver@demo.local');
  await approver.getByRole('link', { name: 'Audit trail' }).first().click();
  await approver.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
  await eventRow(approver, edited!.documentId, 'update').waitFor();
  await shot(approver, 'audit-06-approver-trail');

  const sales = await loginAs(app, 'sales@demo.local');
  // The plugin links of the main menu are shown together, once every permission is checked.
  await sales.getByRole('link', { name: 'Content Manager' }).first().waitFor();
  expect(await sales.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
  await sales.goto(`${app.baseUrl}${AUDIT}`);
  await sales.getByText("You don't have the permissions to access that content").waitFor();
  expect(await sales.locator('tbody tr').count()).toBe(0);
  await shot(sales, 'audit-07-sales-no-access');
  // Nor does sales see the History panel in an edit view.
  await sales.goto(`${app.baseUrl}${CUSTOMERS}/${edited!.documentId}`);
  await sales.locator('input[name="segment"]').waitFor();
  await sales.waitForLoadState('networkidle');
  expect(await sales.getByRole('list', { name: 'Audit history' }).count()).toBe(0);
});

test('sales granted the audit trail sees that credit and bank fields changed, not their values', async () => {
  // Last in this file: it grants the demo Sales role `audit.read`.
  const roles = app.strapi.service('admin::role') as any;
  const salesRole = await roles.findOne({ code: 'sales' });
  await roles.addPermissions(salesRole.id, [{ action: 'plugin::master-data.audit.read', subject: null, properties: {}, conditions: [] }]);
  const customer = await app.strapi.documents(CUSTOMER).findFirst({ filters: { creditLimit: { $notNull: true } }, status: 'draft' });
  const creditLimit = String(customer!.creditLimit);

  const sales = await loginAs(app, 'sales@demo.local');
  await sales.goto(`${app.baseUrl}${CUSTOMERS}/${customer!.documentId}`);
  const panel = sales.getByRole('list', { name: 'Audit history' });
  await panel.getByText(/creditLimit \(restricted\)/).first().waitFor();

  await sales.goto(`${app.baseUrl}${AUDIT}?documentId=${customer!.documentId}`);
  await eventRow(sales, customer!.documentId, 'create').click();
  const dialog = sales.getByRole('dialog');
  await dialog.getByRole('heading', { name: /^Audit event #\d+$/ }).waitFor();
  const credit = dialog.getByRole('row').filter({ has: sales.getByText('creditLimit', { exact: true }) });
  await expect(credit.textContent()).resolves.toContain('Not shown: your role may not read this field');
  const name = dialog.getByRole('row').filter({ has: sales.getByText('name', { exact: true }) });
  await expect(name.textContent()).resolves.toContain(customer!.name as string);
  const text = (await dialog.textContent()) ?? '';
  expect(text).not.toContain(creditLimit);
  await credit.scrollIntoViewIfNeeded();
  await settled(sales, 'body');
  await shot(sales, 'audit-08-sales-restricted-values');
});
