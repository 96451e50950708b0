import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { DuplicatePair, MatchCandidate } from '../../../shared/contracts/matching';
import { errorMessage } from '../utils/audit';
import { byDecisionThenScore, DUPLICATES_URL, MATCH_URL, type AdminMatchResponse, type ListDuplicatesResponse, type RecordSummaries } from '../utils/duplicates';

interface State {
  candidates: MatchCandidate[];
  records: RecordSummaries;
  /** The open review pairs of the record, by the other record's document id. */
  openPairs: Record<string, DuplicatePair>;
  loading: boolean;
  error: string | null;
}

/** The record's open pairs looked at for the links to a comparison (the queue's largest page). */
const OPEN_PAIRS_PAGE_SIZE = 100;

/**
 * The stored records a saved record may duplicate (POST /master-data/match with its document id),
 * strongest first (block, review, then allow), and the open review pairs it is part of.
 */
export const useMatchCandidates = (uid: string, documentId: string, { refreshKey }: { refreshKey?: unknown } = {}) => {
  const { get, post } = useFetchClient();
  const [state, setState] = useState<State>({ candidates: [], records: {}, openPairs: {}, loading: true, error: null });

  useEffect(() => {
    let active = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    const params = new URLSearchParams({ uid, documentId, status: 'open', page: '1', pageSize: String(OPEN_PAIRS_PAGE_SIZE) }).toString();
    Promise.all([
      post<AdminMatchResponse>(MATCH_URL, { uid, documentId }),
      // Links to the comparison are a convenience: the candidates still show without them.
      get<ListDuplicatesResponse>(DUPLICATES_URL, { params }).catch(() => null),
    ])
      .then(([match, pairs]) => {
        if (!active) return;
        const openPairs: Record<string, DuplicatePair> = {};
        for (const pair of pairs?.data.results ?? []) {
          if (pair.uid !== uid) continue;
          if (pair.a === documentId) openPairs[pair.b] = pair;
          else if (pair.b === documentId) openPairs[pair.a] = pair;
        }
        const candidates = [...match.data.data].sort(byDecisionThenScore);
        setState({ candidates, records: match.data.records ?? {}, openPairs, loading: false, error: null });
      })
      .catch((e: unknown) => active && setState({ candidates: [], records: {}, openPairs: {}, loading: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get, post, uid, documentId, refreshKey]);

  return state;
};
