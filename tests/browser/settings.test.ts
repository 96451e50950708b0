/**
 * Issue 12 in the browser: a business admin makes a Supplier type in the Content-Type Builder (the
 * app runs in development mode, see ./develop.ts), governs it from Settings → Master data with a
 * tax id rule, matching on name + tax id and an approval policy, tries a record in the "try a record"
 * box, saves with a reason; the Content Manager then refuses a bad tax id and blocks a duplicate.
 * A bad regular expression is refused beside its field; an earlier version is restored from History;
 * the settings are exported and an edited file imported.
 * The tests run in order and build on each other.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { loginAs, shot } from './harness';
import { startDevelopApp, type DevelopApp } from './develop';

const SUPPLIER = 'api::supplier.supplier';
const SUPPLIERS = `/admin/content-manager/collection-types/${SUPPLIER}`;
const SETTINGS = '/admin/settings/master-data';
const ADMIN = 'admin@demo.local';
/** A supplier made before Supplier is governed; DE136695976 is a valid German VAT number. */
const ACME = { name: 'Acme Metals GmbH', taxId: 'DE136695976', country: 'DE', city: 'Berlin' };

let app: DevelopApp;
let page: Page;

beforeAll(async () => {
  app = await startDevelopApp();
  page = await loginAs(app, ADMIN);
  // Long settings pages: a tall window, so a screenshot shows a whole section.
  await page.setViewportSize({ width: 1440, height: 1800 });
}, 600_000);
afterEach(async () => {
  // The page as each test left it (on a failure: where it stopped).
  await shot(page, `settings-last-${(expect.getState().currentTestName ?? 'test').slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
});
afterAll(async () => {
  await app?.stop();
});

/** Waits for the CSS animations on the page to finish, for a clean screenshot. */
const settled = (p: Page) => p.locator('body').evaluate((el) => Promise.allSettled(el.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => undefined));

/** Picks an option of a design-system select. */
const choose = async (combobox: Locator, option: string) => {
  await combobox.click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

const openSettings = async (path: string, heading: string) => {
  await page.goto(`${app.baseUrl}${SETTINGS}/${path}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: 30000 });
};

/** Save in the header: the server checks the settings and says what changes; saved with the reason. */
const saveSettings = async (reason: string, screenshot: string, expectRows: RegExp[]) => {
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Save the settings' });
  await dialog.waitFor({ timeout: 30000 });
  const changes = await dialog.getByRole('region', { name: 'What will change' }).textContent();
  for (const row of expectRows) expect(changes).toMatch(row);
  await dialog.getByRole('textbox').fill(reason);
  await settled(page);
  await shot(page, screenshot);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Settings saved: they apply now, on every instance.').first().waitFor({ timeout: 30000 });
  await dialog.waitFor({ state: 'hidden' });
};

const supplierRows = (name: string) =>
  app
    .db('suppliers')
    .where({ name })
    .count({ n: '*' })
    .then(([row]) => Number(row.n));

/** Fills a new supplier in the Content Manager and saves it (a draft: Supplier has draft & publish). */
const createSupplier = async (values: Record<string, string>) => {
  await page.goto(`${app.baseUrl}${SUPPLIERS}/create`);
  await page.locator('input[name="name"]').waitFor({ timeout: 30000 });
  for (const [field, value] of Object.entries(values)) await page.locator(`input[name="${field}"]`).fill(value);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
};

test('the business admin makes a Supplier type in the Content-Type Builder; the server restarts with it', async () => {
  await page.goto(`${app.baseUrl}/admin/plugins/content-type-builder`);
  const skip = page.getByRole('button', { name: 'Skip' });
  // The builder's first-visit tour.
  await skip.click({ timeout: 15000 }).catch(() => undefined);
  await page.getByRole('button', { name: 'Create new collection type' }).click();
  const create = page.getByRole('dialog', { name: 'Create a collection type' });
  await create.getByRole('textbox', { name: 'Display name' }).fill('Supplier');
  await create.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Add new field' }).last().click();
  for (const [index, field] of ['name', 'taxId', 'country', 'city'].entries()) {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^Text Small or long text/ }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill(field);
    await dialog.getByRole('button', { name: index === 3 ? 'Finish' : 'Add another field' }).click();
  }
  await page.getByRole('heading', { name: 'Supplier', level: 1 }).waitFor();
  await shot(page, 'settings-01-content-type-builder');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // Development mode: the schema files are written, the server compiles them and restarts (minutes
  // on a busy two-core machine).
  await app.restarted();
  await page.goto(`${app.baseUrl}${SUPPLIERS}`);
  await page.getByRole('heading', { name: 'Supplier', level: 1 }).waitFor({ timeout: 60000 });

  // Before governance anything goes: a supplier is made as the builder left the type.
  await createSupplier(ACME);
  await page.getByText('Saved document').first().waitFor({ timeout: 30000 });
  expect(await supplierRows(ACME.name)).toBe(1);
}, 600_000);

test('Supplier is governed from Governed types: a tax id rule; a regular expression that could take exponential time is refused beside its field', async () => {
  await openSettings('governance', 'Governed types');
  // The first governed type is open: Customer, its country a picker (a custom field storing a text code) with its rule.
  const customer = page.getByRole('region', { name: 'Customer' });
  await expect(customer.getByRole('combobox', { name: 'Rule of country' }).textContent()).resolves.toMatch(/^Country/);
  await customer.locator('tr[data-field="contacts.phone"]').waitFor();
  await page.getByRole('button', { name: 'Govern a content type' }).click();
  const govern = page.getByRole('dialog', { name: 'Govern a content type' });
  await choose(govern.getByRole('combobox', { name: 'Content type' }), `Supplier (${SUPPLIER})`);
  await govern.getByRole('button', { name: 'Govern' }).click();
  await page.locator(`tr[data-type="${SUPPLIER}"]`).getByText('not saved').waitFor();
  const rules = page.getByRole('region', { name: 'Supplier' });
  await rules.locator('tr[data-field="taxId"]').waitFor();

  await choose(rules.getByRole('combobox', { name: 'Rule of name' }), 'Name');
  await choose(rules.getByRole('combobox', { name: 'Rule of taxId' }), 'Tax id');
  await choose(rules.getByRole('combobox', { name: 'Rule of country' }), 'Country');
  // The tax id reads the record's country (the field named country, by default).
  await expect(rules.getByRole('combobox', { name: 'Country field of taxId' }).textContent()).resolves.toContain('country');

  // A pattern on the city with nested repetition: the browser finds the sample matches, the server refuses it.
  await rules.getByRole('button', { name: 'Checks of city' }).click();
  const checks = page.getByRole('dialog', { name: 'Checks of city' });
  await checks.getByRole('textbox', { name: 'Regular expression' }).fill('^(\\w+\\s?)*$');
  await checks.getByRole('textbox', { name: 'Sample value' }).fill('Berlin');
  await checks.getByText('The sample matches the pattern.').waitFor();
  await checks.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  const refused = rules.locator('[data-error-for="city.pattern"]');
  await refused.waitFor({ timeout: 30000 });
  await expect(refused.textContent()).resolves.toMatch(/exponential time/);
  await page.getByRole('list', { name: 'Refused settings' }).getByText('Supplier › fields › city › pattern').waitFor();
  await refused.scrollIntoViewIfNeeded();
  await settled(page);
  await shot(page, 'settings-02-pattern-refused-beside-field');

  // Fixed in the dialog, where the server's message stands beside the pattern.
  await rules.getByRole('button', { name: 'Checks of city' }).click();
  await checks.getByText(/exponential time/).waitFor();
  await checks.getByRole('textbox', { name: 'Regular expression' }).fill('^\\p{Lu}');
  await checks.getByRole('textbox', { name: 'Message when a value does not match' }).fill('starts with a capital letter');
  await checks.getByRole('button', { name: 'Apply' }).click();
  await expect(rules.locator('tr[data-field="city"]').textContent()).resolves.toContain('pattern ^\\p{Lu}');
  // The server's message goes once the pattern is edited (the next check says again if need be).
  await refused.waitFor({ state: 'detached' });
  await rules.locator('tr[data-field="taxId"]').scrollIntoViewIfNeeded();
  await shot(page, 'settings-03-supplier-rules');
});

test('matching on name and tax id, tried on a record under the settings not saved yet; an approval policy', async () => {
  await page.getByRole('link', { name: 'Matching' }).click();
  await page.getByRole('heading', { name: 'Matching', level: 1 }).waitFor();
  // The type chosen on Governed types stays chosen.
  await expect(page.getByRole('combobox', { name: 'Content type' }).textContent()).resolves.toContain('Supplier');
  await page.getByLabel('Match Supplier records for duplicates').click();
  const fields = page.getByRole('region', { name: 'Fields used' });
  // Switched on with the attributes of the same names: name, taxId, country (which qualifies the tax id), city.
  await expect(fields.getByRole('combobox', { name: 'Tax id' }).textContent()).resolves.toContain('taxId');
  await fields.getByRole('button', { name: 'Do not compare city' }).click();
  expect(await fields.getByRole('combobox', { name: 'City' }).textContent()).not.toContain('city');

  const tryBox = page.getByRole('region', { name: 'Try a record' });
  await tryBox.getByText('Matched under the settings as edited on these pages, not saved yet.').waitFor();
  await tryBox.getByRole('textbox', { name: 'name' }).fill('ACME Metals');
  await tryBox.getByRole('textbox', { name: 'taxId' }).fill('DE 136 695 976');
  await tryBox.getByRole('textbox', { name: 'country' }).fill('DE');
  await tryBox.getByRole('button', { name: 'Try' }).click();
  const result = tryBox.getByRole('region', { name: 'Match result' });
  await result.waitFor({ timeout: 30000 });
  // Not saved yet: Acme (made before governance) has no match keys, and the box says so.
  await result.locator('[data-try-decision="allow"]').waitFor();
  await result.getByText(/stored records are compared by the keys they have now; saving rebuilds them/).waitFor();
  await tryBox.scrollIntoViewIfNeeded();
  await settled(page);
  await shot(page, 'settings-04-try-before-saving');

  await page.getByRole('link', { name: 'Approval policies' }).click();
  await page.getByRole('heading', { name: 'Approval policies', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Add a policy' }).click();
  const policy = page.getByRole('region', { name: 'Policy policy-1' });
  await policy.getByRole('textbox', { name: 'Policy name' }).fill('supplier-tax-id');
  const named = page.getByRole('region', { name: 'Policy supplier-tax-id' });
  await choose(named.getByRole('combobox', { name: 'When one of these fields changes' }), 'taxId');
  await page.keyboard.press('Escape');
  await choose(named.getByRole('combobox', { name: 'Approved by holders of' }), 'Approver');
  await page.keyboard.press('Escape');
  await settled(page);
  await shot(page, 'settings-05-approval-policy');
});

test('one Save shows what changes, asks why, applies at once and rebuilds the match keys with visible progress', async () => {
  await saveSettings('Govern suppliers: tax id rule, matching on name and tax id', 'settings-06-save-diff', [
    /Supplier › fields › taxId › type/,
    /Supplier › matching › fields › taxId/,
    /Supplier › approvals › policies › supplier-tax-id › fields/,
  ]);
  // Supplier records made before were keyed in the background; the page says when it is done.
  const job = page.locator('[data-job-status="done"]');
  await job.waitFor({ timeout: 60000 });
  await expect(job.textContent()).resolves.toBe('Match keys for Supplier rebuilt (1 record)');
  await expect(page.getByText(/In force: version 1, saved by/).textContent()).resolves.toBeTruthy();
  await settled(page);
  await shot(page, 'settings-07-saved-keys-rebuilt');

  await page.getByRole('link', { name: 'Matching' }).click();
  const tryBox = page.getByRole('region', { name: 'Try a record' });
  await tryBox.getByText('Matched under the settings in force.').waitFor();
  await tryBox.getByRole('textbox', { name: 'name' }).fill('ACME Metals');
  await tryBox.getByRole('textbox', { name: 'taxId' }).fill('DE 136 695 976');
  await tryBox.getByRole('textbox', { name: 'country' }).fill('DE');
  await tryBox.getByRole('button', { name: 'Try' }).click();
  const result = tryBox.getByRole('region', { name: 'Match result' });
  await result.locator('[data-try-decision="block"]').waitFor({ timeout: 30000 });
  const candidate = result.locator('[data-decision="block"]').first();
  await expect(candidate.textContent()).resolves.toContain(ACME.name);
  const reasons = (await candidate.textContent()) ?? '';
  expect(reasons).toMatch(/taxId\s*exact\s*same/);
  await tryBox.scrollIntoViewIfNeeded();
  await settled(page);
  await shot(page, 'settings-08-try-blocked');
});

test('the Content Manager refuses a bad tax id and blocks a duplicate, without a restart', async () => {
  await createSupplier({ name: 'Bad Tax Ltd', taxId: 'DE136695977', country: 'DE', city: 'Hamburg' });
  await page
    .getByText(/"DE136695977" is not a valid DE tax number/)
    .first()
    .waitFor({ timeout: 30000 });
  await settled(page);
  await shot(page, 'settings-09-bad-tax-id-refused');
  expect(await supplierRows('Bad Tax Ltd')).toBe(0);

  await createSupplier({ name: 'ACME Metals', taxId: 'DE 136 695 976', country: 'DE', city: 'Berlin' });
  // Refused with 409: the notification names the record it duplicates and why.
  await page
    .getByText(/^Duplicate of \w+: .*taxId same/)
    .first()
    .waitFor({ timeout: 30000 });
  await settled(page);
  await shot(page, 'settings-10-duplicate-blocked');
  expect(await supplierRows('ACME Metals')).toBe(0);
});

test('History: a later change is rolled back to the earlier version with a reason', async () => {
  // A second version: the tax id check paused.
  await openSettings('governance', 'Governed types');
  await page.locator(`tr[data-type="${SUPPLIER}"]`).click();
  const rules = page.getByRole('region', { name: 'Supplier' });
  await rules.getByRole('combobox', { name: 'Rule of taxId' }).waitFor();
  await rules.locator('tr[data-field="taxId"]').getByRole('button', { name: 'No rule' }).click();
  await saveSettings('Pause the tax id check', 'settings-11-save-pause', [/Supplier › fields › taxId › type/]);

  await page.getByRole('link', { name: 'Settings history' }).click();
  await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
  await page.locator('tr[data-version="2"]').getByText('in force').waitFor({ timeout: 30000 });
  await expect(page.locator('tr[data-version="1"]').textContent()).resolves.toContain('Govern suppliers');
  await page.locator('tr[data-version="1"]').click();
  const dialog = page.getByRole('dialog', { name: 'Settings version #1' });
  const changes = dialog.getByRole('region', { name: 'Changes of this version' });
  await changes.waitFor({ timeout: 30000 });
  await expect(changes.textContent()).resolves.toMatch(/Supplier › fields › taxId › type/);
  await dialog.getByRole('textbox').fill('Back to the tax id check: suppliers must carry a valid VAT number');
  await settled(page);
  await shot(page, 'settings-12-restore-version-1');
  await dialog.getByRole('button', { name: 'Restore this version' }).click();
  await page.getByText('Version 1 restored as a new version: it applies now.').first().waitFor({ timeout: 30000 });
  await page.locator('tr[data-version="3"]').getByText('in force').waitFor({ timeout: 30000 });
  await expect(page.locator('tr[data-version="3"]').textContent()).resolves.toContain('restores #1');
  await settled(page);
  await shot(page, 'settings-13-history');

  // The restored rule applies again.
  await createSupplier({ name: 'Bad Tax Ltd', taxId: 'DE136695977', country: 'DE', city: 'Hamburg' });
  await page
    .getByText(/"DE136695977" is not a valid DE tax number/)
    .first()
    .waitFor({ timeout: 30000 });
  expect(await supplierRows('Bad Tax Ltd')).toBe(0);
});

test('export the settings as JSON; import an edited file: its changes are shown, then saved with a reason', async () => {
  await openSettings('history', 'History');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^master-data-settings-v3-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  expect(exported.governed[SUPPLIER].fields.taxId).toEqual({ type: 'taxId' });

  // As if tuned on staging: the review threshold of suppliers raised.
  exported.governed[SUPPLIER].matching.thresholds.review = 0.6;
  const file = path.join(app.dir, 'staging-settings.json');
  fs.writeFileSync(file, JSON.stringify(exported, null, 2));
  await page.getByLabel('Settings file to import').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import settings' });
  const changes = dialog.getByRole('region', { name: 'What will change' });
  await changes.waitFor({ timeout: 30000 });
  await expect(changes.textContent()).resolves.toMatch(/Supplier › matching › thresholds › review\s*0\.5\s*0\.6/);
  await expect(dialog.getByRole('textbox').inputValue()).resolves.toBe('Import staging-settings.json');
  await settled(page);
  await shot(page, 'settings-14-import-diff');
  await dialog.getByRole('button', { name: 'Import and save' }).click();
  await page.getByText('staging-settings.json imported: the settings apply now.').first().waitFor({ timeout: 30000 });
  await page.locator('tr[data-version="4"]').getByText('in force').waitFor({ timeout: 30000 });
  await expect(page.locator('tr[data-version="4"]').textContent()).resolves.toContain('Import staging-settings.json');
  const [version] = await app.db('master_data_settings_versions').where({ id: 4 }).select('document');
  expect(JSON.parse(version.document).governed[SUPPLIER].matching.thresholds.review).toBe(0.6);
});
