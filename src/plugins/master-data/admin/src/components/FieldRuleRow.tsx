import { useState } from 'react';
import { Button, Checkbox, Flex, SingleSelect, SingleSelectOption, Td, Tr, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { COUNTRY_RULES, DEFAULT_COUNTRY_FIELD, RULE_LABELS, RULE_TYPES, type FieldRule, type GovernedTypeSettings, type RuleType } from '../../../shared/contracts/settings';
import type { RuleField } from '../utils/contentTypes';
import { checksSummary } from '../utils/ruleSummary';
import { isSensitive } from '../utils/settingsDocument';
import { errorAt, errorsUnder } from '../utils/settingsErrors';
import { FieldChecksModal } from './FieldChecksModal';

interface Props {
  uid: string;
  field: RuleField;
  type: GovernedTypeSettings;
  countryFields: string[];
  errors: Record<string, string>;
  disabled: boolean;
  onRule(rule: FieldRule | undefined): void;
  onSensitive(sensitive: boolean): void;
}

/** One field's rule, edited in place; the checks (allowed values, pattern) in a dialog. The server's errors show under the field's name. */
export const FieldRuleRow = ({ uid, field, type, countryFields, errors, disabled, onRule, onSensitive }: Props) => {
  const [editing, setEditing] = useState(false);
  const rule = type.fields?.[field.path] ?? {};
  const base = ['governed', uid, 'fields', field.path];
  const problems = errorsUnder(errors, base);
  const readsCountry = Boolean(rule.type && COUNTRY_RULES.includes(rule.type));
  const summary = checksSummary(rule);

  return (
    <Tr data-field={field.path} data-error={problems.length > 0 || undefined}>
      <Td style={{ verticalAlign: 'top', whiteSpace: 'normal', minWidth: '14rem' }}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography fontWeight="bold" textColor={field.attributeType === 'missing' ? 'danger600' : 'neutral800'}>
            {field.path}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {field.attributeType === 'missing'
              ? 'no longer an attribute of the type: remove its rule'
              : field.component
                ? `${field.component} · ${field.attributeType}`
                : field.attributeType}
          </Typography>
          {problems.map((problem) => (
            <Typography key={problem.rest.join('.')} variant="pi" textColor="danger600" data-error-for={[field.path, ...problem.rest].join('.')}>
              {`${problem.rest.length ? `${problem.rest.join('.')}: ` : ''}${problem.message}`}
            </Typography>
          ))}
        </Flex>
      </Td>
      <Td style={{ verticalAlign: 'top', width: '13rem' }}>
        <SingleSelect
          aria-label={`Rule of ${field.path}`}
          size="S"
          placeholder="No rule"
          value={rule.type ?? null}
          hasError={Boolean(errorAt(errors, [...base, 'type']))}
          disabled={disabled}
          onClear={rule.type ? () => onRule({ ...rule, type: undefined }) : undefined}
          clearLabel="No rule"
          onChange={(value: string | number) => onRule({ ...rule, type: value as RuleType })}
        >
          {RULE_TYPES.map((ruleType) => (
            <SingleSelectOption key={ruleType} value={ruleType}>
              {RULE_LABELS[ruleType]}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Td>
      <Td style={{ verticalAlign: 'top', width: '12rem' }}>
        {readsCountry ? (
          <SingleSelect
            aria-label={`Country field of ${field.path}`}
            size="S"
            placeholder={DEFAULT_COUNTRY_FIELD}
            value={rule.countryField ?? null}
            hasError={Boolean(errorAt(errors, [...base, 'countryField']))}
            disabled={disabled}
            onClear={rule.countryField ? () => onRule({ ...rule, countryField: undefined }) : undefined}
            clearLabel="The default country field"
            onChange={(value: string | number) => onRule({ ...rule, countryField: String(value) })}
          >
            {countryFields.map((name) => (
              <SingleSelectOption key={name} value={name}>
                {name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        ) : (
          <Typography textColor="neutral500">—</Typography>
        )}
      </Td>
      <Td style={{ verticalAlign: 'top' }}>
        <Checkbox
          aria-label={`${field.path} is required`}
          checked={Boolean(rule.required)}
          disabled={disabled}
          onCheckedChange={(checked: boolean | 'indeterminate') => onRule({ ...rule, required: checked === true })}
        />
      </Td>
      <Td style={{ verticalAlign: 'top', whiteSpace: 'normal', maxWidth: '18rem' }}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          {summary && (
            <Typography variant="pi" textColor="neutral800" style={{ wordBreak: 'break-all' }}>
              {summary}
            </Typography>
          )}
          <Button variant="ghost" size="S" startIcon={<Pencil />} onClick={() => setEditing(true)} aria-label={`Checks of ${field.path}`}>
            {summary ? 'Edit' : 'Add checks'}
          </Button>
        </Flex>
        <FieldChecksModal
          open={editing}
          path={field.path}
          rule={rule}
          enumValues={field.enum}
          errors={errors}
          base={base}
          disabled={disabled}
          onClose={() => setEditing(false)}
          onApply={(checks) => onRule({ ...rule, ...checks })}
        />
      </Td>
      <Td style={{ verticalAlign: 'top' }}>
        <Checkbox
          aria-label={`${field.path} is sensitive`}
          checked={isSensitive(type, field.path)}
          disabled={disabled}
          onCheckedChange={(checked: boolean | 'indeterminate') => onSensitive(checked === true)}
        />
      </Td>
    </Tr>
  );
};
