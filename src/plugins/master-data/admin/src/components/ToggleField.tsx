import { Field, Toggle } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  hint: string;
  error?: string;
  checked: boolean;
  disabled?: boolean;
  onLabel?: string;
  offLabel?: string;
  onChange(checked: boolean): void;
}

/** A labelled on/off switch with a hint and its error beside it. */
export const ToggleField = ({ name, label, hint, error, checked, disabled, onLabel = 'On', offLabel = 'Off', onChange }: Props) => (
  <Field.Root name={name} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <Toggle onLabel={onLabel} offLabel={offLabel} checked={checked} disabled={disabled} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.checked)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
