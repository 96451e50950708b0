import { useEffect, useState } from 'react';
import { Field, Textarea } from '@strapi/design-system';
import { parseLines } from '../utils/settingsDocument';

interface Props {
  name: string;
  label: string;
  value: string[];
  onChange(value: string[]): void;
  hint?: string;
  error?: string;
  placeholder?: string;
  disabled?: boolean;
}

/** A list edited as text, one item a line (blank lines and repeats dropped). */
export const LinesField = ({ name, label, value, onChange, hint, error, placeholder, disabled }: Props) => {
  // The text as typed (a new line not filled yet stays), in step with the list when it changes elsewhere.
  const [text, setText] = useState(value.join('\n'));
  useEffect(() => {
    if (parseLines(text).join('\n') !== value.join('\n')) setText(value.join('\n'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  return (
    <Field.Root name={name} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Textarea
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
          setText(e.target.value);
          onChange(parseLines(e.target.value));
        }}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
