import { useState } from 'react';
import { Button, Field, Modal, NumberInput, Typography, Flex } from '@strapi/design-system';

interface Props {
  open: boolean;
  busy: boolean;
  /** The endpoint's current secret, e.g. `whsec_AbC…`. */
  secretHint: string;
  onCancel(): void;
  onRotate(overlapHours: number): void;
}

const DEFAULT_OVERLAP_HOURS = 24;
const MAX_OVERLAP_HOURS = 168;

/** Asks how long the current secret keeps signing alongside the new one, then rotates. */
export const RotateSecretModal = ({ open, busy, secretHint, onCancel, onRotate }: Props) => {
  const [hours, setHours] = useState<number | undefined>(DEFAULT_OVERLAP_HOURS);
  const valid = hours !== undefined && Number.isInteger(hours) && hours >= 0 && hours <= MAX_OVERLAP_HOURS;

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && !busy && onCancel()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>Rotate the signing secret</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography textColor="neutral800">
              {`A new secret replaces ${secretHint}. Every delivery is signed with both until the overlap ends, so the receiver can switch without refusing a delivery.`}
            </Typography>
            <Field.Root
              name="overlapHours"
              hint={`0 stops the current secret now. At most ${MAX_OVERLAP_HOURS} hours (a week).`}
              error={valid ? undefined : `Enter a whole number of hours from 0 to ${MAX_OVERLAP_HOURS}`}
            >
              <Field.Label>Overlap (hours)</Field.Label>
              <NumberInput value={hours} onValueChange={setHours} step={1} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button variant="danger-light" onClick={() => valid && onRotate(hours!)} loading={busy} disabled={!valid}>
            Rotate secret
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
