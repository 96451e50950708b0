import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  /** Shown when nothing is chosen ("All actions"). */
  placeholder: string;
  clearLabel: string;
  /** '' when nothing is chosen. */
  value: string;
  options: { value: string; label: string }[];
  /** '' when cleared. */
  onChange(value: string): void;
}

/** A labelled single select that can be cleared back to "any" (a list's filter). */
export const ClearableSelect = ({ name, label, placeholder, clearLabel, value, options, onChange }: Props) => (
  <Field.Root name={name}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect placeholder={placeholder} value={value || null} onChange={(v) => onChange(String(v))} onClear={() => onChange('')} clearLabel={clearLabel}>
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Field.Root>
);
