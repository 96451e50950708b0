import { useEffect, useState } from 'react';
import { Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Play } from '@strapi/icons';
import type { MatchingSettings, SettingsDocument } from '../../../shared/contracts/settings';
import { useTryMatch } from '../hooks/useTryMatch';
import { TextField } from './TextField';
import { TryMatchResult } from './TryMatchResult';

interface Props {
  uid: string;
  matching: MatchingSettings;
  /** The edited settings: the record is matched under them, not under those in force. */
  document: SettingsDocument;
  dirty: boolean;
}

/** The attributes a record needs for the match: those feeding a key, each once, in key order. */
const inputsOf = (matching: MatchingSettings) => [...new Set(Object.values(matching.fields).filter((name): name is string => Boolean(name)))];

/**
 * "Try a record": type a record's values and see what a write of it would get against the live
 * data, under the settings as edited here (nothing is saved): the candidates with their score,
 * decision and reasons.
 */
export const TryRecordBox = ({ uid, matching, document, dirty }: Props) => {
  const inputs = inputsOf(matching);
  const [record, setRecord] = useState<Record<string, string>>({});
  const { result, loading, error, errors, run, clear } = useTryMatch();
  useEffect(() => {
    setRecord({});
    clear();
  }, [uid, clear]);

  const values = Object.fromEntries(Object.entries(record).filter(([name, value]) => inputs.includes(name) && value.trim() !== ''));
  const recordError = (name: string) => errors.find((e) => e.path[0] === 'record' && e.path[1] === name)?.message;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography textColor="neutral600">
        {dirty ? 'Matched under the settings as edited on these pages, not saved yet.' : 'Matched under the settings in force.'} Nothing is written.
      </Typography>
      {inputs.length === 0 ? (
        <Typography textColor="neutral600">Choose the fields used for matching first.</Typography>
      ) : (
        <Grid.Root gap={4}>
          {inputs.map((name) => (
            <Grid.Item key={name} col={3} s={6} xs={12} direction="column" alignItems="stretch">
              <TextField name={`try.${name}`} label={name} value={record[name] ?? ''} onChange={(value) => setRecord((r) => ({ ...r, [name]: value }))} error={recordError(name)} />
            </Grid.Item>
          ))}
        </Grid.Root>
      )}
      <Flex gap={2}>
        <Button startIcon={<Play />} onClick={() => void run(uid, values, document)} loading={loading} disabled={Object.keys(values).length === 0}>
          Try
        </Button>
      </Flex>
      {error && (
        <Typography textColor="danger600" role="alert">
          {error}
        </Typography>
      )}
      {result && <TryMatchResult result={result} />}
    </Flex>
  );
};
