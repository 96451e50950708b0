/**
 * The duplicate override: a write that would be blocked goes through when the request carries
 * `X-Duplicate-Override: <reason>` and the caller may override (admins with the override
 * permission, full-access API tokens). Asking without the permission is a 403, not a silent block.
 */
import type { WriteContext } from '../governance/pipeline';
import { fieldError, httpError } from '../http';

export const OVERRIDE_ACTION = 'plugin::master-data.duplicates.override';

/** The override reason of the write's request, or null when none was sent. */
export const overrideReason = (write: WriteContext): string | null => {
  const reason = write.request.override;
  if (reason === null) return null;
  if (!write.can(OVERRIDE_ACTION)) throw httpError(403, 'ForbiddenError', 'X-Duplicate-Override: you may not override a duplicate block', { permission: OVERRIDE_ACTION });
  if (reason.length < 3) throw fieldError(['X-Duplicate-Override'], 'give the reason for creating a duplicate');
  return reason;
};
