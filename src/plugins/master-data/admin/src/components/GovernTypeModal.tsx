import { useState } from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import type { ContentTypeInfo } from '../utils/contentTypes';
import { SelectField } from './SelectField';

interface Props {
  open: boolean;
  /** Collection types not governed yet. */
  types: ContentTypeInfo[];
  onClose(): void;
  onGovern(uid: string): void;
}

/** Choose a collection type to govern (for example one just made in the Content-Type Builder). */
export const GovernTypeModal = ({ open, types, onClose, onGovern }: Props) => {
  const [uid, setUid] = useState('');
  const close = () => {
    setUid('');
    onClose();
  };
  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && close()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>Govern a content type</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography textColor="neutral800">
              Every write of a governed type is checked against its field rules, matched for duplicates if you switch matching on, and recorded on the audit trail. Nothing applies
              until you save.
            </Typography>
            {types.length === 0 ? (
              <Typography textColor="neutral600">Every collection type is governed already. Make a new one in the Content-Type Builder.</Typography>
            ) : (
              <SelectField
                name="governType"
                label="Content type"
                placeholder="Choose a collection type"
                value={uid}
                options={types.map((type) => ({ value: type.uid, label: `${type.info.displayName} (${type.uid})` }))}
                onChange={setUid}
              />
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Cancel</Button>
          </Modal.Close>
          <Button
            disabled={!uid}
            onClick={() => {
              onGovern(uid);
              close();
            }}
          >
            Govern
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
