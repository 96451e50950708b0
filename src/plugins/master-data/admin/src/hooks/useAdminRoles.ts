import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/**
 * The names of the admin roles (an approval step names the roles that may approve it). Empty when
 * the admin may not read roles: the step's role box then takes names as typed.
 */
export const useAdminRoles = (): string[] => {
  const { get } = useFetchClient();
  const [roles, setRoles] = useState<string[]>([]);

  useEffect(() => {
    let active = true;
    get<{ data: { name: string }[] }>('/admin/roles')
      .then(({ data }) => active && setRoles(data.data.map((role) => role.name)))
      .catch(() => active && setRoles([]));
    return () => {
      active = false;
    };
  }, [get]);

  return roles;
};
