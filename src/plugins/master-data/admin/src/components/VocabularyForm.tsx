import { Grid } from '@strapi/design-system';
import type { MatchingSettings } from '../../../shared/contracts/settings';
import { errorAt } from '../utils/settingsErrors';
import { LinesField } from './LinesField';

type Vocabulary = MatchingSettings['vocabulary'];

const LISTS: { key: keyof Vocabulary; label: string; hint: string; placeholder: string }[] = [
  {
    key: 'legalForms',
    label: 'Legal forms',
    hint: 'Taken out of names before they are compared, besides the built-in ones (GmbH, 有限公司, Co., Ltd …).',
    placeholder: 'S.p.A.\nOy',
  },
  { key: 'regions', label: 'Regions', hint: 'Taken out of names wherever they stand, besides the built-in ones.', placeholder: '苏州\nBavaria' },
  { key: 'freeMailDomains', label: 'Free-mail domains', hint: 'Email domains that say nothing about the company.', placeholder: 'mail.example' },
];

interface Props {
  uid: string;
  vocabulary: Vocabulary;
  errors: Record<string, string>;
  disabled: boolean;
  onChange(vocabulary: Vocabulary): void;
}

/** Extra words for the name and domain keys (saving rebuilds the keys of stored records in the background). */
export const VocabularyForm = ({ uid, vocabulary, errors, disabled, onChange }: Props) => (
  <Grid.Root gap={4}>
    {LISTS.map((list) => (
      <Grid.Item key={list.key} col={4} s={12} direction="column" alignItems="stretch">
        <LinesField
          name={`vocabulary.${list.key}`}
          label={list.label}
          hint={`${list.hint} One a line.`}
          placeholder={list.placeholder}
          value={vocabulary[list.key]}
          onChange={(values) => onChange({ ...vocabulary, [list.key]: values })}
          error={errorAt(errors, ['governed', uid, 'matching', 'vocabulary', list.key])}
          disabled={disabled}
        />
      </Grid.Item>
    ))}
  </Grid.Root>
);
