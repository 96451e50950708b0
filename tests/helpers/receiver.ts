/**
 * A real HTTP receiver of webhooks on 127.0.0.1 (an ephemeral port): records every request (headers,
 * raw body, time) and answers what the test scripts (a status per request, a Retry-After, a delay).
 * Deliveries are verified with the official `standardwebhooks` library, as a receiver would.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: any;
  at: number;
}

export type Answer = { status: number; headers?: Record<string, string>; delayMs?: number; body?: string };

export interface Receiver {
  url: (path?: string) => string;
  received: Received[];
  /** What to answer next: a function of the request (default 204). */
  answer: (request: Received) => Answer;
  /** Waits until `predicate` holds of what was received (polling), or fails after `timeoutMs`. */
  until(predicate: (received: Received[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const startReceiver = async (): Promise<Receiver> => {
  const receiver: Receiver = {
    url: () => '',
    received: [],
    answer: () => ({ status: 204 }),
    async until(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(receiver.received)) {
        if (Date.now() > deadline) throw new Error(`receiver: condition not met within ${timeoutMs} ms (received ${receiver.received.length})`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: any = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      const got: Received = { path: req.url ?? '/', headers: req.headers, body, json, at: Date.now() };
      receiver.received.push(got);
      const answer = receiver.answer(got);
      const send = () => {
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body ?? '');
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = (path = '/hook') => `http://127.0.0.1:${port}${path}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
};

/** Verifies a received delivery with `standardwebhooks` (throws if the signature does not hold). */
export const verify = (secret: string, received: Received) =>
  new Webhook(secret).verify(received.body, {
    'webhook-id': String(received.headers['webhook-id']),
    'webhook-timestamp': String(received.headers['webhook-timestamp']),
    'webhook-signature': String(received.headers['webhook-signature']),
  });
