/**
 * Koa middleware: a write whose record has possible duplicates (review band, or an override of a
 * block) says so in its response: `meta.masterData.duplicates` in a JSON object body, and the
 * `X-Duplicate-Review` header (the number of candidates) on every response.
 */
import type { WriteDuplicates } from '../../../shared/contracts/matching';

export const duplicateReportMiddleware = () => async (ctx: any, next: () => Promise<void>) => {
  await next();
  const report: WriteDuplicates | undefined = ctx.state.masterDataDuplicates;
  if (!report || ctx.status >= 300) return;
  ctx.set('X-Duplicate-Review', String(report.candidates.length));
  const body = ctx.body;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body) && typeof body.pipe !== 'function' && !Array.isArray(body)) {
    body.meta = { ...(body.meta ?? {}), masterData: { ...(body.meta?.masterData ?? {}), duplicates: report } };
  }
};
