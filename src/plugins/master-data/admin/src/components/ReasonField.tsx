import { Field, Textarea } from '@strapi/design-system';

interface Props {
  name: string;
  label: string;
  hint: string;
  value: string;
  onChange(value: string): void;
}

/** The required "why" of a save, an import or a restore (kept with the version and on the audit trail). */
export const ReasonField = ({ name, label, hint, value, onChange }: Props) => (
  <Field.Root name={name} required hint={hint}>
    <Field.Label>{label}</Field.Label>
    <Textarea value={value} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} />
    <Field.Hint />
  </Field.Root>
);
