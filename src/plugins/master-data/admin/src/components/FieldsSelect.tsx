import type { FieldOption } from '../utils/webhookForm';
import { MultiSelectField } from './MultiSelectField';

interface Props {
  value: string[];
  options: FieldOption[];
  /** The sensitive fields that will go out as "[masked]". */
  masked: string[];
  error?: string;
  onChange(value: string[]): void;
}

/** The top-level fields sent in `record` and `changes`; none chosen = all. Sensitive ones are marked. */
export const FieldsSelect = ({ value, options, masked, error, onChange }: Props) => (
  <MultiSelectField
    name="fields"
    label="Fields to send"
    placeholder="All fields"
    clearLabel="Clear the fields"
    hint={`None chosen: every field.${masked.length ? ` Sent as "[masked]" unless sensitive fields are allowed: ${masked.join(', ')}.` : ''}`}
    error={error}
    value={value}
    options={options.map((option) => ({ value: option.name, label: option.sensitive ? `${option.name} (sensitive)` : option.name }))}
    onChange={onChange}
  />
);
