import { Button, Dialog, Typography, Flex } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';

interface Props {
  open: boolean;
  busy: boolean;
  url: string;
  onCancel(): void;
  onDelete(): void;
}

/** Confirms deleting an endpoint: its pending deliveries are not sent, its log goes with it. */
export const DeleteWebhookDialog = ({ open, busy, url, onCancel, onDelete }: Props) => (
  <Dialog.Root open={open} onOpenChange={(next) => !next && !busy && onCancel()}>
    <Dialog.Content>
      <Dialog.Header>Delete the endpoint?</Dialog.Header>
      <Dialog.Body icon={<WarningCircle fill="danger600" />}>
        <Flex direction="column" gap={2}>
          <Typography textAlign="center" style={{ wordBreak: 'break-all' }} fontWeight="bold">
            {url}
          </Typography>
          <Typography textAlign="center">No more events are sent to it, pending deliveries included, and its delivery log is deleted.</Typography>
        </Flex>
      </Dialog.Body>
      <Dialog.Footer>
        <Dialog.Cancel>
          <Button fullWidth variant="tertiary" disabled={busy}>
            Cancel
          </Button>
        </Dialog.Cancel>
        <Button fullWidth variant="danger-light" onClick={onDelete} loading={busy}>
          Delete
        </Button>
      </Dialog.Footer>
    </Dialog.Content>
  </Dialog.Root>
);
