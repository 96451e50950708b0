/**
 * Background work after a save (match keys rebuilt over a type's stored records) as the panel says
 * it: "Rebuilding match keys for Supplier: 1,200 / 5,000", then that it is done. Pure.
 */
import type { SettingsJob } from '../../../shared/contracts/settings';

const count = new Intl.NumberFormat('en-US');

/** What the job does, in words ("match keys" for `match-keys`). */
const work = (kind: string) => kind.replace(/[-_]+/g, ' ');

/** Jobs still to finish: the panel polls while there are some. */
export const activeJobs = (jobs: SettingsJob[]) => jobs.filter((job) => job.status === 'queued' || job.status === 'running');

/** Progress 0..100, or undefined while the total is not known yet. */
export const jobPercent = (job: SettingsJob): number | undefined => {
  if (job.status === 'done') return 100;
  if (!job.total) return job.total === 0 ? 100 : undefined;
  return Math.min(100, Math.floor((job.done / job.total) * 100));
};

/** One line about a job; `typeNames` names the content type it works on. */
export const jobText = (job: SettingsJob, typeNames: Record<string, string> = {}): string => {
  const scope = typeNames[job.scope] ?? job.scope;
  const what = work(job.kind);
  switch (job.status) {
    case 'queued':
      return `Rebuilding ${what} for ${scope}: waiting to start`;
    case 'running':
      return job.total === null
        ? `Rebuilding ${what} for ${scope}: ${count.format(job.done)} so far`
        : `Rebuilding ${what} for ${scope}: ${count.format(job.done)} / ${count.format(job.total)}`;
    case 'done':
      return `${what[0].toUpperCase()}${what.slice(1)} for ${scope} rebuilt (${count.format(job.total ?? job.done)} ${(job.total ?? job.done) === 1 ? 'record' : 'records'})`;
    default:
      return `Rebuilding ${what} for ${scope} failed${job.error ? `: ${job.error}` : ''}`;
  }
};

/**
 * The jobs a page shows: every active one, those it saw active that have ended since, and those
 * queued by a save made on this page (`since`: that version's time, on the server's clock), so
 * "done" is said for work this admin saw start, not for every job of the past.
 */
export const visibleJobs = (jobs: SettingsJob[], seen: ReadonlySet<number>, since: string | null = null) =>
  jobs.filter((job) => job.status === 'queued' || job.status === 'running' || seen.has(job.id) || (since !== null && job.createdAt >= since));
