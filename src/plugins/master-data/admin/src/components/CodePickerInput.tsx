import { forwardRef, useEffect, useMemo, useState } from 'react';
import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { withCurrent, type CodeOption } from '../utils/iso-codes';

/** What the Content Manager passes to a custom field's input (its field props and form state). */
export interface CustomFieldInputProps {
  name: string;
  label: string;
  hint?: React.ReactNode;
  labelAction?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  value?: unknown;
  error?: string;
  onChange(name: string, value: unknown): void;
}

/**
 * A searchable select over ISO codes that stores the code (a string). The server still validates
 * whatever arrives; a stored value that is not in the list is shown as it is, to be replaced.
 */
export const codePickerInput = (options: () => CodeOption[], { noun, unknownName }: { noun: string; unknownName: string }) => {
  const Input = forwardRef<HTMLInputElement, CustomFieldInputProps>(
    ({ name, label, hint, labelAction, required, disabled, placeholder, value, error, onChange }, ref) => {
      const shown = useMemo(() => withCurrent(options(), value, unknownName), [value]);
      // The input's text, held here: with over a hundred options the list is virtualised while
      // closed, so the selected option is not there to show its own text.
      const selectedLabel = shown.find((option) => option.code === value)?.label ?? '';
      const [text, setText] = useState(selectedLabel);
      useEffect(() => setText(selectedLabel), [selectedLabel]);
      return (
        <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
          <Field.Label action={labelAction}>{label}</Field.Label>
          <Combobox
            ref={ref}
            name={name}
            value={typeof value === 'string' && value !== '' ? value : undefined}
            textValue={text}
            onTextValueChange={setText}
            onChange={(code?: string) => onChange(name, code ?? null)}
            onClear={() => {
              setText('');
              onChange(name, null);
            }}
            clearLabel={`Clear the ${noun}`}
            autocomplete={{ type: 'list', filter: 'contains' }}
            placeholder={placeholder || `Search a ${noun} by code or name`}
            noOptionsMessage={() => `No ${noun} matches`}
            disabled={disabled}
          >
            {shown.map((option) => (
              <ComboboxOption key={option.code} value={option.code} textValue={option.label}>
                {option.label}
              </ComboboxOption>
            ))}
          </Combobox>
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      );
    }
  );
  Input.displayName = `${noun[0].toUpperCase()}${noun.slice(1)}PickerInput`;
  return Input;
};
