import { useState } from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import type { SettingsChanges } from '../../../shared/contracts/settings';
import { useSettings } from '../hooks/useSettings';
import { SaveSettingsModal } from './SaveSettingsModal';

/**
 * The one Save of the settings pages: the whole edited document, after the server has checked it
 * and said what will change; and Discard, back to the settings in force. Errors of a refused
 * document go beside their inputs (see useSettings).
 */
export const SettingsSaveActions = ({ typeNames, canManage }: { typeNames: Record<string, string>; canManage: boolean }) => {
  const { draft, dirty, check, save, discard } = useSettings();
  const { toggleNotification } = useNotification();
  const [checking, setChecking] = useState(false);
  const [changes, setChanges] = useState<SettingsChanges | null>(null);

  if (!canManage) return null;

  const review = async () => {
    if (!draft) return;
    setChecking(true);
    const result = await check(draft);
    setChecking(false);
    if (result.ok) setChanges(result.response.meta.changes);
    else
      toggleNotification({
        type: 'danger',
        title: 'These settings cannot be saved',
        message: result.refused ? `${result.refused} refused: each is marked beside its field.` : result.message,
      });
  };

  const confirm = async (reason: string) => {
    if (!draft) return false;
    const result = await save(draft, reason);
    if (result.ok) toggleNotification({ type: 'success', message: 'Settings saved: they apply now, on every instance.' });
    else
      toggleNotification({ type: 'danger', title: result.conflict ? 'Someone saved the settings since you loaded them' : 'The settings were not saved', message: result.message });
    return result.ok;
  };

  return (
    <Flex gap={2}>
      <Button variant="tertiary" onClick={discard} disabled={!dirty || checking}>
        Discard changes
      </Button>
      <Button startIcon={<Check />} onClick={review} loading={checking} disabled={!dirty}>
        Save
      </Button>
      <SaveSettingsModal open={changes !== null} title="Save the settings" changes={changes ?? {}} typeNames={typeNames} onClose={() => setChanges(null)} onConfirm={confirm} />
    </Flex>
  );
};
