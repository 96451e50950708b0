import { Box } from '@strapi/design-system';
import type { MatchingSettings } from '../../../shared/contracts/settings';
import { BlockRulesEditor } from '../components/BlockRulesEditor';
import { GovernedTypeSelect, NoGovernedType } from '../components/GovernedTypeSelect';
import { MatchingFieldsForm } from '../components/MatchingFieldsForm';
import { MatchingThresholdsForm } from '../components/MatchingThresholdsForm';
import { MatchingWeightsTable } from '../components/MatchingWeightsTable';
import { SettingsFrame } from '../components/SettingsFrame';
import { SettingsSection } from '../components/SettingsSection';
import { ToggleField } from '../components/ToggleField';
import { TryRecordBox } from '../components/TryRecordBox';
import { VocabularyForm } from '../components/VocabularyForm';
import { useGovernedTypeChoice } from '../hooks/useGovernedTypeChoice';
import { useSettings } from '../hooks/useSettings';
import { textAttributes } from '../utils/contentTypes';
import { editMatching, setMatchField, setMatchingEnabled, setWeight } from '../utils/settingsDocument';
import { errorAt } from '../utils/settingsErrors';

/** Duplicate matching of one governed type: keys, bands, weights, rules, vocabulary, and the try box. */
const Matching = () => {
  const { draft, dirty, errorMap, edit } = useSettings();
  const { uids, uid, select, typeNames: names, contentType, canManage } = useGovernedTypeChoice();
  const disabled = !canManage;
  if (!draft) return null;
  if (!uid) return <NoGovernedType />;
  const attributes = textAttributes(contentType);
  const matching = draft.governed[uid].matching;
  const change = (fn: (m: MatchingSettings) => void) => edit((document) => editMatching(document, uid, fn));

  return (
    <>
      <GovernedTypeSelect uids={uids} typeNames={names} value={uid} onChange={select} />
      <SettingsSection title="Duplicate matching" subtitle="Each write is compared with the stored records; a duplicate is refused or queued for review.">
        <Box style={{ maxWidth: '32rem' }}>
          <ToggleField
            name="matching.enabled"
            label={`Match ${names[uid] ?? uid} records for duplicates`}
            hint="Off: writes are not compared (the settings below are kept)."
            checked={Boolean(matching?.enabled)}
            disabled={disabled}
            error={errorAt(errorMap, ['governed', uid, 'matching'])}
            onChange={(on) => edit((document) => setMatchingEnabled(document, uid, on, attributes))}
          />
        </Box>
      </SettingsSection>
      {matching?.enabled && (
        <>
          <SettingsSection title="Fields used" subtitle="Which attribute feeds each match key. Saving a change rebuilds the keys of stored records in the background.">
            <MatchingFieldsForm
              uid={uid}
              matching={matching}
              attributes={attributes}
              errors={errorMap}
              disabled={disabled}
              onField={(key, attribute) => edit((document) => setMatchField(document, uid, key, attribute))}
              onPersonValues={(values) => change((m) => void (m.personValues = values))}
            />
          </SettingsSection>
          <SettingsSection title="Try a record" subtitle="What a write of this record would get, with the settings on these pages.">
            <TryRecordBox uid={uid} matching={matching} document={draft} dirty={dirty} />
          </SettingsSection>
          <SettingsSection title="Thresholds">
            <MatchingThresholdsForm uid={uid} matching={matching} errors={errorMap} disabled={disabled} onChange={(patch) => change((m) => Object.assign(m, patch))} />
          </SettingsSection>
          <SettingsSection title="Block rules" subtitle="A rule blocks when every comparator in it is the same, whatever the score (different tax ids veto the rules).">
            <BlockRulesEditor
              uid={uid}
              rules={matching.blockWhen}
              fields={matching.fields}
              errors={errorMap}
              disabled={disabled}
              onChange={(rules) => change((m) => void (m.blockWhen = rules))}
            />
          </SettingsSection>
          <SettingsSection title="Weights" subtitle="What each piece of evidence adds to the score (−1 to 1); empty: the default.">
            <MatchingWeightsTable
              uid={uid}
              weights={matching.weights}
              errors={errorMap}
              disabled={disabled}
              onChange={(key, value) => edit((document) => setWeight(document, uid, key, value))}
            />
          </SettingsSection>
          <SettingsSection title="Vocabulary" subtitle="Words the name and domain keys leave out, added to the built-in lists.">
            <VocabularyForm
              uid={uid}
              vocabulary={matching.vocabulary}
              errors={errorMap}
              disabled={disabled}
              onChange={(vocabulary) => change((m) => void (m.vocabulary = vocabulary))}
            />
          </SettingsSection>
        </>
      )}
    </>
  );
};

/** Settings → Master data → Matching. */
const MatchingSettingsPage = () => (
  <SettingsFrame title="Matching" intro="How governed records are compared to find duplicates.">
    <Matching />
  </SettingsFrame>
);

export default MatchingSettingsPage;
