import { useEffect, useState } from 'react';
import { Flex, IconButton, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { CONDITION_OPS, type ConditionOp, type PolicyCondition } from '../../../shared/contracts/settings';
import type { AttributeInfo } from '../utils/contentTypes';
import { conditionValueText, needsValue, OP_LABELS, parseConditionValue } from '../utils/policyConditions';

interface Props {
  index: number;
  condition: PolicyCondition;
  attributes: [string, AttributeInfo][];
  error?: string;
  disabled: boolean;
  onChange(condition: PolicyCondition): void;
  onRemove(): void;
}

/** One condition of a policy: attribute, operator, value (a list for "is one of", comma-separated). */
export const PolicyConditionRow = ({ index, condition, attributes, error, disabled, onChange, onRemove }: Props) => {
  const attribute = attributes.find(([name]) => name === condition.field)?.[1];
  // The value as typed ("A, " while the next item is typed), in step with the stored value.
  const [text, setText] = useState(conditionValueText(condition.value));
  useEffect(() => {
    if (conditionValueText(parseConditionValue(condition.op, text, attribute)) !== conditionValueText(condition.value)) setText(conditionValueText(condition.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [condition.value]);
  const names = attributes.map(([name]) => name);
  if (condition.field && !names.includes(condition.field)) names.push(condition.field);

  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-condition={index}>
      <Flex gap={2} alignItems="center">
        <SingleSelect
          aria-label={`Condition ${index + 1} field`}
          size="S"
          placeholder="Attribute"
          value={condition.field || null}
          disabled={disabled}
          hasError={Boolean(error)}
          onChange={(field: string | number) => onChange({ ...condition, field: String(field) })}
        >
          {names.map((name) => (
            <SingleSelectOption key={name} value={name}>
              {name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <SingleSelect
          aria-label={`Condition ${index + 1} operator`}
          size="S"
          value={condition.op}
          disabled={disabled}
          onChange={(op: string | number) => {
            const next = op as ConditionOp;
            onChange({ ...condition, op: next, value: parseConditionValue(next, text, attribute) });
          }}
        >
          {CONDITION_OPS.map((op) => (
            <SingleSelectOption key={op} value={op}>
              {OP_LABELS[op]}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        {needsValue(condition.op) && (
          <TextInput
            aria-label={`Condition ${index + 1} value`}
            size="S"
            placeholder={condition.op === 'in' ? 'A, B, C' : 'Value'}
            value={text}
            disabled={disabled}
            hasError={Boolean(error)}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
              setText(e.target.value);
              onChange({ ...condition, value: parseConditionValue(condition.op, e.target.value, attribute) });
            }}
          />
        )}
        {!disabled && (
          <IconButton label={`Remove condition ${index + 1}`} variant="ghost" onClick={onRemove}>
            <Trash />
          </IconButton>
        )}
      </Flex>
      {error && (
        <Typography variant="pi" textColor="danger600">
          {error}
        </Typography>
      )}
    </Flex>
  );
};
