/**
 * Settings → Master data → Webhooks, driven in the browser against the real server and a real HTTP
 * receiver on 127.0.0.1 (allowed by WEBHOOKS_ALLOWED_HOSTS for this app only): create an endpoint,
 * see its secret once and verify deliveries with it (standardwebhooks), send a test event and see
 * it delivered, see a failing delivery's attempts, replay it, replay all dead letters, see a
 * customer's change delivered and filter the log by its document id, re-sync, rotate the secret,
 * delete the endpoint. WEBHOOKS_RETRY_SCHEDULE=1: one retry a second after the first
 * attempt, then the delivery is dead-lettered (the default waits 5 s, then 5 min, ...).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { startBrowserApp, loginAs, shot, type BrowserApp } from './harness';

const WEBHOOKS = '/admin/settings/master-data/webhooks';
const CUSTOMER = 'api::customer.customer';
const ADMIN = 'admin@demo.local';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver that records every request and answers what `answer` says at that moment. */
const receiver = {
  server: null as http.Server | null,
  received: [] as Received[],
  answer: { status: 200, body: 'thanks' },
  url: '',
};

let app: BrowserApp;

beforeAll(async () => {
  receiver.server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      receiver.received.push({ headers: req.headers, body });
      res.writeHead(receiver.answer.status, { 'content-type': 'text/plain' });
      res.end(receiver.answer.body);
    });
  });
  await new Promise<void>((resolve) => receiver.server!.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks/customers`;
  app = await startBrowserApp({ env: { WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1', WEBHOOKS_RETRY_SCHEDULE: '1' } });
});

afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => receiver.server?.close(resolve));
});

/** Waits for the CSS animations on the page (a modal's fade-in, a notification) to end, for a clean screenshot. */
const settled = (page: Page) =>
  page.locator('body').evaluate((el) => Promise.allSettled(el.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => undefined));

/** The requests of one event (its webhook-id). */
const requestsOf = (eventId: string) => receiver.received.filter((r) => r.headers['webhook-id'] === eventId);

/** Verifies a request's Standard Webhooks signature with a secret, as a receiver would; throws if it does not verify. */
const verify = (secret: string, request: Received) =>
  new Webhook(secret).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  });

const waitFor = async (what: string, check: () => boolean, timeout = 30000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/**
 * Waits for the notifications to close (after their 4 s; a pointer resting on them holds them), so
 * they cover no link at the top of the page.
 */
const notificationsGone = async (page: Page) => {
  await page.mouse.move(700, 990);
  await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 30000 });
};

/** Sends a test event while the receiver fails; resolves to its webhook-id once the first attempt came in. */
const sendFailingTest = async (page: Page) => {
  const before = receiver.received.length;
  await page.getByRole('button', { name: 'Send test event' }).click();
  await waitFor('the failing attempt at the receiver', () => receiver.received.length > before);
  return String(receiver.received[before].headers['webhook-id']);
};

/** Chooses options of a design-system multi select, then closes it. */
const choose = async (page: Page, label: string, options: RegExp[]) => {
  await page.getByRole('combobox', { name: label }).click();
  for (const option of options) await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
};

test('an endpoint is created with its secret shown once, receives a signed test event, retries a failing delivery, which is replayed; dead letters are replayed; a customer change is delivered, found by its document id and re-synced; the endpoint is edited, its secret rotated, and it is deleted', async () => {
  const page = await loginAs(app, ADMIN);

  // Settings → Master data → Webhooks (the core "Webhooks" link of Global settings is another page).
  await page.goto(`${app.baseUrl}/admin/settings`);
  const link = page.locator(`a[href$="${WEBHOOKS}"]`);
  await expect(link.textContent()).resolves.toContain('Webhooks');
  await link.click();
  await page.waitForURL((url) => url.pathname === WEBHOOKS);
  await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
  await page.getByText('No webhook endpoints yet.').waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: 'Create endpoint' }).click();
  await page.getByRole('heading', { name: 'New webhook endpoint', level: 1 }).waitFor();

  // Saving without a URL or events: the form says what is missing, beside each field, and sends nothing.
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/master-data/webhooks') posts += 1;
  });
  await page.getByRole('button', { name: 'Save' }).click();
  const endpointSection = page.getByRole('region', { name: 'Endpoint', exact: true });
  await endpointSection.getByText('Enter the URL the events are sent to').waitFor();
  await page.getByRole('region', { name: 'What is sent' }).getByText('Choose at least one event').waitFor();
  expect(posts).toBe(0);

  // A cloud metadata address is refused by the server (SSRF guard): its 400 is shown beside the URL.
  await page.getByRole('textbox', { name: 'URL' }).fill('http://169.254.169.254/latest/meta-data');
  await page.getByRole('textbox', { name: 'Description' }).fill('ERP test receiver');
  await choose(page, 'Events', [/^customer\.\* /]);
  await page.getByRole('button', { name: 'Add a header' }).click();
  await page.getByRole('textbox', { name: 'Header 1 name' }).fill('X-Test-Run');
  await page.getByRole('textbox', { name: 'Header 1 value' }).fill('browser');
  const refused = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/master-data/webhooks');
  await page.getByRole('button', { name: 'Save' }).click();
  const refusal = await refused;
  expect(refusal.status()).toBe(400);
  const refusalBody = (await refusal.json()) as { error: { details: { errors: Array<{ path: string[]; message: string }> } } };
  const urlError = refusalBody.error.details.errors.find((e) => e.path.join('.') === 'url');
  expect(urlError).toBeTruthy();
  await endpointSection.getByText(urlError!.message, { exact: false }).first().waitFor();
  await settled(page);
  await shot(page, 'webhooks-01-url-refused');

  // The receiver on 127.0.0.1 is allowed: created (201), and the secret is shown once.
  await page.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
  const createdResponse = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/master-data/webhooks');
  await page.getByRole('button', { name: 'Save' }).click();
  expect((await createdResponse).status()).toBe(201);
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: 'Endpoint created: its signing secret' }).waitFor();
  await dialog.getByText('Copy the secret now: this is the only time it is shown.').waitFor();
  const secret = await dialog.locator('input[data-secret]').inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
  await dialog.getByRole('button', { name: 'Copy' }).waitFor();
  await settled(page);
  await shot(page, 'webhooks-02-secret-once');

  await dialog.getByRole('button', { name: 'I have stored the secret' }).click();
  await page.waitForURL((url) => /\/settings\/master-data\/webhooks\/\d+$/.test(url.pathname));
  const endpointId = Number(/(\d+)$/.exec(new URL(page.url()).pathname)![1]);
  await page.getByRole('heading', { name: 'ERP test receiver', level: 1 }).waitFor();
  const settings = page.getByRole('region', { name: 'Endpoint settings' });
  await settings.getByText('customer.*', { exact: true }).waitFor();
  await settings.getByText('X-Test-Run').waitFor();
  // Never again: not on the endpoint's page, not in what the API answers for it.
  await expect(page.content()).resolves.not.toContain(secret);
  const hint = await settings.getByText(/^whsec_/).textContent();
  expect(secret.startsWith((hint ?? '').replace(/…$/, ''))).toBe(true);
  await page.getByText('No deliveries yet. Send a test event to try the endpoint.').waitFor({ timeout: 30000 });

  // Send test event: the delivery lands at the receiver, signed with the secret shown, and the log shows it delivered.
  await page.getByRole('button', { name: 'Send test event' }).click();
  await page.getByText(/^Test event queued/).first().waitFor({ timeout: 30000 });
  const log = page.getByRole('region', { name: 'Delivery log' });
  const delivered = log.locator('tr[data-event-type="webhook.test"]').filter({ has: page.locator('[data-status="delivered"]') });
  await delivered.first().waitFor({ timeout: 60000 });
  await waitFor('the test event at the receiver', () => receiver.received.length >= 1);
  const first = receiver.received[0];
  expect(() => verify(secret, first)).not.toThrow();
  expect(() => verify(`whsec_${Buffer.from('not the secret at all, no').toString('base64')}`, first)).toThrow();
  expect(first.headers['x-test-run']).toBe('browser');
  expect(JSON.parse(first.body)).toMatchObject({ type: 'webhook.test' });
  const row = delivered.first();
  await expect(row.locator('[data-attempts]').textContent()).resolves.toBe('1');
  await expect(row.locator('[data-last-status]').textContent()).resolves.toBe('200');
  await settled(page);
  await shot(page, 'webhooks-03-test-delivered');

  // The receiver fails (500): the delivery is retried once, then dead-lettered; the log shows the status code.
  receiver.answer = { status: 500, body: 'receiver down for maintenance' };
  const failedEventId = await sendFailingTest(page);
  const failing = log.locator('tr[data-event-type="webhook.test"]').filter({ has: page.locator('[data-status="dead"]') });
  await failing.first().waitFor({ timeout: 60000 });
  const deliveryId = Number(await failing.first().getAttribute('data-delivery'));
  expect(deliveryId).toBeGreaterThan(0);
  const failingRow = log.locator(`tr[data-delivery="${deliveryId}"]`);
  await expect(failingRow.locator('[data-attempts]').textContent()).resolves.toBe('2');
  await expect(failingRow.locator('[data-last-status]').textContent()).resolves.toBe('500');
  expect(requestsOf(failedEventId)).toHaveLength(2);
  // The endpoint's state follows the log: failing since the first failure, a dead letter counted.
  await settings.locator('[data-failing-since]').waitFor({ timeout: 30000 });
  await settings.locator('[data-count="dead"]').getByText('1 dead letter').waitFor({ timeout: 30000 });
  await settled(page);
  await shot(page, 'webhooks-04-failing');

  // Its attempts: both 500 with the receiver's answer; its payload as sent.
  await failingRow.click();
  const modal = page.getByRole('dialog');
  await modal.getByRole('heading', { name: `Delivery #${deliveryId}` }).waitFor();
  await modal.locator('tr[data-attempt]').nth(1).waitFor({ timeout: 30000 });
  for (const row of await modal.locator('tr[data-attempt]').all()) {
    await expect(row.locator('[data-attempt-status]').textContent()).resolves.toBe('500');
    await expect(row.locator('[data-response]').textContent()).resolves.toContain('receiver down for maintenance');
  }
  await expect(modal.locator('[data-payload]').textContent()).resolves.toContain('"webhook.test"');
  await modal.getByText(failedEventId).waitFor();
  await settled(page);
  await shot(page, 'webhooks-05-attempts');

  // The receiver is back; Replay queues the dead letter again, and it is delivered with the same webhook-id.
  receiver.answer = { status: 200, body: 'thanks' };
  const replayed = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/master-data/webhooks/${endpointId}/replay`);
  await modal.getByRole('button', { name: 'Replay' }).click();
  const replayResponse = await replayed;
  expect(replayResponse.status()).toBe(202);
  expect(JSON.parse(replayResponse.request().postData() ?? '{}')).toEqual({ deliveryId });
  expect(await replayResponse.json()).toEqual({ data: { queued: 1 } });
  await page.getByText('1 delivery queued').first().waitFor({ timeout: 30000 });
  await modal.locator('[data-status="delivered"]').waitFor({ timeout: 60000 });
  await modal.locator('tr[data-attempt]').nth(2).waitFor({ timeout: 30000 });
  expect(await modal.locator('tr[data-attempt]').count()).toBe(3);
  const lastAttempt = modal.locator('tr[data-attempt]').last();
  await expect(lastAttempt.locator('[data-attempt-status]').textContent()).resolves.toBe('200');
  await expect(lastAttempt.textContent()).resolves.toContain('(replay)');
  const sameEvent = requestsOf(failedEventId);
  expect(sameEvent).toHaveLength(3);
  for (const request of sameEvent) expect(() => verify(secret, request)).not.toThrow();
  await settled(page);
  await shot(page, 'webhooks-06-replayed');
  await modal.getByRole('button', { name: 'Close' }).first().click();
  await failingRow.locator('[data-status="delivered"]').waitFor({ timeout: 30000 });
  // A delivered delivery may be replayed again (a receiver that lost it); a dead one too, not a pending one.
  await failingRow.getByRole('button', { name: /^Replay delivery/ }).waitFor();

  // Another dead letter, replayed with every dead letter of the endpoint.
  receiver.answer = { status: 500, body: 'down again' };
  const secondFailure = await sendFailingTest(page);
  const dead = log.locator('tr[data-event-type="webhook.test"]').filter({ has: page.locator('[data-status="dead"]') });
  await dead.first().waitFor({ timeout: 60000 });
  receiver.answer = { status: 200, body: 'thanks' };
  const replayDead = page.getByRole('button', { name: 'Replay all dead letters' });
  await expect(replayDead.isEnabled()).resolves.toBe(true);
  await replayDead.click();
  const confirmDead = page.getByRole('alertdialog');
  await confirmDead.getByText('The dead letter of this endpoint is sent again now').waitFor();
  await settled(page);
  await shot(page, 'webhooks-07-replay-dead');
  await confirmDead.getByRole('button', { name: 'Replay' }).click();
  await page.getByText('1 delivery queued').first().waitFor({ timeout: 30000 });
  await waitFor('the dead letter sent again', () => requestsOf(secondFailure).length === 3);
  await log.locator('[data-status="dead"]').first().waitFor({ state: 'detached', timeout: 30000 });
  expect(await log.locator('tr[data-event-type="webhook.test"] [data-status="delivered"]').count()).toBe(3);

  // A change of a customer (a field outside the approval policy) is delivered as customer.*; the log filters by its document id.
  const customer = (await app.strapi.documents(CUSTOMER).findFirst({ filters: { lifecycleStage: { $ne: 'merged' } }, status: 'draft' } as any)) as any;
  const beforeChange = receiver.received.length;
  await app.strapi.documents(CUSTOMER).update({ documentId: customer.documentId, data: { segment: `Webhooks ${Date.now() % 1000}` } } as any);
  await waitFor('the customer event at the receiver', () => receiver.received.slice(beforeChange).some((r) => JSON.parse(r.body).data?.documentId === customer.documentId));
  const changeRequest = receiver.received.slice(beforeChange).find((r) => JSON.parse(r.body).data?.documentId === customer.documentId)!;
  const change = JSON.parse(changeRequest.body);
  expect(change.type).toMatch(/^customer\./);
  expect(() => verify(secret, changeRequest)).not.toThrow();
  await page.getByRole('textbox', { name: 'Document ID' }).fill(customer.documentId);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL((url) => url.searchParams.get('documentId') === customer.documentId);
  const customerRow = log.locator(`tr[data-event-type="${change.type}"]`).first();
  await customerRow.waitFor({ timeout: 30000 });
  await expect(customerRow.textContent()).resolves.toContain(customer.documentId);
  expect(await log.locator('tr[data-event-type="webhook.test"]').count()).toBe(0);
  await customerRow.locator('[data-status="delivered"]').waitFor({ timeout: 30000 });
  await settled(page);
  await shot(page, 'webhooks-08-customer-event');

  // Re-sync since yesterday: the customer's events are sent again, with their webhook-id (test events are not re-synced).
  const beforeResync = receiver.received.length;
  await page.getByRole('button', { name: 'Re-sync since…' }).click();
  const resync = page.getByRole('dialog');
  await resync.getByRole('heading', { name: 'Re-sync since a date' }).waitFor();
  await settled(page);
  await shot(page, 'webhooks-09-resync');
  const resynced = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/master-data/webhooks/${endpointId}/replay`);
  await resync.getByRole('button', { name: 'Re-sync' }).click();
  const resyncResponse = await resynced;
  const since = Date.parse(JSON.parse(resyncResponse.request().postData() ?? '{}').since);
  expect(Date.now() - since).toBeGreaterThan(23 * 3600 * 1000);
  const queued = (await resyncResponse.json()).data.queued as number;
  expect(queued).toBeGreaterThanOrEqual(1);
  await page.getByText(queued === 1 ? '1 delivery queued' : `${queued} deliveries queued`).first().waitFor({ timeout: 30000 });
  await waitFor('the re-synced customer event', () => receiver.received.slice(beforeResync).some((r) => r.headers['webhook-id'] === changeRequest.headers['webhook-id']));
  expect(receiver.received.slice(beforeResync).every((r) => JSON.parse(r.body).type !== 'webhook.test')).toBe(true);
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.waitForURL((url) => !url.searchParams.has('documentId'));

  // Filters: dead letters only (none now), then back to all.
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Dead letter' }).click();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL((url) => url.searchParams.get('status') === 'dead');
  await page.getByText('No deliveries match these filters.').waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.waitForURL((url) => !url.searchParams.has('status'));
  await log.locator(`tr[data-delivery="${deliveryId}"]`).waitFor({ timeout: 30000 });

  // Rotate with a 24 h overlap: the new secret once, and until when the old one signs too; both verify the next delivery.
  await page.getByRole('button', { name: 'Rotate secret' }).click();
  const rotate = page.getByRole('dialog');
  await rotate.getByRole('heading', { name: 'Rotate the signing secret' }).waitFor();
  await rotate.getByRole('textbox', { name: 'Overlap (hours)' }).fill('24');
  await rotate.getByRole('button', { name: 'Rotate secret' }).click();
  const rotated = page.getByRole('dialog');
  await rotated.getByRole('heading', { name: 'Secret rotated: the new signing secret' }).waitFor({ timeout: 30000 });
  const newSecret = await rotated.locator('input[data-secret]').inputValue();
  expect(newSecret).toMatch(/^whsec_/);
  expect(newSecret).not.toBe(secret);
  await expect(rotated.locator('[data-previous-expires]').textContent()).resolves.toMatch(/previous secret keeps signing/);
  await settled(page);
  await shot(page, 'webhooks-10-rotated');
  await rotated.getByRole('button', { name: 'I have stored the secret' }).click();
  await settings.locator('[data-previous-expires]').waitFor();

  const beforeRotationTest = receiver.received.length;
  await page.getByRole('button', { name: 'Send test event' }).click();
  await waitFor('the test event after the rotation', () => receiver.received.length > beforeRotationTest);
  const afterRotation = receiver.received[beforeRotationTest];
  expect(() => verify(newSecret, afterRotation)).not.toThrow();
  expect(() => verify(secret, afterRotation)).not.toThrow();

  // Edit: the form holds the endpoint's settings (the header's value too, for a manager); a change is saved.
  await notificationsGone(page);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('heading', { name: 'Edit webhook endpoint', level: 1 }).waitFor();
  await expect(page.getByRole('textbox', { name: 'URL' }).inputValue()).resolves.toBe(receiver.url);
  await expect(page.getByRole('textbox', { name: 'Header 1 value' }).inputValue()).resolves.toBe('browser');
  await page.getByRole('textbox', { name: 'Description' }).fill('ERP test receiver, edited');
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/master-data/webhooks/${endpointId}`);
  await page.getByRole('button', { name: 'Save' }).click();
  expect((await saved).status()).toBe(200);
  await page.getByRole('heading', { name: 'ERP test receiver, edited', level: 1 }).waitFor({ timeout: 30000 });
  await settings.getByText('X-Test-Run').waitFor();

  // The list: the endpoint with its events, state and deliveries by status.
  await notificationsGone(page);
  await page.getByRole('link', { name: 'Back to the webhooks' }).click();
  await page.waitForURL((url) => url.pathname === WEBHOOKS);
  const listRow = page.locator(`tr[data-endpoint="${endpointId}"]`);
  await listRow.waitFor({ timeout: 30000 });
  await expect(listRow.textContent()).resolves.toContain(receiver.url);
  await expect(listRow.textContent()).resolves.toContain('ERP test receiver, edited');
  await expect(listRow.textContent()).resolves.toContain('customer.*');
  await listRow.locator('[data-state="enabled"]').waitFor();
  await expect(listRow.locator('[data-count="delivered"]').textContent()).resolves.toMatch(/^\d+ delivered$/);
  await listRow.locator('[data-count="delivered"]').waitFor();
  await settled(page);
  await shot(page, 'webhooks-11-list');

  // Delete, confirmed: gone from the list.
  await listRow.click();
  await notificationsGone(page);
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByText(receiver.url).waitFor();
  await settled(page);
  await shot(page, 'webhooks-12-delete');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL((url) => url.pathname === WEBHOOKS);
  await page.getByText('No webhook endpoints yet.').waitFor({ timeout: 30000 });
});
