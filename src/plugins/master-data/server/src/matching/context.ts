/**
 * What the current request says about duplicates: an override (header `X-Duplicate-Override:
 * <reason>`, honoured only for holders of the override permission), and what a write reports back.
 * Writes run by the merge service are flagged here so that they are not matched against the
 * records they are merging.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { WriteDuplicates } from '../../../shared/contracts/matching';
import { cleanText } from '../audit/context';
import { fieldError } from '../http';

export const OVERRIDE_ACTION = 'plugin::master-data.duplicates.override';

const internal = new AsyncLocalStorage<{ skipMatching: boolean }>();

/** Runs `fn` with matching switched off for its writes (merge, unmerge). */
export const withoutMatching = <T>(fn: () => Promise<T>): Promise<T> => internal.run({ skipMatching: true }, fn);
export const matchingSkipped = () => internal.getStore()?.skipMatching === true;

/**
 * The override reason of the request, or null. Asking for an override without the permission is
 * a 403, not a silent block.
 */
export const overrideReason = (strapi: Core.Strapi): string | null => {
  const ctx: any = strapi.requestContext.get();
  const header = ctx?.get?.('x-duplicate-override');
  if (!header) return null;
  let reason = header as string;
  try {
    reason = decodeURIComponent(reason);
  } catch {
    // Not URI-encoded: keep it as sent.
  }
  const strategy: string | undefined = ctx.state?.auth?.strategy?.name;
  const allowed =
    (strategy === 'admin' && ctx.state.userAbility?.can(OVERRIDE_ACTION)) ||
    ((strategy === 'content-api-token' || strategy === 'api-token') && ctx.state.auth.credentials?.type === 'full-access');
  if (!allowed) throw new errors.ForbiddenError('X-Duplicate-Override: you may not override a duplicate block', { permission: OVERRIDE_ACTION });
  const clean = cleanText(reason.trim(), 2000);
  if (!clean || clean.length < 3) {
    throw fieldError(['X-Duplicate-Override'], 'give the reason for creating a duplicate');
  }
  return clean;
};

/** Keeps what a write found, for the response (see ./respond.ts). */
export const reportDuplicates = (strapi: Core.Strapi, report: WriteDuplicates) => {
  const ctx: any = strapi.requestContext.get();
  if (ctx?.state) ctx.state.masterDataDuplicates = report;
};
