import { Field, NumberInput } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
  hint?: string;
  error?: string;
  placeholder?: string;
  step?: number;
  disabled?: boolean;
}

/** A labelled number input (empty: undefined) with its hint and the server's error beside it. */
export const NumberField = ({ name, label, value, onChange, hint, error, placeholder, step, disabled }: Props) => (
  <Field.Root name={name} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <NumberInput value={value} onValueChange={onChange} placeholder={placeholder} step={step} disabled={disabled} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
