import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { SettingsVersionResponse } from '../../../shared/contracts/settings';
import { errorMessage } from '../utils/audit';
import { SETTINGS_URL } from './useSettings';

/** One saved version with its document and what it changed (null id: none). */
export const useSettingsVersion = (id: number | null) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<{ version: SettingsVersionResponse['data'] | null; loading: boolean; error: string | null }>({ version: null, loading: false, error: null });

  useEffect(() => {
    if (id === null) {
      setState({ version: null, loading: false, error: null });
      return;
    }
    let active = true;
    setState({ version: null, loading: true, error: null });
    get<SettingsVersionResponse>(`${SETTINGS_URL}/versions/${id}`)
      .then(({ data }) => active && setState({ version: data.data, loading: false, error: null }))
      .catch((e: unknown) => active && setState({ version: null, loading: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get, id]);

  return state;
};
