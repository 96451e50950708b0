/**
 * The facts a write takes from the HTTP request being served (Strapi's request context), read in
 * one place: who (actor), where from (origin), and what the request said about itself (request id,
 * IP, user agent, change reason, duplicate override). Capabilities that write on their own account
 * (merge, unmerge, sync, approval, import) run their writes inside `withOrigin`, so that every
 * stage sees where a write really comes from without a flag of its own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Actor, RequestFacts, WriteOrigin } from '../../../shared/contracts/events';

const SYSTEM: Actor = { kind: 'system', id: null, name: 'system' };
/** A request without credentials (users-permissions' Public role): anyone, never `system`. */
const PUBLIC: Actor = { kind: 'public', id: null, name: 'public' };
const NO_REQUEST: RequestFacts = { id: null, ip: null, userAgent: null, reason: null, override: null };

/**
 * Text from a request, made safe to store and hash: no NUL (PostgreSQL text refuses it), cut at a
 * code point boundary, and well-formed UTF-16 (a lone surrogate would be stored as U+FFFD and
 * then no longer match its hash).
 */
export const cleanText = (value: unknown, max: number): string | null => {
  if (typeof value !== 'string' || value === '') return null;
  const text = [...value.replace(/\u0000/g, '')].slice(0, max).join('');
  return (text as string & { toWellFormed(): string }).toWellFormed() || null;
};

/** A header that may be URI-encoded (non-ASCII reasons), decoded when it is, cleaned. */
const headerText = (ctx: any, name: string, max: number): string | null => {
  let value = ctx.get(name) || null;
  if (value) {
    try {
      value = decodeURIComponent(value);
    } catch {
      // Not URI-encoded: keep it as sent.
    }
  }
  return cleanText(typeof value === 'string' ? value.trim() : value, max);
};

/** Strapi's API token strategies: content API tokens and (5.5x) admin API tokens. */
const TOKEN_STRATEGIES = new Set(['content-api-token', 'admin-token', 'api-token']);

const actorOf = (ctx: any): Actor => {
  const auth = ctx.state?.auth;
  const strategy: string | undefined = auth?.strategy?.name;
  const credentials = auth?.credentials;
  if (strategy === 'admin' && (ctx.state.user || credentials)) {
    const user = ctx.state.user ?? credentials;
    const name = [user.firstname, user.lastname].filter(Boolean).join(' ');
    return { kind: 'admin', id: String(user.id), name: cleanText(`${name || user.username || 'admin'} <${user.email}>`, 255)! };
  }
  if (strategy && TOKEN_STRATEGIES.has(strategy) && credentials) {
    return { kind: 'api-token', id: String(credentials.id), name: cleanText(credentials.name, 255) ?? `token ${credentials.id}` };
  }
  if (strategy === 'users-permissions' && credentials) {
    return { kind: 'users-permissions', id: String(credentials.id), name: cleanText(credentials.username ?? credentials.email, 255) ?? `user ${credentials.id}` };
  }
  // Inside a request but with no known credentials: the Public role, or a route without auth.
  return PUBLIC;
};

interface OriginScope {
  origin: WriteOrigin;
  silent: boolean;
  /** The external system a `sync` write came in from (echo suppression, audit). */
  system: string | null;
}

const explicitOrigin = new AsyncLocalStorage<OriginScope>();

/**
 * Runs `fn` with every write it makes attributed to `origin` (merge, unmerge, sync, approval, import).
 * `silent`: bookkeeping writes that a capability undoes within the same transaction (a draft set
 * aside while part of it is published): they run every stage but announce no event.
 */
export const withOrigin = <T>(
  origin: WriteOrigin,
  fn: () => Promise<T>,
  { silent = false, system = null }: { silent?: boolean; system?: string | null } = {}
): Promise<T> => explicitOrigin.run({ origin, silent, system: system ?? explicitOrigin.getStore()?.system ?? null }, fn);

/** Runs `fn` outside any origin scope (what happens inside one write is not its caller's). */
export const withoutOrigin = <T>(fn: () => Promise<T>): Promise<T> => explicitOrigin.exit(fn);

export interface RequestContext {
  origin: WriteOrigin;
  /** Writes inside `withOrigin(..., { silent: true })`: no events. */
  silent: boolean;
  /** The external system the write came in from (`withOrigin('sync', fn, { system })`), else null. */
  system: string | null;
  actor: Actor;
  request: RequestFacts;
  /**
   * Whether the caller holds an admin permission (admins: their role; API tokens: full-access only;
   * others: never). For capabilities that honour a request header only for some callers.
   */
  can(action: string): boolean;
}

/** The facts of the current request (or of code outside one), read once per request. */
export const currentRequest = (strapi: Core.Strapi): RequestContext => {
  const ctx: any = strapi.requestContext.get();
  const scoped = explicitOrigin.getStore();
  const silent = scoped?.silent ?? false;
  const system = scoped?.system ?? null;
  if (!ctx) return { origin: scoped?.origin ?? 'code', silent, system, actor: SYSTEM, request: NO_REQUEST, can: () => false };

  // The request's own facts are read once; the actor is worked out on each write (auth may be
  // completed after a first governed write of the request).
  let facts: { request: RequestFacts } | undefined = ctx.state.masterDataRequest;
  if (!facts) {
    const id = cleanText(ctx.get('x-request-id'), 64) ?? randomUUID();
    ctx.set('X-Request-Id', id);
    facts = {
      request: {
        id,
        ip: cleanText(ctx.request.ip, 64),
        userAgent: cleanText(ctx.get('user-agent'), 1000),
        reason: headerText(ctx, 'x-change-reason', 2000),
        // Sent but blank is '' (refused with a 400 by whoever honours it), not absent.
        override: ctx.get('x-duplicate-override') ? (headerText(ctx, 'x-duplicate-override', 2000) ?? '') : null,
      },
    };
    ctx.state.masterDataRequest = facts;
  }
  const strategy: string | undefined = ctx.state?.auth?.strategy?.name;
  const routeType: string | undefined = ctx.state?.route?.info?.type;
  return {
    origin: scoped?.origin ?? (routeType === 'content-api' ? 'rest' : 'admin'),
    silent,
    system,
    actor: actorOf(ctx),
    request: facts.request,
    can: (action) =>
      (strategy === 'admin' && Boolean(ctx.state.userAbility?.can(action))) ||
      (TOKEN_STRATEGIES.has(strategy ?? '') && strategy !== 'admin-token' && ctx.state.auth.credentials?.type === 'full-access'),
  };
};
