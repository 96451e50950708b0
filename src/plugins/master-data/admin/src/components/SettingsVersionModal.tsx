import { useEffect, useState } from 'react';
import { Box, Button, Flex, Grid, Loader, Modal, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useSettingsVersion } from '../hooks/useSettingsVersion';
import { formatDateTime } from '../utils/audit';
import { Property } from './Property';
import { ReasonField } from './ReasonField';
import { SettingsDiff } from './SettingsDiff';

interface Props {
  id: number | null;
  /** The version in force (restoring it would change nothing). */
  current: number;
  typeNames: Record<string, string>;
  canManage: boolean;
  onClose(): void;
  /** Restores the version with the reason; true when restored (the dialog closes). */
  onRestore(id: number, reason: string): Promise<boolean>;
}

/** One saved version: who, when, why, what it changed from the one before; restore it with a reason. */
export const SettingsVersionModal = ({ id, current, typeNames, canManage, onClose, onRestore }: Props) => {
  const { version, loading, error } = useSettingsVersion(id);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setReason(id === null ? '' : `Back to version ${id}`), [id]);

  const restore = async () => {
    if (id === null) return;
    setBusy(true);
    try {
      if (await onRestore(id, reason)) onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={id !== null} onOpenChange={(next: boolean) => !next && !busy && onClose()}>
      <Modal.Content style={{ maxWidth: '120rem', width: '90vw' }}>
        <Modal.Header>
          <Modal.Title>{`Settings version #${id ?? ''}`}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {loading || (!version && !error) ? (
            <Flex justifyContent="center" padding={6}>
              <Loader>Loading the version…</Loader>
            </Flex>
          ) : error || !version ? (
            <Typography textColor="danger600">{`The version could not be loaded: ${error}`}</Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={5}>
              <Grid.Root gap={4}>
                <Property label="Saved">{formatDateTime(version.createdAt)}</Property>
                <Property label="By">{version.actor.name}</Property>
                <Property label="Why">{version.reason || '—'}</Property>
                <Property label="Restores">{version.restoredFrom ? `version #${version.restoredFrom}` : '—'}</Property>
              </Grid.Root>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography variant="sigma" textColor="neutral600" tag="h3">
                  {version.id === 1 ? 'Changes from the file (config/plugins.ts)' : 'Changes from the version before'}
                </Typography>
                <Box style={{ maxHeight: '45vh', overflow: 'auto' }} role="region" aria-label="Changes of this version">
                  <SettingsDiff changes={version.changes} typeNames={typeNames} />
                </Box>
              </Flex>
              {canManage && version.id !== current && (
                <ReasonField
                  name="restoreReason"
                  label="Why restore it?"
                  hint="Restoring saves this version's settings as a new version; the versions after it stay in the history."
                  value={reason}
                  onChange={setReason}
                />
              )}
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary" disabled={busy}>
              Close
            </Button>
          </Modal.Close>
          {canManage && version && version.id !== current && (
            <Button startIcon={<ArrowClockwise />} onClick={restore} loading={busy} disabled={busy || !reason.trim()}>
              Restore this version
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
