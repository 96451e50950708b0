import { useEffect } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { SettingsJob } from '../../../shared/contracts/settings';
import { activeJobs, visibleJobs } from '../utils/settingsJobs';
import { SETTINGS_URL, updateJobs, useSettings } from './useSettings';

const POLL_MS = 1000;

/** Jobs seen queued or running in this admin session: once they end, the pages say so. */
const seen = new Set<number>();

/**
 * Background work after a save, shared by the settings pages: polls while a job is queued or
 * running, and keeps showing a job it saw running once it is done (or failed), or one queued by a
 * save made here, so the page says so.
 */
export const useSettingsJobs = (): SettingsJob[] => {
  const { get } = useFetchClient();
  const { jobs, savedHere } = useSettings();
  activeJobs(jobs).forEach((job) => seen.add(job.id));
  const polling = activeJobs(jobs).length > 0;

  useEffect(() => {
    if (!polling) return;
    let active = true;
    const timer = setInterval(() => {
      get<{ data: SettingsJob[] }>(`${SETTINGS_URL}/jobs`)
        .then(({ data }) => active && updateJobs(data.data))
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [get, polling]);

  return visibleJobs(jobs, seen, savedHere);
};
