import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ListSettingsVersionsResponse } from '../../../shared/contracts/settings';
import { errorMessage } from '../utils/audit';
import { SETTINGS_URL } from './useSettings';

interface State {
  versions: ListSettingsVersionsResponse['data'];
  pagination: ListSettingsVersionsResponse['meta']['pagination'] | null;
  loading: boolean;
  error: string | null;
}

/** A page of saved versions, newest first; `refreshKey` reloads it (after a save or restore). */
export const useSettingsVersions = ({ page, pageSize, refreshKey }: { page: number; pageSize: number; refreshKey?: unknown }) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ versions: [], pagination: null, loading: true, error: null });
  const [reloads, setReloads] = useState(0);
  const search = new URLSearchParams({ page: String(page), pageSize: String(pageSize) }).toString();

  useEffect(() => {
    let active = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    get<ListSettingsVersionsResponse>(`${SETTINGS_URL}/versions`, { params: search })
      .then(({ data }) => active && setState({ versions: data.data, pagination: data.meta.pagination, loading: false, error: null }))
      .catch((e: unknown) => active && setState({ versions: [], pagination: null, loading: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get, search, reloads, refreshKey]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...state, reload };
};
