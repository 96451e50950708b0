import { Alert } from '@strapi/design-system';
import type { VerifyResult } from '../hooks/useVerifyChain';

interface Props {
  result: VerifyResult | null;
  error: string | null;
  onClose(): void;
}

/** The outcome of a chain verification: intact (how many events), broken (where and why), or failed. */
export const VerifyResultAlert = ({ result, error, onClose }: Props) => {
  if (error) {
    return (
      <Alert variant="danger" title="The verification could not run" closeLabel="Close" onClose={onClose} role="status">
        {error}
      </Alert>
    );
  }
  if (!result) return null;
  const from = result.fromCheckpoint !== null ? ` from the retention checkpoint at event #${result.fromCheckpoint}` : '';
  if (result.ok) {
    return (
      <Alert variant="success" title="Audit chain intact" closeLabel="Close" onClose={onClose} role="status">
        {`${result.checked} ${result.checked === 1 ? 'event' : 'events'} checked${from}; every hash matches.`}
      </Alert>
    );
  }
  return (
    <Alert variant="danger" title="Audit chain broken" closeLabel="Close" onClose={onClose} role="status">
      {`First broken event: #${result.firstBrokenSequence} (${result.reason ?? 'no reason given'}). ${result.checked} events checked${from}.`}
    </Alert>
  );
};
