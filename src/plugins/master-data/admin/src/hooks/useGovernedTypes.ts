import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { GetGovernance, GovernedType } from '../../../shared/contracts/governance';

/** One request per page load: the governed types do not change while the admin panel runs. */
let cached: Promise<GovernedType[]> | null = null;

/** The content types the plugin governs (undefined while loading; empty if the request failed). */
export const useGovernedTypes = (): GovernedType[] | undefined => {
  const { get } = useFetchClient();
  const [types, setTypes] = useState<GovernedType[] | undefined>(undefined);

  useEffect(() => {
    let active = true;
    if (!cached) {
      cached = get<GetGovernance['Response']>('/master-data/governance')
        .then(({ data }) => data.data.governed)
        .catch(() => {
          cached = null;
          return [];
        });
    }
    cached.then((governed) => active && setTypes(governed));
    return () => {
      active = false;
    };
  }, [get]);

  return types;
};

/** After settings are saved: the next use asks the server again (a type may be governed now, or no longer). */
export const forgetGovernedTypes = () => {
  cached = null;
};
