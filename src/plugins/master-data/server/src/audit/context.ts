/**
 * Who and where a write comes from, read from the HTTP request being served (Strapi's request
 * context). Writes from code outside a request are attributed to `system`; a request without
 * credentials to `public`.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { AuditActor } from '../../../shared/contracts/audit';

export interface RequestInfo {
  actor: AuditActor;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const SYSTEM: AuditActor = { kind: 'system', id: null, name: 'system' };
/** A request without credentials (users-permissions' Public role): anyone, never `system`. */
const PUBLIC: AuditActor = { kind: 'public', id: null, name: 'public' };

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
const truncate = cleanText;

/** Strapi's API token strategies: content API tokens and (5.5x) admin API tokens. */
const TOKEN_STRATEGIES = new Set(['content-api-token', 'admin-token', 'api-token']);

const actorOf = (ctx: any): AuditActor => {
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

/** The request's actor, reason (`X-Change-Reason` header), request id (`X-Request-Id` or a new one), IP, user agent. */
export const currentRequestInfo = (strapi: Core.Strapi): RequestInfo => {
  const ctx: any = strapi.requestContext.get();
  if (!ctx) return { actor: SYSTEM, reason: null, requestId: null, ip: null, userAgent: null };

  if (!ctx.state.masterDataRequestId) {
    ctx.state.masterDataRequestId = truncate(ctx.get('x-request-id'), 64) ?? randomUUID();
    ctx.set('X-Request-Id', ctx.state.masterDataRequestId);
  }
  let reason = ctx.get('x-change-reason') || null;
  if (reason) {
    try {
      reason = decodeURIComponent(reason);
    } catch {
      // Not URI-encoded: keep it as sent.
    }
  }
  return {
    actor: actorOf(ctx),
    reason: truncate(reason, 2000),
    requestId: ctx.state.masterDataRequestId,
    ip: truncate(ctx.request.ip, 64),
    userAgent: truncate(ctx.get('user-agent'), 1000),
  };
};
