import { useEffect, useState } from 'react';
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import type { SettingsChanges } from '../../../shared/contracts/settings';
import { changeRows } from '../utils/settingsDiff';
import { ReasonField } from './ReasonField';
import { SettingsDiff } from './SettingsDiff';

interface Props {
  open: boolean;
  title: string;
  /** What saving changes (from POST /settings/check). */
  changes: SettingsChanges;
  typeNames: Record<string, string>;
  /** Said above the changes (an import names its file). */
  intro?: string;
  confirmLabel?: string;
  initialReason?: string;
  onClose(): void;
  /** Saves with the reason; true when saved (the dialog closes). */
  onConfirm(reason: string): Promise<boolean>;
}

/**
 * The last step of every save: what will change, setting by setting, and why (the reason is kept
 * with the version and on the audit trail, and is required here).
 */
export const SaveSettingsModal = ({ open, title, changes, typeNames, intro, confirmLabel = 'Save', initialReason = '', onClose, onConfirm }: Props) => {
  const [reason, setReason] = useState(initialReason);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) setReason(initialReason);
  }, [open, initialReason]);
  const count = changeRows(changes, typeNames).length;

  const confirm = async () => {
    setBusy(true);
    try {
      if (await onConfirm(reason)) onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && !busy && onClose()}>
      <Modal.Content style={{ maxWidth: '120rem', width: '90vw' }}>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {intro && <Typography textColor="neutral800">{intro}</Typography>}
            <Typography variant="sigma" textColor="neutral600">
              {count === 1 ? '1 setting changes' : `${count} settings change`}
            </Typography>
            <Box style={{ maxHeight: '50vh', overflow: 'auto' }} aria-label="What will change" role="region">
              <SettingsDiff changes={changes} typeNames={typeNames} />
            </Box>
            <ReasonField name="reason" label="Why this change?" hint="Kept with the version and on the audit trail: who, when and why." value={reason} onChange={setReason} />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary" disabled={busy}>
              Cancel
            </Button>
          </Modal.Close>
          <Button onClick={confirm} loading={busy} disabled={busy || !reason.trim() || count === 0}>
            {confirmLabel}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
