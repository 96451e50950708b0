import type { WebhookOptions } from '../utils/webhooks';
import { MultiSelectField } from './MultiSelectField';

interface Props {
  value: string[];
  contentTypes: WebhookOptions['contentTypes'];
  error?: string;
  onChange(value: string[]): void;
}

/** The governed content types whose events the endpoint receives; none chosen = all of them. */
export const ContentTypesSelect = ({ value, contentTypes, error, onChange }: Props) => {
  // A uid chosen before that is no longer governed still shows, so it can be removed.
  const unknown = value.filter((uid) => !contentTypes.some((type) => type.uid === uid));
  const options = [...contentTypes.map((type) => ({ value: type.uid, label: `${type.displayName} (${type.uid})` })), ...unknown.map((uid) => ({ value: uid, label: uid }))];
  return (
    <MultiSelectField
      name="contentTypes"
      label="Content types"
      placeholder="All governed content types"
      clearLabel="Clear the content types"
      hint="None chosen: every governed content type."
      error={error}
      value={value}
      options={options}
      onChange={onChange}
    />
  );
};
