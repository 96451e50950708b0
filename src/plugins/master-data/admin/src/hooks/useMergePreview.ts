import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { MergePreview, MergeRequest } from '../../../shared/contracts/merging';
import { errorMessage } from '../utils/audit';
import { MERGES_URL } from '../utils/duplicates';

/** What a merge would produce (POST /master-data/merges/preview), refetched when the request changes; none for a null request. */
export const useMergePreview = (request: MergeRequest | null) => {
  const { post } = useFetchClient();
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The request as a string: a stable dependency.
  const body = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (!body) {
      setPreview(null);
      setError(null);
      return;
    }
    let active = true;
    setLoading(true);
    setError(null);
    post<{ data: MergePreview }>(`${MERGES_URL}/preview`, JSON.parse(body))
      .then(({ data }) => active && setPreview(data.data))
      .catch((e: unknown) => {
        if (!active) return;
        setPreview(null);
        setError(errorMessage(e));
      })
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [post, body]);

  return { preview, loading, error };
};
