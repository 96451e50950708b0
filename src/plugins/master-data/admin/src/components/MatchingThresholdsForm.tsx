import { Grid } from '@strapi/design-system';
import type { MatchingSettings } from '../../../shared/contracts/settings';
import { errorAt } from '../utils/settingsErrors';
import { NumberField } from './NumberField';

interface Props {
  uid: string;
  matching: MatchingSettings;
  errors: Record<string, string>;
  disabled: boolean;
  onChange(patch: Partial<Pick<MatchingSettings, 'thresholds' | 'limit'>>): void;
}

/** The bands: from `block` a write is refused (409), from `review` it is queued for a steward. */
export const MatchingThresholdsForm = ({ uid, matching, errors, disabled, onChange }: Props) => {
  const at = (...path: string[]) => errorAt(errors, ['governed', uid, 'matching', ...path]);
  const thresholds = matching.thresholds;
  return (
    <Grid.Root gap={4}>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <NumberField
          name="thresholds.block"
          label="Block from score"
          hint="0 to 1: the write is refused with 409."
          step={0.05}
          value={thresholds.block}
          onChange={(block) => onChange({ thresholds: { ...thresholds, block: block ?? 0 } })}
          error={at('thresholds', 'block') ?? at('thresholds')}
          disabled={disabled}
        />
      </Grid.Item>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <NumberField
          name="thresholds.review"
          label="Review from score"
          hint="0 to 1, not above block: the pair is queued."
          step={0.05}
          value={thresholds.review}
          onChange={(review) => onChange({ thresholds: { ...thresholds, review: review ?? 0 } })}
          error={at('thresholds', 'review')}
          disabled={disabled}
        />
      </Grid.Item>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <NumberField
          name="limit"
          label="Candidates returned"
          hint="1 to 100, by the match API."
          value={matching.limit}
          onChange={(limit) => onChange({ limit: limit ?? 10 })}
          error={at('limit')}
          disabled={disabled}
        />
      </Grid.Item>
    </Grid.Root>
  );
};
