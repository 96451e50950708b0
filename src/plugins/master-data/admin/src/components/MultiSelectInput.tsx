import { Field, MultiSelect, MultiSelectOption } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  value: string[];
  options: string[];
  onChange(value: string[]): void;
  hint?: string;
  error?: string;
  placeholder?: string;
  disabled?: boolean;
  required?: boolean;
}

/** A labelled multi select with tags (values no longer offered still show, to be removed), its hint and error. */
export const MultiSelectInput = ({ name, label, value, options, onChange, hint, error, placeholder, disabled, required }: Props) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <MultiSelect withTags value={value} placeholder={placeholder} disabled={disabled} onChange={onChange} onClear={() => onChange([])} clearLabel={`Clear ${label.toLowerCase()}`}>
      {[...new Set([...options, ...value])].map((option) => (
        <MultiSelectOption key={option} value={option}>
          {option}
        </MultiSelectOption>
      ))}
    </MultiSelect>
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
