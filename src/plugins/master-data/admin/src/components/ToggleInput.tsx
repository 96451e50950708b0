import { Box, Field, Toggle } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

/** A labelled on/off switch (of a readable width) with its hint and the server's error beside it. */
export const ToggleInput = ({ name, label, checked, onChange, hint, error, disabled }: Props) => (
  <Box style={{ maxWidth: '32rem' }}>
    <Field.Root name={name} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Toggle onLabel="On" offLabel="Off" checked={checked} disabled={disabled} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.checked)} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  </Box>
);
