/**
 * Duplicate matching contracts, shared by the server and the admin panel.
 *
 * Content API (API token / users-permissions):   Admin (admin JWT):
 *   POST /api/master-data/match                    POST /master-data/match
 *                                                   GET  /master-data/duplicates            review queue
 *                                                   GET  /master-data/duplicates/:id        a pair, both records
 *                                                   POST /master-data/duplicates/:id/not-duplicate
 *                                                   POST /master-data/merges                merge
 *                                                   POST /master-data/merges/:id/unmerge
 */
export type Decision = 'block' | 'review' | 'allow';

/** One piece of evidence for or against a match, and what it added to the score. */
export interface MatchReason {
  /** The compared key (`taxId`, `name`, `city`, `phone`, `email`, `domain`, `country`) or the rule's fields (`name+city`). */
  field: string;
  /** `exact`, `jaro-winkler/dice`, or `rule` for a decisive rule. */
  comparator: string;
  /** `same`, `similar`, `different`; `block` for a rule; `accepted` for a block a steward overrode earlier (now review). */
  outcome: 'same' | 'similar' | 'different' | 'block' | 'accepted';
  similarity?: number;
  /** The shared value where it is not sensitive (a domain). */
  value?: string;
  /** Signed contribution to the score. */
  contribution: number;
}

export interface MatchCandidate {
  documentId: string;
  /** 0..1 */
  score: number;
  decision: Decision;
  reasons: MatchReason[];
}

export interface MatchResponse {
  data: MatchCandidate[];
  meta: {
    uid: string;
    decision: Decision;
    limit: number;
    took: number;
    /**
     * Values left out of the search because a write would refuse them (the match API standardises
     * its input like a write: `GB100654027` for GB is matched as `100654027`), each with the reason.
     */
    ignored: { path: string[]; message: string }[];
    /**
     * Content API callers that may not `find` the type get each candidate's score and decision only
     * (no documentId, no reasons): the answer a write would get, not which records match.
     */
    restricted?: true;
  };
}

export type PairStatus = 'open' | 'not-duplicate' | 'merged';

export interface DuplicatePair {
  id: number;
  uid: string;
  /** The two documents, ordered (a < b). */
  a: string;
  b: string;
  score: number;
  decision: Decision;
  reasons: MatchReason[];
  status: PairStatus;
  /** Set when a steward created the record over a block. */
  overrideReason: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedBy: string | null;
}

/** What a governed write reports about duplicates (REST: `meta.masterData.duplicates` and the `X-Duplicate-Review` header). */
export interface WriteDuplicates {
  decision: Decision;
  overridden: boolean;
  candidates: MatchCandidate[];
}
