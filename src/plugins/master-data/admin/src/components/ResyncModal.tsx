import { useState } from 'react';
import { Button, DateTimePicker, Field, Flex, Modal, Typography } from '@strapi/design-system';

interface Props {
  open: boolean;
  busy: boolean;
  onCancel(): void;
  onResync(since: Date): void;
}

const yesterday = () => new Date(Date.now() - 24 * 60 * 60 * 1000);

/** Asks from when to send the endpoint every event again (a re-sync after the receiver lost data). */
export const ResyncModal = ({ open, busy, onCancel, onResync }: Props) => {
  const [since, setSince] = useState<Date | undefined>(yesterday);
  const future = since !== undefined && since.getTime() > Date.now();

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && !busy && onCancel()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>Re-sync since a date</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography textColor="neutral800">
              Every event this endpoint subscribes to since then is queued again. Each keeps its webhook-id, so a
              receiver that applied one already can drop it.
            </Typography>
            <Field.Root name="since" error={future ? 'Choose a time in the past' : undefined} required>
              <Field.Label>Since</Field.Label>
              <DateTimePicker value={since} onChange={setSince} onClear={() => setSince(undefined)} clearLabel="Clear the date" />
              <Field.Error />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button onClick={() => since && onResync(since)} loading={busy} disabled={!since || future}>
            Re-sync
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
