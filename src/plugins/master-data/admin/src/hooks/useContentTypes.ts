import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../utils/audit';
import type { ComponentInfo, ContentTypeInfo } from '../utils/contentTypes';

interface Schemas {
  contentTypes: ContentTypeInfo[];
  components: ComponentInfo[];
}

/** One request per page load: a type made in the Content-Type Builder restarts the server, and the panel reloads. */
let cached: Promise<Schemas> | null = null;

/** The content types and components with their attributes (the Content Manager's admin API). */
export const useContentTypes = () => {
  const { get } = useFetchClient();
  const [state, setState] = useState<Schemas & { loading: boolean; error: string | null }>({ contentTypes: [], components: [], loading: true, error: null });

  useEffect(() => {
    let active = true;
    if (!cached) {
      cached = Promise.all([get<{ data: ContentTypeInfo[] }>('/content-manager/content-types'), get<{ data: ComponentInfo[] }>('/content-manager/components')]).then(
        ([types, components]) => ({ contentTypes: types.data.data, components: components.data.data }),
      );
      cached.catch(() => {
        cached = null;
      });
    }
    cached
      .then((schemas) => active && setState({ ...schemas, loading: false, error: null }))
      .catch((e: unknown) => active && setState({ contentTypes: [], components: [], loading: false, error: errorMessage(e) }));
    return () => {
      active = false;
    };
  }, [get]);

  return state;
};
