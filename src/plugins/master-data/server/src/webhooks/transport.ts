/**
 * One HTTP attempt of a delivery, behind the SSRF guard: the URL's host is resolved, every address
 * it resolves to must be public (unless the host is on the allow-list), and the connection is made
 * to the address that was checked (undici's `connect.lookup` is pinned to it), so a DNS answer that
 * changes between the check and the connection (rebinding) cannot redirect it. Redirects are not
 * followed (a 3xx is a failed attempt). Connections are kept alive per (origin, address).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, request } from 'undici';
import { addressVerdict, hostKey } from './domain/address';

const EXCERPT = 1000;
/** At most this much of a response body is read (the rest is dropped with the connection's reuse). */
const MAX_READ = 64 * 1024;

export class RefusedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string
  ) {
    super(`${host} resolves to ${address} (${range}); only public addresses are delivered to, unless the host is on WEBHOOKS_ALLOWED_HOSTS`);
    this.name = 'RefusedAddressError';
  }
}

export interface Resolved {
  address: string;
  family: 4 | 6;
}

/**
 * The address to connect to for `host`: refused when any address it resolves to is not public
 * (an attacker's name resolving to both a public and a private address is refused whole).
 */
export const resolveChecked = async (host: string, allowList: Set<string>): Promise<Resolved> => {
  const name = hostKey(host);
  const allowed = allowList.has(name);
  const literal = isIP(name);
  const addresses: Resolved[] = literal ? [{ address: name, family: literal as 4 | 6 }] : ((await lookup(name, { all: true, verbatim: true })) as Resolved[]);
  if (addresses.length === 0) throw new Error(`${host} does not resolve`);
  if (!allowed) {
    for (const { address } of addresses) {
      const verdict = addressVerdict(address);
      if (!verdict.allowed) throw new RefusedAddressError(host, address, verdict.range);
    }
  }
  return addresses[0];
};

const agents = new Map<string, { agent: Agent; used: number }>();

/** A keep-alive agent whose every connection goes to `pinned`, whatever DNS says later. */
const agentFor = (origin: string, pinned: Resolved) => {
  const key = `${origin}|${pinned.address}`;
  let entry = agents.get(key);
  if (!entry) {
    const agent = new Agent({
      connections: 64,
      keepAliveTimeout: 10_000,
      connect: {
        lookup: (_hostname: string, options: any, callback: any) => {
          if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
          else callback(null, pinned.address, pinned.family);
        },
      },
    });
    entry = { agent, used: Date.now() };
    agents.set(key, entry);
  }
  entry.used = Date.now();
  return entry.agent;
};

/** Closes agents unused for a minute (and all of them with `all`). */
export const closeIdleAgents = async (all = false) => {
  const now = Date.now();
  for (const [key, entry] of agents) {
    if (all || now - entry.used > 60_000) {
      agents.delete(key);
      await entry.agent.close().catch(() => undefined);
    }
  }
};

export interface AttemptReport {
  statusCode: number | null;
  retryAfter: string | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
  /** The SSRF guard or the URL refused it (no connection was made). */
  refused: boolean;
}

const readExcerpt = async (body: AsyncIterable<Buffer> & { destroy?: () => void }) => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_READ) {
      body.destroy?.();
      break;
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? [...text].slice(0, EXCERPT).join('') : null;
};

/** POSTs `body` to `url` with `headers`; never throws. */
export const attempt = async ({
  url,
  headers,
  body,
  timeoutMs,
  allowList,
}: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowList: Set<string>;
}): Promise<AttemptReport> => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { statusCode: null, retryAfter: null, latencyMs: 0, error: 'the endpoint URL is not valid', responseExcerpt: null, refused: true };
  }
  let pinned: Resolved;
  try {
    pinned = await resolveChecked(target.hostname, allowList);
  } catch (error) {
    const refused = error instanceof RefusedAddressError;
    return { statusCode: null, retryAfter: null, latencyMs: elapsed(), error: (error as Error).message, responseExcerpt: null, refused };
  }
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await request(target, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'master-data-webhooks/1' },
      body,
      dispatcher: agentFor(target.origin, pinned),
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const retryAfter = response.headers['retry-after'];
    const responseExcerpt = await readExcerpt(response.body as any).catch(() => null);
    return {
      statusCode: response.statusCode,
      retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : (retryAfter ?? null),
      latencyMs: elapsed(),
      error: response.statusCode >= 300 && response.statusCode < 400 ? `redirect to ${response.headers.location ?? '?'} not followed` : null,
      responseExcerpt,
      refused: false,
    };
  } catch (error) {
    // The overall signal and undici's own header/body timers share the limit: whichever fires first, it is one outcome.
    const timedOut = signal.aborted || ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT'].includes((error as any).code);
    const message = timedOut ? `no response within ${timeoutMs} ms` : `${(error as any).code ?? (error as Error).name}: ${(error as Error).message}`;
    return { statusCode: null, retryAfter: null, latencyMs: elapsed(), error: message.slice(0, 1000), responseExcerpt: null, refused: false };
  }
};
