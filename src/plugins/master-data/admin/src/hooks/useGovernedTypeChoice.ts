import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';
import { typeNames as namesOf } from '../utils/contentTypes';
import { useContentTypes } from './useContentTypes';
import { useSettings } from './useSettings';

/**
 * The governed type a settings page shows: the one chosen on any of the pages (the choice is
 * shared), else the first; its schema; whether the admin may change the settings.
 */
export const useGovernedTypeChoice = () => {
  const { draft, selectedUid, select } = useSettings();
  const { contentTypes, components } = useContentTypes();
  const { allowedActions } = useRBAC(PERMISSIONS.settingsManage);
  const uids = Object.keys(draft?.governed ?? {});
  const uid = selectedUid && uids.includes(selectedUid) ? selectedUid : (uids[0] ?? null);
  return {
    uids,
    uid,
    select,
    typeNames: namesOf(contentTypes),
    contentTypes,
    contentType: contentTypes.find((type) => type.uid === uid),
    components,
    canManage: Boolean(allowedActions.canManage),
  };
};
