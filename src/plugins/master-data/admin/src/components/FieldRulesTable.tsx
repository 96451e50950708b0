import { Flex, Table, Tbody, Typography } from '@strapi/design-system';
import { DEFAULT_COUNTRY_FIELD, RULE_DESCRIPTIONS, RULE_LABELS, RULE_TYPES, type FieldRule, type GovernedTypeSettings } from '../../../shared/contracts/settings';
import type { RuleField } from '../utils/contentTypes';
import { FieldRuleRow } from './FieldRuleRow';
import { TableHead } from './TableHead';

const COLUMNS = ['Field', 'Rule', 'Country from', 'Required', 'Checks', 'Sensitive'];

interface Props {
  uid: string;
  type: GovernedTypeSettings;
  fields: RuleField[];
  /** The type's text attributes (a phone or tax id rule reads the country from one). */
  countryFields: string[];
  errors: Record<string, string>;
  disabled: boolean;
  onRule(path: string, rule: FieldRule | undefined): void;
  onSensitive(path: string, sensitive: boolean): void;
}

/** Every text field of the type (components' too) with its rule, checks and sensitivity. */
export const FieldRulesTable = ({ uid, type, fields, countryFields, errors, disabled, onRule, onSensitive }: Props) => (
  <Flex direction="column" alignItems="stretch" gap={3}>
    <Table colCount={COLUMNS.length} rowCount={fields.length + 1}>
      <TableHead columns={COLUMNS} />
      <Tbody>
        {fields.map((field) => (
          <FieldRuleRow
            key={field.path}
            uid={uid}
            field={field}
            type={type}
            countryFields={countryFields}
            errors={errors}
            disabled={disabled}
            onRule={(rule) => onRule(field.path, rule)}
            onSensitive={(sensitive) => onSensitive(field.path, sensitive)}
          />
        ))}
      </Tbody>
    </Table>
    <Typography variant="pi" textColor="neutral600" tag="p">
      {`Rules: ${RULE_TYPES.map((rule) => `${RULE_LABELS[rule]}: ${RULE_DESCRIPTIONS[rule]}`).join('; ')}. Phone and tax id read the country from the field chosen (by default ${DEFAULT_COUNTRY_FIELD}). A sensitive field is stored in the audit trail only as a fingerprint, and masked in webhooks.`}
    </Typography>
  </Flex>
);
