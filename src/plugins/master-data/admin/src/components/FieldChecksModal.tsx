import { useEffect, useState } from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import type { FieldRule } from '../../../shared/contracts/settings';
import { tryPattern } from '../utils/ruleSummary';
import { errorAt } from '../utils/settingsErrors';
import { LinesField } from './LinesField';
import { TextField } from './TextField';

type Checks = Pick<FieldRule, 'allowed' | 'pattern' | 'patternMessage' | 'sample'>;

interface Props {
  open: boolean;
  path: string;
  rule: FieldRule;
  /** The attribute's own values (an enumeration), offered as a hint. */
  enumValues?: string[];
  errors: Record<string, string>;
  /** The rule's path in the document, for the server's errors. */
  base: string[];
  disabled: boolean;
  onClose(): void;
  onApply(checks: Checks): void;
}

const TRY_TEXT = {
  none: '',
  'no-sample': 'Give a sample value the pattern accepts: the server tries it before saving.',
  matches: 'The sample matches the pattern.',
  fails: 'The sample does not match the pattern: the server will refuse it.',
} as const;

/**
 * A field's checks besides its rule: the values it may take, a regular expression (with the message
 * a refused value gets) and a sample value the expression must accept. The browser tries the
 * sample at once; the server decides when the settings are saved (it also refuses an expression
 * that could take exponential time) and its errors show beside each input.
 */
export const FieldChecksModal = ({ open, path, rule, enumValues, errors, base, disabled, onClose, onApply }: Props) => {
  const [checks, setChecks] = useState<Checks>({});
  useEffect(() => {
    if (open) setChecks({ allowed: rule.allowed ?? [], pattern: rule.pattern ?? '', patternMessage: rule.patternMessage ?? '', sample: rule.sample ?? '' });
  }, [open, rule]);
  const tried = tryPattern(checks.pattern ?? '', checks.sample);
  const at = (key: keyof FieldRule) => errorAt(errors, [...base, key]);

  return (
    <Modal.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{`Checks of ${path}`}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <LinesField
              name="allowed"
              label="Allowed values"
              hint={enumValues?.length ? `One a line. The attribute's own values: ${enumValues.join(', ')}.` : 'One a line; empty: any value.'}
              value={checks.allowed ?? []}
              onChange={(allowed) => setChecks((c) => ({ ...c, allowed }))}
              error={at('allowed')}
              disabled={disabled}
            />
            <TextField
              name="pattern"
              label="Regular expression"
              hint="A value must match it (Unicode; anchor it with ^ and $ to match the whole value)."
              value={checks.pattern ?? ''}
              onChange={(pattern) => setChecks((c) => ({ ...c, pattern }))}
              error={at('pattern') ?? (tried.state === 'invalid' ? `is not a valid regular expression: ${tried.message}` : undefined)}
              disabled={disabled}
            />
            <TextField
              name="sample"
              label="Sample value"
              hint="A value the expression must accept, tried before the settings are saved."
              value={checks.sample ?? ''}
              onChange={(sample) => setChecks((c) => ({ ...c, sample }))}
              error={at('sample')}
              disabled={disabled || !checks.pattern}
            />
            {tried.state !== 'invalid' && TRY_TEXT[tried.state] && (
              <Typography variant="pi" textColor={tried.state === 'matches' ? 'success600' : 'warning600'} role="status">
                {TRY_TEXT[tried.state]}
              </Typography>
            )}
            <TextField
              name="patternMessage"
              label="Message when a value does not match"
              hint="What the editor is told, e.g. “one capitalised word”."
              value={checks.patternMessage ?? ''}
              onChange={(patternMessage) => setChecks((c) => ({ ...c, patternMessage }))}
              error={at('patternMessage')}
              disabled={disabled || !checks.pattern}
            />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Cancel</Button>
          </Modal.Close>
          <Button
            disabled={disabled}
            onClick={() => {
              onApply(checks);
              onClose();
            }}
          >
            Apply
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
