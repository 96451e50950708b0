import { Field, TextInput } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string;
  placeholder?: string;
  disabled?: boolean;
  required?: boolean;
}

/** A labelled text input with its hint and the server's error beside it. */
export const TextField = ({ name, label, value, onChange, hint, error, placeholder, disabled, required }: Props) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <TextInput value={value} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} placeholder={placeholder} disabled={disabled} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
