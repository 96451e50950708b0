/**
 * Merge contracts (admin routes, admin JWT with duplicates.read / duplicates.manage):
 *   POST /master-data/merges/preview  MergeRequest -> { data: MergePreview }
 *   POST /master-data/merges          MergeRequest -> { data: MergeRecord }   (409 when a record is already merged)
 *   GET  /master-data/merges?uid=&documentId=      -> { data: MergeRecord[] }
 *   POST /master-data/merges/:id/unmerge           -> { data: MergeRecord }   (409 when the survivor changed since)
 */
export type SurvivorshipStrategy = 'survivor' | 'most-recent' | 'most-complete' | 'source-priority';

export interface MergeRequest {
  /** The governed type; the only one with matching when omitted. */
  uid?: string;
  /** The record that stays live. */
  survivor: string;
  /** The records merged into it (one or more). */
  merged: string[];
  /**
   * How a field's value is chosen when the records differ (default `survivor`: the survivor's value
   * unless empty, then the first non-empty in `priority` order):
   * most-recent (record updated last), most-complete (record with most filled fields),
   * source-priority (first non-empty in `priority`).
   */
  strategy?: SurvivorshipStrategy;
  /** Document ids in priority order for source-priority (default: survivor, then merged in order). */
  priority?: string[];
  /** Manual picks: field name -> the document id whose value wins. */
  picks?: Record<string, string>;
}

/**
 * Previews and merge records are shown with the admin's Content Manager read permissions applied:
 * fields (and component sub-fields) it may not read are left out of `values`, `sources`,
 * `conflicts` and `picks` (a conflict or a pick on a field tells something of its values).
 */
export interface MergePreview {
  survivor: string;
  merged: string[];
  /** The survivor's values after the merge (root fields; components united). */
  values: Record<string, unknown>;
  /** For each root field: the document id its value comes from (null when every record is empty). */
  sources: Record<string, string | null>;
  /** Fields whose values differ between the records (where a pick matters). */
  conflicts: string[];
  /** Fields and sub-fields (`bankAccounts.iban`) left out because the admin may not read them. */
  restricted?: string[];
}

export interface MergeRecord {
  id: number;
  uid: string;
  survivor: string;
  merged: string[];
  status: 'merged' | 'unmerged';
  picks: Record<string, string | null>;
  createdAt: string;
  createdBy: string | null;
  unmergedAt: string | null;
  unmergedBy: string | null;
}
