import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { toSearchString } from '../utils/audit';
import { CHANGE_REQUESTS_URL, type ApprovalPreview } from '../utils/approvals';

/**
 * Whether publishing the record's stored draft would need approval (and which steps), and its open
 * change request. Null while loading, when `skip`, or when the viewer may not ask (the publish
 * button then keeps its label). `refreshKey` (the record's updatedAt) refetches after each save.
 */
export const useApprovalPreview = ({ uid, documentId, locale, refreshKey, skip = false }: { uid: string; documentId?: string; locale?: string | null; refreshKey?: string; skip?: boolean }) => {
  const { get } = useFetchClient();
  const [preview, setPreview] = useState<ApprovalPreview | null>(null);
  const search = toSearchString({ uid, documentId, locale: locale ?? undefined });

  useEffect(() => {
    if (skip || !documentId) {
      setPreview(null);
      return;
    }
    let active = true;
    get<{ data: ApprovalPreview }>(`${CHANGE_REQUESTS_URL}/preview`, { params: search })
      .then(({ data }) => active && setPreview(data.data))
      .catch(() => active && setPreview(null));
    return () => {
      active = false;
    };
  }, [get, search, documentId, refreshKey, skip]);

  return preview;
};
