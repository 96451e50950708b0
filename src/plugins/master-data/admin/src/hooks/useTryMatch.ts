import { useCallback, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { SettingsDocument, TryMatchResponse } from '../../../shared/contracts/settings';
import { apiError } from '../utils/approvals';
import { settingsErrors, type SettingsError } from '../utils/settingsErrors';
import { SETTINGS_URL } from './useSettings';

interface State {
  result: TryMatchResponse | null;
  loading: boolean;
  error: string | null;
  /** Keys the server named (a bad document under `governed…`, a bad value under `record…`). */
  errors: SettingsError[];
}

/** "Try a record": the record matched against the live data under the edited settings, nothing saved. */
export const useTryMatch = () => {
  const { post } = useFetchClient();
  const [state, setState] = useState<State>({ result: null, loading: false, error: null, errors: [] });

  const run = useCallback(
    async (uid: string, record: Record<string, string>, document: SettingsDocument | null) => {
      setState((s) => ({ ...s, loading: true, error: null, errors: [] }));
      try {
        const { data } = await post<TryMatchResponse>(`${SETTINGS_URL}/try-match`, { uid, record, ...(document ? { data: document } : {}) });
        setState({ result: data, loading: false, error: null, errors: [] });
      } catch (e) {
        setState({ result: null, loading: false, error: apiError(e).message, errors: settingsErrors(e) });
      }
    },
    [post],
  );

  const clear = useCallback(() => setState({ result: null, loading: false, error: null, errors: [] }), []);
  return { ...state, run, clear };
};
