import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { DuplicatePair } from '../../../shared/contracts/matching';
import type { MergeRecord } from '../../../shared/contracts/merging';
import { errorMessage } from '../utils/audit';
import { DUPLICATES_URL, MERGES_URL, type FullRecord, type GetDuplicateResponse } from '../utils/duplicates';

interface State {
  pair: DuplicatePair | null;
  records: Record<string, FullRecord>;
  /** For a merged pair: the merge that joined its records (so it can be undone). */
  merge: MergeRecord | null;
  loading: boolean;
  error: string | null;
}

/** A pair of the review queue, both records in full, and (when merged) the merge that joined them; no request for id 0. */
export const useDuplicatePair = (id: number) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ pair: null, records: {}, merge: null, loading: true, error: null });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (!id) {
      setState({ pair: null, records: {}, merge: null, loading: false, error: 'not a pair id' });
      return;
    }
    let active = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    (async () => {
      const { data } = await get<GetDuplicateResponse>(`${DUPLICATES_URL}/${id}`);
      const pair = data.data;
      let merge: MergeRecord | null = null;
      if (pair.status === 'merged') {
        // The merge history is informative only: the pair still shows if it cannot be read.
        const params = new URLSearchParams({ uid: pair.uid, documentId: pair.a }).toString();
        const merges = await get<{ data: MergeRecord[] }>(MERGES_URL, { params }).catch(() => null);
        const both = (m: MergeRecord) => [m.survivor, ...m.merged].includes(pair.a) && [m.survivor, ...m.merged].includes(pair.b);
        merge = merges?.data.data.find((m) => m.status === 'merged' && both(m)) ?? null;
      }
      return { pair, records: data.records ?? {}, merge };
    })()
      .then((loaded) => active && setState({ ...loaded, loading: false, error: null }))
      .catch((e: unknown) => active && setState({ pair: null, records: {}, merge: null, loading: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get, id, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return { ...state, reload };
};
