import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../utils/audit';
import { CHANGE_REQUESTS_URL, type ChangeRequestView, type ChangeRequestResponse } from '../utils/approvals';

interface State {
  request: ChangeRequestView | null;
  loading: boolean;
  error: string | null;
}

/** One change request with its comments and what the viewer may do (`can`); no request for id 0. */
export const useChangeRequest = (id: number) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ request: null, loading: true, error: null });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (!id) {
      setState({ request: null, loading: false, error: 'not a change request id' });
      return;
    }
    let active = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    get<ChangeRequestResponse>(`${CHANGE_REQUESTS_URL}/${id}`)
      .then(({ data }) => active && setState({ request: data.data, loading: false, error: null }))
      .catch((e: unknown) => active && setState({ request: null, loading: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get, id, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  /** Shows a request the server just returned (after approve, reject, …) without another fetch. */
  const replace = useCallback((request: ChangeRequestView) => setState({ request, loading: false, error: null }), []);
  return { ...state, reload, replace };
};
