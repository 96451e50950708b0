import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import type { CodeSettings } from '../../../shared/contracts/settings';
import { errorAt } from '../utils/settingsErrors';
import { suggestCode } from '../utils/settingsDocument';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { ToggleField } from './ToggleField';

interface Props {
  uid: string;
  displayName: string;
  code: CodeSettings | undefined;
  /** The type's text attributes (the code is stored in one). */
  attributes: string[];
  errors: Record<string, string>;
  disabled: boolean;
  onChange(code: CodeSettings | undefined): void;
}

/** The generated code: a unique, never editable number with a prefix (C-000123) in a text attribute. */
export const CodeSettingsForm = ({ uid, displayName, code, attributes, errors, disabled, onChange }: Props) => {
  const at = (key: string) => errorAt(errors, ['governed', uid, 'code', key]);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Box style={{ maxWidth: '32rem' }}>
        <ToggleField
          name="code"
          label="Generated code"
          hint="Each new record gets the next code; it cannot be changed afterwards."
          checked={Boolean(code)}
          disabled={disabled}
          error={errorAt(errors, ['governed', uid, 'code'])}
          onChange={(on) => onChange(on ? suggestCode(displayName, attributes) : undefined)}
        />
      </Box>
      {code && (
        <Grid.Root gap={4}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <SelectField
              name="code.field"
              label="Stored in"
              value={code.field}
              options={attributes.map((a) => ({ value: a, label: a }))}
              onChange={(field) => onChange({ ...code, field })}
              error={at('field')}
              disabled={disabled}
            />
          </Grid.Item>
          <Grid.Item col={4} s={6} direction="column" alignItems="stretch">
            <TextField name="code.prefix" label="Prefix" value={code.prefix} onChange={(prefix) => onChange({ ...code, prefix })} error={at('prefix')} disabled={disabled} />
          </Grid.Item>
          <Grid.Item col={4} s={6} direction="column" alignItems="stretch">
            <NumberField
              name="code.digits"
              label="Digits"
              value={code.digits}
              onChange={(digits) => onChange({ ...code, digits: digits ?? 6 })}
              error={at('digits')}
              hint="3 to 12, zero-padded"
              disabled={disabled}
            />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="flex-start">
            <Typography variant="pi" textColor="neutral600">{`The first code reads ${code.prefix}${'1'.padStart(code.digits, '0')}.`}</Typography>
          </Grid.Item>
        </Grid.Root>
      )}
    </Flex>
  );
};
