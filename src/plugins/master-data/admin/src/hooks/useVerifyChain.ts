import { useCallback, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { VerifyAudit } from '../../../shared/contracts/audit';
import { AUDIT_EVENTS_URL, errorMessage } from '../utils/audit';

export type VerifyResult = VerifyAudit['Response']['data'];

/** Runs the server's chain verification on demand; keeps the last result (or error) until cleared. */
export const useVerifyChain = () => {
  const { get } = useFetchClient();
  const [verifying, setVerifying] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const verify = useCallback(async () => {
    setVerifying(true);
    setError(null);
    setResult(null);
    try {
      const { data } = await get<VerifyAudit['Response']>(`${AUDIT_EVENTS_URL}/verify`);
      setResult(data.data);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  }, [get]);

  const clear = useCallback(() => {
    setResult(null);
    setError(null);
  }, []);

  return { verify, verifying, result, error, clear };
};
