import { useRef, useState } from 'react';
import { Button, VisuallyHidden } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import type { SettingsChanges, SettingsDocument } from '../../../shared/contracts/settings';
import { useSettings } from '../hooks/useSettings';
import { parseImport } from '../utils/settingsTransfer';
import { SaveSettingsModal } from './SaveSettingsModal';

/**
 * Import: a JSON file (exported here, e.g. on staging) is checked by the server, its changes from
 * the settings in force shown, then saved with a reason as a new version. It replaces unsaved edits.
 */
export const ImportSettingsButton = ({ typeNames }: { typeNames: Record<string, string> }) => {
  const { check, save, dirty } = useSettings();
  const { toggleNotification } = useNotification();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ name: string; document: SettingsDocument; changes: SettingsChanges } | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File) => {
    setBusy(true);
    try {
      const parsed = parseImport(await file.text());
      if ('error' in parsed) {
        toggleNotification({ type: 'danger', title: `${file.name} cannot be imported`, message: parsed.error });
        return;
      }
      const result = await check(parsed.document);
      if (!result.ok) {
        toggleNotification({ type: 'danger', title: `${file.name} cannot be imported`, message: result.message });
        return;
      }
      setPending({ name: file.name, document: parsed.document, changes: result.response.meta.changes });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const confirm = async (reason: string) => {
    if (!pending) return false;
    const result = await save(pending.document, reason);
    if (result.ok) toggleNotification({ type: 'success', message: `${pending.name} imported: the settings apply now.` });
    else toggleNotification({ type: 'danger', title: 'The import was not saved', message: result.message });
    return result.ok;
  };

  return (
    <>
      <VisuallyHidden>
        <input ref={input} type="file" accept="application/json,.json" aria-label="Settings file to import" onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])} />
      </VisuallyHidden>
      <Button variant="secondary" startIcon={<Upload />} loading={busy} onClick={() => input.current?.click()}>
        Import JSON
      </Button>
      <SaveSettingsModal
        open={pending !== null}
        title="Import settings"
        intro={`What saving ${pending?.name ?? 'the file'} changes from the settings in force${dirty ? ' (your unsaved edits on these pages are replaced)' : ''}:`}
        confirmLabel="Import and save"
        initialReason={pending ? `Import ${pending.name}` : ''}
        changes={pending?.changes ?? {}}
        typeNames={typeNames}
        onClose={() => setPending(null)}
        onConfirm={confirm}
      />
    </>
  );
};
