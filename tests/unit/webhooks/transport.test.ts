/**
 * The SSRF guard at delivery time, over real HTTP on loopback: a loopback address off the
 * allow-list is refused before any connection (the receiver sees nothing), by IP and by name; on the
 * allow-list it is delivered; redirects are not followed; the timeout holds.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { attempt, closeIdleAgents, resolveChecked, RefusedAddressError } from '../../../src/plugins/master-data/server/src/webhooks/transport';

let server: http.Server;
let port: number;
const seen: string[] = [];
let answer: (res: http.ServerResponse) => void = (res) => res.writeHead(204).end();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    req.resume();
    req.on('end', () => answer(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await closeIdleAgents(true);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
  answer = (res) => res.writeHead(204).end();
});

const send = (url: string, allow: string[] = [], timeoutMs = 2000) => attempt({ url, headers: {}, body: '{}', timeoutMs, allowList: new Set(allow) });

test('a loopback address off the allow-list is refused without connecting', async () => {
  for (const url of [`http://127.0.0.1:${port}/a`, `http://localhost:${port}/b`, `http://[::ffff:127.0.0.1]:${port}/c`, `http://2130706433:${port}/d`]) {
    const report = await send(url);
    expect(report).toMatchObject({ statusCode: null, refused: true });
    expect(report.error).toContain('loopback');
  }
  expect(seen).toEqual([]);
});

test('on the allow-list it is delivered', async () => {
  expect(await send(`http://127.0.0.1:${port}/ok`, ['127.0.0.1'])).toMatchObject({ statusCode: 204, refused: false, error: null });
  expect(seen).toEqual(['/ok']);
});

test('a redirect is a failed attempt and is not followed', async () => {
  answer = (res) => res.writeHead(307, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
  const report = await send(`http://127.0.0.1:${port}/moved`, ['127.0.0.1']);
  expect(report.statusCode).toBe(307);
  expect(report.error).toContain('not followed');
  expect(seen).toEqual(['/moved']);
});

test('no answer within the timeout is a failed attempt', async () => {
  answer = (res) => setTimeout(() => res.writeHead(200).end(), 1500);
  const report = await send(`http://127.0.0.1:${port}/slow`, ['127.0.0.1'], 300);
  expect(report).toMatchObject({ statusCode: null, error: 'no response within 300 ms' });
});

test('a response body is kept as an excerpt of 1,000 characters', async () => {
  answer = (res) => res.writeHead(500).end('x'.repeat(5000));
  const report = await send(`http://127.0.0.1:${port}/big`, ['127.0.0.1']);
  expect(report.statusCode).toBe(500);
  expect(report.responseExcerpt).toHaveLength(1000);
});

test('resolveChecked refuses a name whose addresses are not public', async () => {
  await expect(resolveChecked('localhost', new Set())).rejects.toBeInstanceOf(RefusedAddressError);
  await expect(resolveChecked('localhost', new Set(['localhost']))).resolves.toMatchObject({ address: expect.any(String) });
});
