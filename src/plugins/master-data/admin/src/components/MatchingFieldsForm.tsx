import { Grid } from '@strapi/design-system';
import { MATCH_FIELD_KEYS, type MatchFieldKey, type MatchingSettings } from '../../../shared/contracts/settings';
import { errorAt } from '../utils/settingsErrors';
import { LinesField } from './LinesField';
import { SelectField } from './SelectField';

const KEY_LABELS: Record<MatchFieldKey, { label: string; hint: string }> = {
  name: { label: 'Name', hint: 'Folded, legal form and region taken out, romanised.' },
  taxId: { label: 'Tax id', hint: 'Compared on its registered root, per country.' },
  phone: { label: 'Phone', hint: 'E.164.' },
  email: { label: 'Email', hint: 'Also gives the company domain (free mail left out).' },
  website: { label: 'Website', hint: 'Gives the company domain.' },
  city: { label: 'City', hint: 'Across scripts (深圳 = Shenzhen).' },
  country: { label: 'Country', hint: 'Qualifies the tax id; another country counts against.' },
  kind: { label: 'Person or company', hint: 'Persons are never blocked by their name.' },
};

interface Props {
  uid: string;
  matching: MatchingSettings;
  attributes: string[];
  errors: Record<string, string>;
  disabled: boolean;
  onField(key: MatchFieldKey, attribute: string): void;
  onPersonValues(values: string[]): void;
}

/** Which attribute feeds each match key (a key without an attribute is not compared). */
export const MatchingFieldsForm = ({ uid, matching, attributes, errors, disabled, onField, onPersonValues }: Props) => {
  const options = attributes.map((name) => ({ value: name, label: name }));
  return (
    <Grid.Root gap={4}>
      {MATCH_FIELD_KEYS.map((key) => (
        <Grid.Item key={key} col={3} s={6} xs={12} direction="column" alignItems="stretch">
          <SelectField
            name={`matching.fields.${key}`}
            label={KEY_LABELS[key].label}
            hint={KEY_LABELS[key].hint}
            placeholder="Not compared"
            clearLabel={`Do not compare ${KEY_LABELS[key].label.toLowerCase()}`}
            value={matching.fields[key] ?? ''}
            options={options}
            onChange={(attribute) => onField(key, attribute)}
            error={errorAt(errors, ['governed', uid, 'matching', 'fields', key])}
            disabled={disabled}
          />
        </Grid.Item>
      ))}
      {matching.fields.kind && (
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <LinesField
            name="matching.personValues"
            label={`Values of ${matching.fields.kind} that make a record a person`}
            hint="One a line, compared in lower case."
            value={matching.personValues}
            onChange={onPersonValues}
            error={errorAt(errors, ['governed', uid, 'matching', 'personValues'])}
            disabled={disabled}
          />
        </Grid.Item>
      )}
    </Grid.Root>
  );
};
