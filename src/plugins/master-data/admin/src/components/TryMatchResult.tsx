import { useState } from 'react';
import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { MatchCandidate } from '../../../shared/contracts/matching';
import type { TryMatchResponse } from '../../../shared/contracts/settings';
import { byDecisionThenScore, editViewPath, formatScore, recordCode, recordName } from '../utils/duplicates';
import { DecisionBadge } from './DecisionBadge';
import { MatchReasonsTable } from './MatchReasonsTable';

const DECISION_TEXT = {
  block: 'A write of this record would be refused (409): it duplicates a stored record.',
  review: 'A write of this record would go through, and the pair would be queued for a steward.',
  allow: 'A write of this record would go through: no stored record is close enough.',
} as const;

/** A candidate: who it is, its score and decision; its reasons below, open for the strongest. */
const Candidate = ({ candidate, record, uid, first }: { candidate: MatchCandidate; record: TryMatchResponse['records'][string] | undefined; uid: string; first: boolean }) => {
  const [open, setOpen] = useState(first);
  const code = recordCode(record);
  return (
    <Box padding={4} hasRadius borderColor="neutral200" borderStyle="solid" borderWidth="1px" data-candidate={candidate.documentId} data-decision={candidate.decision}>
      <Flex justifyContent="space-between" gap={4}>
        <Flex gap={3}>
          <DecisionBadge decision={candidate.decision} />
          <Typography fontWeight="bold">{formatScore(candidate.score)}</Typography>
          <Link tag={NavLink} to={editViewPath(uid, candidate.documentId)}>
            {`${code ? `${code} · ` : ''}${recordName(record, candidate.documentId)}`}
          </Link>
        </Flex>
        <Button variant="ghost" size="S" onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide reasons' : 'Show reasons'}
        </Button>
      </Flex>
      {open && (
        <Box paddingTop={3}>
          <MatchReasonsTable reasons={candidate.reasons} />
        </Box>
      )}
    </Box>
  );
};

/** What a write of the tried record would get: the decision, then every candidate with its reasons. */
export const TryMatchResult = ({ result }: { result: TryMatchResponse }) => {
  const { decision, thresholds, note, ignored } = result.meta;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} role="region" aria-label="Match result">
      <Flex gap={3} data-try-decision={decision}>
        <DecisionBadge decision={decision} />
        <Typography textColor="neutral800">{DECISION_TEXT[decision]}</Typography>
      </Flex>
      <Typography
        variant="pi"
        textColor="neutral600"
      >{`Block from ${formatScore(thresholds.block)}, review from ${formatScore(thresholds.review)}; ${result.data.length === 1 ? '1 candidate' : `${result.data.length} candidates`}.`}</Typography>
      {note && (
        <Typography variant="pi" textColor="warning600">
          {note}
        </Typography>
      )}
      {ignored.map((item) => (
        <Typography key={item.path.join('.')} variant="pi" textColor="warning600">{`${item.path.slice(1).join('.')} left out: ${item.message}`}</Typography>
      ))}
      {[...result.data].sort(byDecisionThenScore).map((candidate, index) => (
        <Candidate key={candidate.documentId} candidate={candidate} record={result.records[candidate.documentId]} uid={result.meta.uid} first={index === 0} />
      ))}
    </Flex>
  );
};
