/** A governed type's matching settings: configuration merged over the defaults, resolved once. */
import type { MatchingConfig } from '../config/schema';
import type { KeyFields } from './domain/keys';
import { DEFAULT_VOCABULARY, type Vocabulary } from './domain/normalise';
import { DEFAULT_SCORING, type ScoringSettings } from './domain/score';

export interface MatchingSettings {
  fields: KeyFields;
  scoring: ScoringSettings;
  vocabulary: Vocabulary;
  limit: number;
  /** Values of the kind attribute that make a record a person, lower case. */
  personValues: string[];
  merged?: { field: string; value: string; pointer: string; move: string[] };
}

const HAN = /\p{Script=Han}/u;
const longestFirst = (list: string[]) => [...new Set(list)].sort((a, b) => b.length - a.length);

export const resolveMatchingSettings = (config: MatchingConfig): MatchingSettings => {
  const extra = config.vocabulary;
  const weights = Object.fromEntries(Object.entries(config.weights).filter(([, v]) => v !== undefined));
  return {
    fields: config.fields,
    scoring: {
      thresholds: config.thresholds,
      weights: { ...DEFAULT_SCORING.weights, ...weights },
      blockWhen: config.blockWhen,
    },
    vocabulary: {
      cnLegalForms: longestFirst([...DEFAULT_VOCABULARY.cnLegalForms, ...extra.legalForms.filter((f) => HAN.test(f))]),
      latinLegalForms: [...new Set([...DEFAULT_VOCABULARY.latinLegalForms, ...extra.legalForms.filter((f) => !HAN.test(f)).map((f) => f.toLowerCase().replace(/[.'’\s]/g, ''))])],
      cnRegionForms: longestFirst([...DEFAULT_VOCABULARY.cnRegionForms, ...extra.regions]),
      freeMailDomains: [...DEFAULT_VOCABULARY.freeMailDomains, ...extra.freeMailDomains.map((d) => d.toLowerCase())],
    },
    limit: config.limit,
    personValues: config.personValues.map((v) => v.toLowerCase()),
    merged: config.merged,
  };
};
