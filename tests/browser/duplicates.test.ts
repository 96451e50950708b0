import type { Page } from 'playwright-core';
import { startBrowserApp, loginAs, pick, shot, type BrowserApp } from './harness';

const CUSTOMER = 'api::customer.customer';
const CUSTOMERS = `/admin/content-manager/collection-types/${CUSTOMER}`;
const DUPLICATES = '/admin/plugins/master-data/duplicates';
// The data steward holds duplicates.read and duplicates.manage (src/roles/definitions.ts).
const STEWARD = 'steward@demo.local';
let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.stop();
});

type Customer = { documentId: string; name: string; code: string; phone: string; city: string; country: string | null };

/** A seeded customer with a Latin name, a phone and a city, not merged: the original a near-duplicate copies. */
const seededCustomer = async (skip: string[] = []): Promise<Customer> => {
  const customer = await app.strapi.documents(CUSTOMER).findFirst({
    filters: {
      phone: { $notNull: true },
      city: { $notNull: true },
      country: { $in: ['DE', 'GB', 'US'] },
      lifecycleStage: { $ne: 'merged' },
      documentId: { $notIn: skip.length ? skip : ['-'] },
    },
    status: 'draft',
  } as any);
  expect(customer).toBeTruthy();
  return customer as unknown as Customer;
};

/** Waits for the CSS animations on the page (a notification's fade-in) to finish, for a clean screenshot. */
const settled = (page: Page) => page.locator('body').evaluate((el) => Promise.allSettled(el.getAnimations({ subtree: true }).map((a) => a.finished)));

/** The open review pair of two records (ordered a < b), from the database. */
const openPair = async (x: string, y: string) => {
  const [a, b] = x < y ? [x, y] : [y, x];
  return app.strapi.db.connection('master_data_match_pairs').where({ uid: CUSTOMER, a, b }).first();
};

/** The queue's row of the pair between the two named records. */
const pairRow = (page: Page, first: string, second: string) =>
  page.getByRole('row').filter({ hasText: first }).filter({ hasText: second }).first();

/**
 * Opens the Duplicates page through the menu and shows the pair's row; with many open pairs it may
 * be on a later page, so the page size goes up to 100 first.
 */
const showPairInQueue = async (page: Page, first: string, second: string) => {
  await page.getByRole('link', { name: 'Duplicates' }).first().click();
  await page.waitForURL((url) => url.pathname === DUPLICATES);
  await page.getByRole('heading', { name: 'Duplicates', level: 1 }).waitFor();
  await page.locator('tbody tr').first().waitFor({ timeout: 30000 });
  const row = pairRow(page, first, second);
  if ((await row.count()) === 0) {
    await page.goto(`${app.baseUrl}${DUPLICATES}?status=open&page=1&pageSize=100`);
    await page.locator('tbody tr').first().waitFor({ timeout: 30000 });
  }
  await row.waitFor({ timeout: 30000 });
  return row;
};

test('a near-duplicate saved in the Content Manager is listed in its edit view, queued, compared and merged into the original', async () => {
  const original = await seededCustomer();
  // The same phone and city, the name with one more word: similar, not the same (no tax id, so no block).
  const name = `${original.name} Trading`;

  const page = await loginAs(app, STEWARD);
  await page.goto(`${app.baseUrl}${CUSTOMERS}/create`);
  await page.getByRole('heading', { name: 'Create an entry' }).waitFor();
  await page.locator('input[name="name"]').fill(name);
  await page.locator('input[name="phone"]').fill(original.phone);
  await page.locator('input[name="city"]').fill(original.city);
  if (original.country) await pick(page, 'country', original.country, new RegExp(`^${original.country} — `));
  await page.getByRole('button', { name: 'Save' }).click();
  // The review band lets the write through: the create view turns into the new record's edit view.
  await page.getByText('Saved document').first().waitFor({ timeout: 30000 });
  await page.waitForURL((url) => /\/api::customer\.customer\/[a-z0-9]{20,}$/.test(url.pathname), { timeout: 30000 });
  const created = await app.strapi.documents(CUSTOMER).findFirst({ filters: { name }, status: 'draft' });
  expect(created).toBeTruthy();
  const duplicate = created!.documentId;
  expect(await openPair(original.documentId, duplicate)).toBeTruthy();

  // The edit view's "Potential duplicates" panel lists the original, with its score and decision.
  await page.goto(`${app.baseUrl}${CUSTOMERS}/${duplicate}`);
  await page.locator('input[name="name"]').waitFor();
  const panel = page.getByRole('list', { name: 'Potential duplicates' });
  const item = panel.getByRole('listitem').filter({ hasText: original.name }).first();
  await item.waitFor({ timeout: 30000 });
  const itemText = (await item.textContent()) ?? '';
  expect(itemText).toContain(original.code);
  expect(itemText).toMatch(/\d+%/);
  expect(itemText).toContain('review');
  expect(itemText).toContain('phone same');
  expect(itemText).toMatch(/name similar 0\.\d\d/);
  await item.getByRole('link', { name: original.name }).waitFor();
  await item.getByRole('link', { name: 'Compare and merge' }).waitFor();
  await item.scrollIntoViewIfNeeded();
  await shot(page, 'duplicates-01-panel');

  // The Duplicates page lists the pair: both records, the score, the decision and why.
  const row = await showPairInQueue(page, name, original.name);
  const rowText = (await row.textContent()) ?? '';
  expect(rowText).toContain(original.code);
  expect(rowText).toMatch(/\d+%/);
  expect(rowText).toContain('review');
  expect(rowText).toContain('phone same');
  await row.scrollIntoViewIfNeeded();
  await shot(page, 'duplicates-02-queue');

  // The comparison: one column a record, the differing name highlighted, every reason explained.
  await row.click();
  await page.waitForURL((url) => /\/plugins\/master-data\/duplicates\/\d+$/.test(url.pathname));
  await page.getByRole('heading', { name: /^Duplicate pair #\d+$/, level: 1 }).waitFor();
  const nameRow = page.locator('tr[data-field="name"]');
  await nameRow.waitFor();
  expect(await nameRow.getAttribute('data-differs')).toBe('true');
  await expect(nameRow.textContent()).resolves.toContain(name);
  await expect(nameRow.textContent()).resolves.toContain(original.name);
  expect(await page.locator('tr[data-field="phone"]').getAttribute('data-differs')).toBe('false');
  const reasons = page.getByRole('row').filter({ has: page.getByText('jaro-winkler/dice', { exact: true }) });
  await expect(reasons.first().textContent()).resolves.toMatch(/name.*similar.*0\.\d\d.*\+0\.\d\d/);
  // The survivor is the original; the name keeps its value (the radio defaults to the survivor's).
  const letter = (await openPair(original.documentId, duplicate)).a === original.documentId ? 'A' : 'B';
  await page.getByRole('radio', { name: `Keep ${letter}` }).click();
  await expect(page.getByRole('radio', { name: `Keep ${letter}` }).getAttribute('aria-checked')).resolves.toBe('true');
  const nameChoice = page.getByRole('radiogroup', { name: 'Value of name' });
  await expect(nameChoice.getByRole('radio', { name: letter, exact: true }).getAttribute('aria-checked')).resolves.toBe('true');
  // The preview shows the name after the merge: the original's.
  await nameRow.locator('td').last().getByText(original.name, { exact: true }).waitFor({ timeout: 15000 });
  await shot(page, 'duplicates-03-compare');
  // Further down: the lists (united by the merge) and the explanation of the score.
  await page.getByRole('heading', { name: /^Why they match: \d+%$/ }).scrollIntoViewIfNeeded();
  await shot(page, 'duplicates-03b-explanation');

  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  // The notification, then what became of the pair: merged into the original, with a link to it and the way back.
  await page.getByText('Merged', { exact: true }).first().waitFor({ timeout: 30000 });
  const result = page.getByRole('status', { name: 'Merge result' });
  await result.getByText('Merged', { exact: true }).waitFor({ timeout: 30000 });
  await expect(result.textContent()).resolves.toContain(`${name} was merged into ${original.name}`);
  const survivorLink = result.getByRole('link', { name: /Open the survivor/ });
  expect(await survivorLink.getAttribute('href')).toBe(`${CUSTOMERS}/${original.documentId}`);
  await result.getByRole('button', { name: 'Unmerge' }).waitFor();
  expect(await page.getByRole('button', { name: 'Merge', exact: true }).count()).toBe(0);
  await settled(page);
  await shot(page, 'duplicates-04-merged');

  const merged = await app.strapi.documents(CUSTOMER).findOne({ documentId: duplicate, status: 'draft', populate: { mergedInto: { fields: ['documentId'] } } } as any);
  expect(merged!.lifecycleStage).toBe('merged');
  expect((merged as any).mergedInto?.documentId).toBe(original.documentId);
  const survivor = await app.strapi.documents(CUSTOMER).findOne({ documentId: original.documentId, status: 'draft' });
  expect(survivor!.name).toBe(original.name);
  expect(survivor!.lifecycleStage).not.toBe('merged');
  expect((await openPair(original.documentId, duplicate)).status).toBe('merged');

  // Unmerge restores both records and reopens the pair.
  await result.getByRole('button', { name: 'Unmerge' }).click();
  await page.getByText('Unmerged', { exact: true }).first().waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: 'Merge', exact: true }).waitFor();
  expect(await result.count()).toBe(0);
  const restored = await app.strapi.documents(CUSTOMER).findOne({ documentId: duplicate, status: 'draft', populate: { mergedInto: { fields: ['documentId'] } } } as any);
  expect(restored!.lifecycleStage).not.toBe('merged');
  expect((restored as any).mergedInto ?? null).toBeNull();
  expect((await openPair(original.documentId, duplicate)).status).toBe('open');

  // Merged again for good; the survivor link opens the original's edit view.
  await page.getByRole('radio', { name: `Keep ${letter}` }).click();
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await result.getByRole('link', { name: /Open the survivor/ }).click();
  await page.waitForURL((url) => url.pathname === `${CUSTOMERS}/${original.documentId}`);
  await page.locator('input[name="name"]').waitFor();
  const again = await app.strapi.documents(CUSTOMER).findOne({ documentId: duplicate, status: 'draft', populate: { mergedInto: { fields: ['documentId'] } } } as any);
  expect(again!.lifecycleStage).toBe('merged');
  expect((again as any).mergedInto?.documentId).toBe(original.documentId);
});

test('"Not a duplicate" takes the pair out of the open queue', async () => {
  // Leave out the record the first test merged into.
  const merges: { survivor: string }[] = await app.strapi.db.connection('master_data_merges').select('survivor');
  const original = await seededCustomer(merges.map((m) => m.survivor));
  const name = `${original.name} Services`;
  // Through the document service: the same governed write pipeline queues the pair.
  const created = await app.strapi.documents(CUSTOMER).create({
    data: { name, phone: original.phone, city: original.city, country: original.country, customerType: 'organization' } as any,
  });
  const duplicate = created.documentId;
  const pair = await openPair(original.documentId, duplicate);
  expect(pair).toBeTruthy();
  expect(pair.status).toBe('open');

  const page = await loginAs(app, STEWARD);
  const row = await showPairInQueue(page, name, original.name);
  await row.click();
  await page.getByRole('heading', { name: `Duplicate pair #${pair.id}`, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Not a duplicate' }).click();
  await page.getByText('Marked as not a duplicate').first().waitFor();
  // Back on the queue (open pairs): the pair is gone.
  await page.waitForURL((url) => url.pathname === DUPLICATES);
  await page.getByRole('heading', { name: 'Duplicates', level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  expect(await pairRow(page, name, original.name).count()).toBe(0);
  const resolved = await openPair(original.documentId, duplicate);
  expect(resolved.status).toBe('not-duplicate');
  expect(resolved.resolved_by).toBe(STEWARD);

  // It is listed under "Not a duplicate".
  await page.goto(`${app.baseUrl}${DUPLICATES}?status=not-duplicate&pageSize=100`);
  await pairRow(page, name, original.name).waitFor();
  await shot(page, 'duplicates-05-not-duplicate');
});
