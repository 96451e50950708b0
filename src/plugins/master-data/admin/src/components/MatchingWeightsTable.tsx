import { Field, NumberInput, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { DEFAULT_WEIGHTS, WEIGHT_LABELS, type MatchingSettings, type WeightKey } from '../../../shared/contracts/settings';
import { errorAt } from '../utils/settingsErrors';
import { TableHead } from './TableHead';

const COLUMNS = ['Evidence', 'Weight', 'Default'];
const KEYS = Object.keys(DEFAULT_WEIGHTS) as WeightKey[];

interface Props {
  uid: string;
  weights: MatchingSettings['weights'];
  errors: Record<string, string>;
  disabled: boolean;
  onChange(key: WeightKey, value: number | undefined): void;
}

/** What each piece of evidence adds to (or takes from) the score; empty: the default. */
export const MatchingWeightsTable = ({ uid, weights, errors, disabled, onChange }: Props) => (
  <Table colCount={COLUMNS.length} rowCount={KEYS.length + 1}>
    <TableHead columns={COLUMNS} />
    <Tbody>
      {KEYS.map((key) => {
        const error = errorAt(errors, ['governed', uid, 'matching', 'weights', key]);
        return (
          <Tr key={key} data-weight={key}>
            <Td>
              <Typography textColor="neutral800">{WEIGHT_LABELS[key]}</Typography>
            </Td>
            <Td style={{ width: '14rem' }}>
              <Field.Root name={`weights.${key}`} error={error}>
                <NumberInput
                  aria-label={WEIGHT_LABELS[key]}
                  size="S"
                  step={0.05}
                  placeholder={String(DEFAULT_WEIGHTS[key])}
                  value={weights[key]}
                  onValueChange={(value: number | undefined) => onChange(key, value)}
                  disabled={disabled}
                />
                <Field.Error />
              </Field.Root>
            </Td>
            <Td>
              <Typography textColor="neutral600">{String(DEFAULT_WEIGHTS[key])}</Typography>
            </Td>
          </Tr>
        );
      })}
    </Tbody>
  </Table>
);
