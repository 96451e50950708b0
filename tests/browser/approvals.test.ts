import type { Page } from 'playwright-core';
import { startBrowserApp, loginAs, shot, type BrowserApp } from './harness';

const CUSTOMER = 'api::customer.customer';
const CUSTOMERS = `/admin/content-manager/collection-types/${CUSTOMER}`;
const APPROVALS = '/admin/plugins/master-data/approvals';
// Demo roles (src/roles/definitions.ts): the steward reads change requests; approver and finance approve them.
const ADMIN = 'admin@demo.local';
const STEWARD = 'steward@demo.local';
const APPROVER = 'approver@demo.local';
const FINANCE = 'finance@demo.local';
let app: BrowserApp;
/** Records the tests submitted changes for: each test takes a record of its own. */
const used: string[] = [];

beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.stop();
});

type Customer = { documentId: string; name: string; creditLimit: number | string | null; paymentTerms: string | null };

/** A published customer whose credit limit is below the large-credit-limit threshold, not merged, not in `skip`. */
const publishedCustomer = async (skip: string[] = []): Promise<Customer> => {
  const customer = await app.strapi.documents(CUSTOMER).findFirst({
    filters: { creditLimit: { $lt: 1000000 }, lifecycleStage: { $ne: 'merged' }, documentId: { $notIn: skip.length ? skip : ['-'] } },
    status: 'published',
  } as any);
  expect(customer).toBeTruthy();
  return customer as unknown as Customer;
};

const published = async (documentId: string) => (await app.strapi.documents(CUSTOMER).findOne({ documentId, status: 'published' } as any)) as unknown as Customer;

/** Waits for the CSS animations on the page (a notification's fade-in) to finish or be cancelled, for a clean screenshot. */
const settled = (page: Page) =>
  page.locator('body').evaluate((el) => Promise.allSettled(el.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => undefined));

/** The edit view's "Approval" side panel. */
const approvalPanel = (page: Page) => page.getByRole('region', { name: 'Approval', exact: true });

/**
 * As `email`, in the record's edit view: sets the fields (draft save, free), then submits the draft
 * for approval through the Publish button, which the panel's preview relabels. Returns the page and
 * the id of the change request the panel links to.
 */
const submitChange = async (email: string, documentId: string, fields: Record<string, string>, name: string) => {
  const page = await loginAs(app, email);
  await page.goto(`${app.baseUrl}${CUSTOMERS}/${documentId}`);
  await page.locator('input[name="name"]').waitFor();
  await approvalPanel(page).getByText('No change request is open for this record.').waitFor({ timeout: 30000 });
  for (const [field, value] of Object.entries(fields)) await page.locator(`input[name="${field}"]`).fill(value);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved document').first().waitFor({ timeout: 30000 });
  // The stored draft now differs from the golden record in a governed field: Publish reads "Submit for approval".
  const submit = page.getByRole('button', { name: 'Submit for approval' });
  await submit.waitFor({ timeout: 30000 });
  expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
  await approvalPanel(page).getByText(/Publishing the draft needs approval/).waitFor();
  await shot(page, `${name}-submit`);

  await submit.click();
  await page.getByText('Submitted for approval').first().waitFor({ timeout: 30000 });
  const link = approvalPanel(page).getByRole('link', { name: 'Open the change request' });
  await link.waitFor({ timeout: 30000 });
  const href = (await link.getAttribute('href')) ?? '';
  const id = Number(/\/approvals\/(\d+)$/.exec(href)?.[1]);
  expect(id).toBeGreaterThan(0);
  return { page, id, link };
};

/** The change request's page, as the given page's user. */
const openRequest = async (page: Page, id: number) => {
  await page.goto(`${app.baseUrl}${APPROVALS}/${id}`);
  await page.getByRole('heading', { name: `Change request #${id}`, level: 1 }).waitFor({ timeout: 30000 });
};

const step = (page: Page, index: number) => page.locator(`[data-step="${index}"]`);

test('a credit limit of 2,000,000 is submitted from the edit view, approved by an approver, then by finance, and goes live', async () => {
  const customer = await publishedCustomer();
  used.push(customer.documentId);
  const before = Number(customer.creditLimit);

  // The steward raises the credit limit: the draft is saved, the publish becomes a change request.
  const { page: steward, id, link } = await submitChange(STEWARD, customer.documentId, { creditLimit: '2000000' }, 'approvals-01');
  const panel = approvalPanel(steward);
  await panel.getByText(`#${id} Update`).waitFor();
  await panel.locator('[data-step="0"][data-step-status="current"]').waitFor();
  await expect(panel.textContent()).resolves.toContain('Changed: creditLimit');
  await settled(steward);
  await shot(steward, 'approvals-02-submitted');
  // The golden record is untouched until the last approval.
  expect(Number((await published(customer.documentId)).creditLimit)).toBe(before);

  // The steward may not approve (no approve permission, and four-eyes): the buttons are disabled and the page says why.
  await link.click();
  await steward.getByRole('heading', { name: `Change request #${id}`, level: 1 }).waitFor();
  await expect(steward.getByRole('button', { name: 'Approve', exact: true }).isDisabled()).resolves.toBe(true);
  await expect(steward.getByRole('button', { name: 'Reject', exact: true }).isDisabled()).resolves.toBe(true);
  await steward.getByRole('button', { name: 'Withdraw', exact: true }).waitFor();
  const why = steward.getByRole('note', { name: 'Why you cannot approve' });
  await expect(why.textContent()).resolves.toMatch(/four-eyes|may not approve/i);
  await settled(steward);
  await shot(steward, 'approvals-03-steward-cannot-approve');

  // The approver finds it under "Waiting for me" and opens it.
  const approver = await loginAs(app, APPROVER);
  await approver.getByRole('link', { name: 'Approvals' }).first().click();
  await approver.waitForURL((url) => url.pathname === APPROVALS);
  await approver.getByRole('heading', { name: 'Approvals', level: 1 }).waitFor();
  await expect(approver.getByRole('tab', { name: /Waiting for me/ }).getAttribute('aria-selected')).resolves.toBe('true');
  const row = approver.locator(`tr[data-request="${id}"]`);
  await row.waitFor({ timeout: 30000 });
  const rowText = (await row.textContent()) ?? '';
  expect(rowText).toContain(customer.name);
  expect(rowText).toContain('creditLimit');
  expect(rowText).toContain('Sam Steward');
  expect(rowText).toContain('Step 1 of 2: Approval (0 of 1)');
  expect(Number(await approver.locator('[data-count="approvable"]').textContent())).toBeGreaterThanOrEqual(1);
  await shot(approver, 'approvals-04-queue');

  await row.click();
  await approver.getByRole('heading', { name: `Change request #${id}`, level: 1 }).waitFor();
  // The diff: the published limit before, 2,000,000 after.
  const diff = approver.locator('tr[data-field="creditLimit"]');
  await expect(diff.locator('[data-side="after"]').textContent()).resolves.toMatch(/2[,.\u202f\u00a0]?000[,.\u202f\u00a0]?000/);
  expect((await diff.locator('[data-side="before"]').textContent())?.replace(/\D/g, '')).toBe(String(before));
  await expect(step(approver, 0).textContent()).resolves.toContain('0 of 1');
  await expect(step(approver, 1).textContent()).resolves.toContain('Finance');
  expect(await approver.getByRole('note', { name: 'Why you cannot approve' }).count()).toBe(0);
  await shot(approver, 'approvals-05-request');

  await approver.getByRole('button', { name: 'Approve', exact: true }).click();
  await approver.getByText('Approved', { exact: true }).first().waitFor({ timeout: 30000 });
  await approver.locator('[data-step="0"][data-step-status="done"]').waitFor();
  await approver.locator('[data-step="1"][data-step-status="current"]').waitFor();
  await expect(step(approver, 0).textContent()).resolves.toContain('Alex Approver');
  // The next step is Finance's: the approver may not approve it (the server's reason is shown).
  await expect(approver.getByRole('button', { name: 'Approve', exact: true }).isDisabled()).resolves.toBe(true);
  await approver.getByRole('note', { name: 'Why you cannot approve' }).waitFor();
  expect(Number((await published(customer.documentId)).creditLimit)).toBe(before);
  await settled(approver);
  await shot(approver, 'approvals-06-first-step-approved');

  // Finance signs off the last step: the change is applied.
  const finance = await loginAs(app, FINANCE);
  await openRequest(finance, id);
  await finance.getByRole('button', { name: 'Approve', exact: true }).click();
  await finance.getByText('Applied', { exact: true }).first().waitFor({ timeout: 30000 });
  await finance.locator('[data-status="applied"]').first().waitFor();
  await finance.locator('[data-step="1"][data-step-status="done"]').waitFor();
  expect(await finance.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
  await settled(finance);
  await shot(finance, 'approvals-07-applied');

  expect(Number((await published(customer.documentId)).creditLimit)).toBe(2000000);

  // Back in the edit view, the panel has no open request and the button reads Publish again.
  await steward.goto(`${app.baseUrl}${CUSTOMERS}/${customer.documentId}`);
  await approvalPanel(steward).getByText('No change request is open for this record.').waitFor({ timeout: 30000 });
  await steward.getByRole('button', { name: 'Publish', exact: true }).waitFor();
});

test('four-eyes keeps a maker who could approve from approving; an approver rejects the change with a comment', async () => {
  const customer = await publishedCustomer(used);
  used.push(customer.documentId);
  const terms = `Net 45 ${Date.now() % 1000}`;

  // A Super Admin may approve any step, but not a change they submitted.
  const { page: maker, id, link } = await submitChange(ADMIN, customer.documentId, { paymentTerms: terms }, 'approvals-08');
  await link.click();
  await maker.getByRole('heading', { name: `Change request #${id}`, level: 1 }).waitFor();
  await expect(maker.getByRole('button', { name: 'Approve', exact: true }).isDisabled()).resolves.toBe(true);
  await expect(maker.getByRole('button', { name: 'Reject', exact: true }).isDisabled()).resolves.toBe(true);
  await expect(maker.getByRole('note', { name: 'Why you cannot approve' }).textContent()).resolves.toMatch(/four-eyes/i);
  await maker.getByRole('button', { name: 'Withdraw', exact: true }).waitFor();
  await settled(maker);
  await shot(maker, 'approvals-09-maker-four-eyes');
  await maker.close();

  const approver = await loginAs(app, APPROVER);
  await openRequest(approver, id);
  await expect(approver.locator('tr[data-field="paymentTerms"] [data-side="after"]').textContent()).resolves.toContain(terms);
  await approver.getByRole('button', { name: 'Reject', exact: true }).click();
  const dialog = approver.getByRole('dialog');
  await dialog.getByRole('heading', { name: `Reject change request #${id}` }).waitFor();
  const confirm = dialog.getByRole('button', { name: 'Reject', exact: true });
  // A rejection needs a comment.
  await expect(confirm.isDisabled()).resolves.toBe(true);
  const comment = 'Payment terms follow the signed contract: keep Net 30.';
  await dialog.getByRole('textbox').fill(comment);
  await expect(confirm.isDisabled()).resolves.toBe(false);
  await settled(approver);
  await shot(approver, 'approvals-10-reject-dialog');
  await confirm.click();
  await approver.getByText('Rejected', { exact: true }).first().waitFor({ timeout: 30000 });
  await approver.locator('[data-status="rejected"]').first().waitFor();
  const rejection = approver.getByRole('list', { name: 'Comments' }).locator('[data-kind="reject"]');
  await expect(rejection.textContent()).resolves.toContain(comment);
  await expect(rejection.textContent()).resolves.toContain('Alex Approver');
  expect(await approver.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
  await rejection.scrollIntoViewIfNeeded();
  await settled(approver);
  await shot(approver, 'approvals-11-rejected');

  expect((await published(customer.documentId)).paymentTerms).toBe(customer.paymentTerms);

  // The maker finds it under "Submitted by me", filtered to rejected requests.
  const again = await loginAs(app, ADMIN);
  await again.goto(`${app.baseUrl}${APPROVALS}?tab=mine&status=rejected`);
  await again.locator(`tr[data-request="${id}"]`).waitFor({ timeout: 30000 });
  await expect(again.locator(`tr[data-request="${id}"]`).textContent()).resolves.toContain('Rejected');
  await shot(again, 'approvals-12-mine-rejected');
});

test("an approver's page that is out of date: an amendment, then a withdrawal by the maker, are refused with the server's message", async () => {
  const customer = await publishedCustomer(used);
  used.push(customer.documentId);
  const terms = `Net 60 ${Date.now() % 1000}`;

  const { page: steward, id, link } = await submitChange(STEWARD, customer.documentId, { paymentTerms: terms }, 'approvals-13');
  const approver = await loginAs(app, APPROVER);
  await openRequest(approver, id);
  await expect(approver.getByRole('button', { name: 'Approve', exact: true }).isDisabled()).resolves.toBe(false);

  // The maker changes the draft again: the request is amended (a new round).
  const amended = `${terms} EOM`;
  await steward.locator('input[name="paymentTerms"]').fill(amended);
  await steward.getByRole('button', { name: 'Save' }).click();
  await steward.getByText('Saved document').first().waitFor({ timeout: 30000 });

  // The approver decides on what they loaded: refused (409), told why; the page shows the amended change.
  await approver.getByRole('button', { name: 'Approve', exact: true }).click();
  await approver.getByText(/was amended since you loaded it/).first().waitFor({ timeout: 30000 });
  await approver.locator('tr[data-field="paymentTerms"] [data-side="after"]').getByText(amended).waitFor({ timeout: 30000 });
  await settled(approver);
  await shot(approver, 'approvals-14-refused-amended');
  expect((await published(customer.documentId)).paymentTerms).toBe(customer.paymentTerms);

  // The maker withdraws it from the request page.
  await link.click();
  await steward.getByRole('heading', { name: `Change request #${id}`, level: 1 }).waitFor();
  await steward.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await steward.getByText('Withdrawn', { exact: true }).first().waitFor({ timeout: 30000 });
  await steward.locator('[data-status="withdrawn"]').first().waitFor();
  expect(await steward.getByRole('button', { name: 'Withdraw', exact: true }).count()).toBe(0);

  // The approver's page is out of date again: the server refuses (409) and says why; the page reloads.
  await approver.getByRole('button', { name: 'Approve', exact: true }).click();
  await approver.getByText(/This change request is withdrawn/).first().waitFor({ timeout: 30000 });
  await approver.locator('[data-status="withdrawn"]').first().waitFor({ timeout: 30000 });
  expect(await approver.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
  await settled(approver);
  await shot(approver, 'approvals-15-refused-withdrawn');

  expect((await published(customer.documentId)).paymentTerms).toBe(customer.paymentTerms);
});
