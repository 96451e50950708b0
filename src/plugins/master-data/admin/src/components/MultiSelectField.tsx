import { Field, MultiSelect, MultiSelectOption } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  placeholder: string;
  clearLabel: string;
  hint: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  value: string[];
  options: { value: string; label: string }[];
  onChange(value: string[]): void;
}

/** A labelled multi select with tags, a hint and its error beside it. */
export const MultiSelectField = ({ name, label, placeholder, clearLabel, hint, error, required, disabled, value, options, onChange }: Props) => (
  <Field.Root name={name} required={required} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <MultiSelect value={value} onChange={onChange} withTags placeholder={placeholder} onClear={() => onChange([])} clearLabel={clearLabel} disabled={disabled}>
      {options.map((option) => (
        <MultiSelectOption key={option.value} value={option.value}>
          {option.label}
        </MultiSelectOption>
      ))}
    </MultiSelect>
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
