/**
 * Explainable pair scoring. Pure. Every comparator adds a signed contribution and says why; the
 * score is their sum clamped to 0..1. Decisive rules (all their comparators exact, e.g. the same
 * tax id) block whatever the sum, unless both sides have different tax ids. Bands: block ≥ thresholds.block, review ≥ thresholds.review,
 * otherwise allow.
 */
import { DEFAULT_WEIGHTS } from '../../../../shared/contracts/settings';
import type { MatchKeys } from './keys';
import { charSimilarity, compareNames, pinyinJoined, type NameSide } from './names';
import type { Decision, MatchReason } from '../../../../shared/contracts/matching';

export type Comparator = 'taxId' | 'name' | 'city' | 'phone' | 'email' | 'domain' | 'country';

export interface ScoringSettings {
  thresholds: { block: number; review: number };
  weights: {
    /** Same tax id; its negative counts as evidence against when both sides have different ones. */
    taxId: number;
    taxIdDifferent: number;
    /** Same normalised name. */
    nameExact: number;
    /** The same name written another way: word order, `Last, First`, pinyin or English for Chinese. */
    nameEquivalent: number;
    /** Similar name at similarity 1 (scaled down linearly to 0 at nameMinSimilarity). */
    nameSimilar: number;
    nameMinSimilarity: number;
    /** Same city, counted only when the names are the same or similar. */
    city: number;
    cityDifferent: number;
    phone: number;
    email: number;
    domain: number;
    /** Cap on phone + email + domain together: they often move as one. */
    contactCap: number;
    countryDifferent: number;
    /**
     * Persons: name contributions are multiplied by this (a personal name is shared by many
     * people: 张伟, Sarah Lewis), and a name, with or without the city, never blocks by rule.
     */
    personName: number;
    /** Persons: both have a phone or an email and none is shared (namesakes, not one person). */
    personContactDifferent: number;
  };
  /** Decisive rules: each a list of comparators that must all be exact to block. */
  blockWhen: Comparator[][];
}

export const DEFAULT_SCORING: ScoringSettings = {
  thresholds: { block: 1, review: 0.5 },
  // One table with the settings pages (shared/contracts/settings.ts), where the reasons stand.
  weights: { ...DEFAULT_WEIGHTS },
  blockWhen: [['taxId'], ['name', 'city']],
};

/** Name similarity of two keys: the better of Jaro-Winkler (typos, shared prefix) and bigram Dice (reordered parts). */
export const nameSimilarity = charSimilarity;

const HAN = /\p{Script=Han}/u;
const nameSide = (keys: MatchKeys): NameSide | null =>
  keys.name && keys.tokens
    ? { key: keys.name, tokens: keys.tokens, terms: keys.terms ?? [], person: Boolean(keys.person), roman: keys.roman ?? '', pinyin: keys.pinyin }
    : null;

/** Cities: the same key, or a Chinese city and its pinyin (深圳 = Shenzhen). */
const sameCity = (a: string, b: string) => {
  if (a === b) return true;
  const hanA = HAN.test(a);
  if (hanA === HAN.test(b)) return false;
  return pinyinJoined(hanA ? a : b) === (hanA ? b : a);
};

export interface PairScore {
  score: number;
  decision: Decision;
  reasons: MatchReason[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export const scorePair = (query: MatchKeys, candidate: MatchKeys, settings: ScoringSettings = DEFAULT_SCORING): PairScore => {
  const w = settings.weights;
  const reasons: MatchReason[] = [];
  const exact = new Set<Comparator>();
  const add = (reason: MatchReason) => reasons.push({ ...reason, contribution: round(reason.contribution) });

  if (query.taxId && candidate.taxId) {
    if (query.taxId === candidate.taxId) {
      exact.add('taxId');
      add({ field: 'taxId', comparator: 'exact', outcome: 'same', contribution: w.taxId });
    } else {
      add({ field: 'taxId', comparator: 'exact', outcome: 'different', contribution: w.taxIdDifferent });
    }
  }

  // Persons: either side a person (declared, or a name that reads as one).
  const person = Boolean(query.person || candidate.person);
  const nameFactor = person ? w.personName : 1;
  let nameMatched = false;
  if (query.name && candidate.name) {
    const a = nameSide(query);
    const b = nameSide(candidate);
    const compared =
      a && b
        ? compareNames(a, b, w.nameMinSimilarity)
        : query.name === candidate.name
          ? { level: 'exact' as const, similarity: 1, comparator: 'exact' }
          : { level: 'similar' as const, similarity: nameSimilarity(query.name, candidate.name), comparator: 'jaro-winkler/dice' };
    if (compared.level === 'exact') {
      exact.add('name');
      nameMatched = true;
      add({ field: 'name', comparator: 'exact', outcome: 'same', similarity: 1, contribution: w.nameExact * nameFactor });
    } else if (compared.level === 'equivalent') {
      nameMatched = true;
      add({ field: 'name', comparator: compared.comparator, outcome: 'same', similarity: 1, contribution: w.nameEquivalent * nameFactor });
    } else if (compared.similarity >= w.nameMinSimilarity) {
      nameMatched = true;
      const scaled = (compared.similarity - w.nameMinSimilarity) / (1 - w.nameMinSimilarity || 1);
      add({
        field: 'name',
        comparator: compared.comparator,
        outcome: 'similar',
        similarity: round(compared.similarity),
        contribution: w.nameSimilar * (0.5 + 0.5 * Math.min(1, scaled)) * nameFactor,
      });
    }
  }

  if (query.city && candidate.city) {
    if (sameCity(query.city, candidate.city)) {
      if (query.city === candidate.city) exact.add('city');
      if (nameMatched) add({ field: 'city', comparator: 'exact', outcome: 'same', contribution: w.city });
    } else {
      add({ field: 'city', comparator: 'exact', outcome: 'different', contribution: w.cityDifferent });
    }
  }

  const contacts: MatchReason[] = [];
  if (query.phone && query.phone === candidate.phone) {
    exact.add('phone');
    contacts.push({ field: 'phone', comparator: 'exact', outcome: 'same', contribution: w.phone });
  }
  if (query.email && query.email === candidate.email) {
    exact.add('email');
    contacts.push({ field: 'email', comparator: 'exact', outcome: 'same', contribution: w.email });
  }
  const domain = query.domains.find((d) => candidate.domains.includes(d));
  if (domain && !(query.email && query.email === candidate.email)) {
    exact.add('domain');
    contacts.push({ field: 'domain', comparator: 'exact', outcome: 'same', value: domain, contribution: w.domain });
  }
  let budget = w.contactCap;
  for (const reason of contacts) {
    const contribution = Math.min(reason.contribution, budget);
    budget -= contribution;
    add({ ...reason, contribution });
  }
  // Two people of one name with their own phones or emails are namesakes.
  if (person && nameMatched && !exact.has('phone') && !exact.has('email')) {
    const phones = Boolean(query.phone && candidate.phone);
    const emails = Boolean(query.email && candidate.email);
    if (phones || emails) add({ field: phones ? 'phone' : 'email', comparator: 'exact', outcome: 'different', contribution: w.personContactDifferent });
  }

  if (query.country && candidate.country && query.country !== candidate.country) {
    add({ field: 'country', comparator: 'exact', outcome: 'different', contribution: w.countryDifferent });
  }

  const sum = reasons.reduce((total, reason) => total + reason.contribution, 0);
  // Rounded before the bands are applied: 0.6 + 0.3 + 0.1 must reach a threshold of 1.
  let score = round(Math.min(1, Math.max(0, sum)));
  // Different tax ids on both sides veto the rules: two registered companies, not one record twice.
  const contradicted = reasons.some((r) => r.field === 'taxId' && r.outcome === 'different');
  // A person's name is never decisive: a rule naming the name blocks persons only with an identifier in it.
  const rule = contradicted
    ? undefined
    : settings.blockWhen.find(
        (fields) =>
          fields.length > 0 &&
          fields.every((field) => exact.has(field)) &&
          !(person && fields.includes('name') && !fields.some((f) => f === 'taxId' || f === 'phone' || f === 'email'))
      );
  if (rule) {
    score = 1;
    reasons.unshift({ field: rule.join('+'), comparator: 'rule', outcome: 'block', contribution: 0 });
  }
  const decision: Decision = rule || score >= settings.thresholds.block ? 'block' : score >= settings.thresholds.review ? 'review' : 'allow';
  return { score: round(score), decision, reasons };
};

/** Best first: block before review before allow, then by score. */
export const byStrength = (a: PairScore, b: PairScore) => {
  const rank = { block: 2, review: 1, allow: 0 } as const;
  return rank[b.decision] - rank[a.decision] || b.score - a.score;
};
