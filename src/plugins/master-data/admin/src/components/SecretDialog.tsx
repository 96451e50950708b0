import { useState } from 'react';
import { Box, Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { Check, Duplicate, WarningCircle } from '@strapi/icons';
import { useClipboard } from '@strapi/strapi/admin';
import { formatDateTime } from '../utils/audit';

interface Props {
  /** The secret to show; the dialog is open while it is set. */
  secret: string | null;
  title: string;
  /** After a rotation: until when the previous secret keeps signing too. */
  previousSecretExpiresAt?: string | null;
  onClose(): void;
}

/**
 * A signing secret, shown this once: the server keeps only its hash's hint afterwards. A click
 * outside does not close it (the secret would be lost); its buttons and Escape do.
 */
export const SecretDialog = ({ secret, title, previousSecretExpiresAt, onClose }: Props) => {
  const { copy } = useClipboard();
  const [copied, setCopied] = useState<boolean | null>(null);
  const close = () => {
    setCopied(null);
    onClose();
  };

  return (
    <Modal.Root open={secret !== null} onOpenChange={(open) => !open && close()}>
      {secret !== null && (
        <Modal.Content onPointerDownOutside={(e) => e.preventDefault()} onInteractOutside={(e) => e.preventDefault()} aria-label={title}>
          <Modal.Header>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Flex gap={3} alignItems="flex-start" background="warning100" borderColor="warning200" borderStyle="solid" borderWidth="1px" padding={4} hasRadius role="note" aria-label="Shown once">
                <WarningCircle fill="warning600" width="2rem" height="2rem" aria-hidden />
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography fontWeight="bold" textColor="neutral800">
                    Copy the secret now: this is the only time it is shown.
                  </Typography>
                  <Typography textColor="neutral800">
                    Store it in the receiving system, which verifies each delivery's webhook-signature with it. If it is
                    lost, rotate the secret.
                  </Typography>
                </Flex>
              </Flex>
              <Field.Root name="secret" hint={copied === false ? 'The browser did not allow copying: select the secret and copy it by hand.' : undefined}>
                <Field.Label>Signing secret</Field.Label>
                <Flex gap={2} alignItems="flex-start">
                  <Box flex="1">
                    <TextInput
                      readOnly
                      value={secret}
                      onFocus={(e: React.FocusEvent<HTMLInputElement>) => e.target.select()}
                      style={{ fontFamily: 'monospace' }}
                      data-secret
                    />
                  </Box>
                  <Button
                    variant="secondary"
                    size="L"
                    startIcon={copied ? <Check /> : <Duplicate />}
                    onClick={async () => setCopied(await copy(secret))}
                  >
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                </Flex>
                <Field.Hint />
              </Field.Root>
              {previousSecretExpiresAt && (
                <Typography textColor="neutral800" data-previous-expires>
                  {`The previous secret keeps signing alongside this one until ${formatDateTime(previousSecretExpiresAt)}: update the receiver before then.`}
                </Typography>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <span />
            <Button onClick={close}>I have stored the secret</Button>
          </Modal.Footer>
        </Modal.Content>
      )}
    </Modal.Root>
  );
};
