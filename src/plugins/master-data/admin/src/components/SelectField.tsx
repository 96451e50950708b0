import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  hint?: string;
  error?: string;
  placeholder?: string;
  /** The label of the button that empties the choice; without it a choice cannot be emptied. */
  clearLabel?: string;
  disabled?: boolean;
  required?: boolean;
}

/** A labelled single select with its hint and the server's error beside it. */
export const SelectField = ({ name, label, value, options, onChange, hint, error, placeholder, clearLabel, disabled, required }: Props) => {
  // A value the options no longer hold (an attribute removed from the type) still shows.
  const all = value && !options.some((option) => option.value === value) ? [...options, { value, label: `${value} (missing)` }] : options;
  return (
    <Field.Root name={name} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        value={value || null}
        onChange={(next: string | number) => onChange(String(next))}
        placeholder={placeholder}
        onClear={clearLabel && value ? () => onChange('') : undefined}
        clearLabel={clearLabel}
        disabled={disabled}
      >
        {all.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
