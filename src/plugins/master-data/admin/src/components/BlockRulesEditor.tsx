import { Button, Field, Flex, IconButton, MultiSelect, MultiSelectOption, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { COMPARATORS, type Comparator, type MatchingSettings } from '../../../shared/contracts/settings';
import { uncomparedIn } from '../utils/settingsDocument';
import { errorAt, messagesUnder } from '../utils/settingsErrors';

interface Props {
  uid: string;
  rules: Comparator[][];
  /** The attributes feeding the keys: a rule naming a comparator none feeds never fires. */
  fields: MatchingSettings['fields'];
  errors: Record<string, string>;
  disabled: boolean;
  onChange(rules: Comparator[][]): void;
}

/** Decisive rules: when every comparator of a rule is the same, the write is blocked whatever the score. */
export const BlockRulesEditor = ({ uid, rules, fields, errors, disabled, onChange }: Props) => {
  const base = ['governed', uid, 'matching', 'blockWhen'];
  const neverFires = (rule: Comparator[]) => {
    const missing = uncomparedIn(rule, fields);
    return missing.length ? `Never fires: no field is used for ${missing.join(', ')}.` : undefined;
  };
  const set = (index: number, rule: Comparator[]) => onChange(rules.map((r, i) => (i === index ? rule : r)));
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {rules.length === 0 && <Typography textColor="neutral600">No block rule: only the score blocks.</Typography>}
      {rules.map((rule, index) => (
        <Flex key={index} gap={2} alignItems="flex-end" data-block-rule={index}>
          <Field.Root name={`blockWhen.${index}`} error={messagesUnder(errors, [...base, String(index)])} hint={neverFires(rule)} style={{ flex: 1 }}>
            <Field.Label>{`Rule ${index + 1}: block when all are the same`}</Field.Label>
            <MultiSelect withTags value={rule} placeholder="Choose comparators" disabled={disabled} onChange={(value: string[]) => set(index, value as Comparator[])}>
              {COMPARATORS.map((comparator) => (
                <MultiSelectOption key={comparator} value={comparator}>
                  {comparator}
                </MultiSelectOption>
              ))}
            </MultiSelect>
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          {!disabled && (
            <IconButton label={`Remove rule ${index + 1}`} variant="ghost" onClick={() => onChange(rules.filter((_, i) => i !== index))}>
              <Trash />
            </IconButton>
          )}
        </Flex>
      ))}
      {errorAt(errors, base) && <Typography textColor="danger600">{errorAt(errors, base)}</Typography>}
      {!disabled && (
        <Flex>
          <Button variant="secondary" startIcon={<Plus />} onClick={() => onChange([...rules, []])}>
            Add a block rule
          </Button>
        </Flex>
      )}
    </Flex>
  );
};
