import { Box, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useMatchCandidates } from '../hooks/useMatchCandidates';
import { DUPLICATES_PAGE_PATH, editViewPath, formatScore, pairPath, recordCode, recordName, topReasons } from '../utils/duplicates';
import { DecisionBadge } from './DecisionBadge';

interface Props {
  uid: string;
  documentId: string;
  /** Changes when the record is saved, so the list is matched again. */
  version?: string;
}

/** The records a saved record may duplicate, strongest first, each linking to its edit view and (if queued) the pair's comparison. */
export const DuplicatesList = ({ uid, documentId, version }: Props) => {
  const { candidates, records, openPairs, loading, error } = useMatchCandidates(uid, documentId, { refreshKey: version });

  if (loading && candidates.length === 0) {
    return (
      <Flex justifyContent="center" width="100%">
        <Loader small>Looking for duplicates…</Loader>
      </Flex>
    );
  }
  if (error) {
    return (
      <Typography variant="pi" textColor="danger600">
        {`The duplicates could not be loaded: ${error}`}
      </Typography>
    );
  }

  // Candidates the matcher would let through ("allow") are weak evidence: listed after the others.
  const strong = candidates.filter((c) => c.decision !== 'allow');
  const weak = candidates.filter((c) => c.decision === 'allow');

  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" tag="ol" aria-label="Potential duplicates">
      {candidates.length === 0 && (
        <Typography variant="pi" textColor="neutral600">
          No potential duplicates
        </Typography>
      )}
      {[...strong, ...weak].map((candidate) => {
        const record = records[candidate.documentId];
        const code = recordCode(record);
        const pair = openPairs[candidate.documentId];
        return (
          <Box
            key={candidate.documentId}
            tag="li"
            padding={3}
            background={candidate.decision === 'allow' ? 'neutral0' : 'neutral100'}
            hasRadius
            borderColor="neutral200"
            borderStyle="solid"
            borderWidth="1px"
          >
            <Flex justifyContent="space-between" alignItems="flex-start" gap={2} paddingBottom={1}>
              <Link tag={NavLink} to={editViewPath(uid, candidate.documentId)} style={{ wordBreak: 'break-word' }}>
                {recordName(record, candidate.documentId)}
              </Link>
              <Flex gap={1} shrink={0}>
                <Typography variant="pi" fontWeight="bold" textColor="neutral800">
                  {formatScore(candidate.score)}
                </Typography>
                <DecisionBadge decision={candidate.decision} />
              </Flex>
            </Flex>
            {code && (
              <Typography variant="pi" textColor="neutral600" tag="p">
                {code}
              </Typography>
            )}
            <Typography variant="pi" textColor="neutral600" tag="p" style={{ wordBreak: 'break-word' }}>
              {topReasons(candidate.reasons).join(', ')}
            </Typography>
            {pair && (
              <Box paddingTop={1}>
                <Link tag={NavLink} to={pairPath(pair.id)}>
                  Compare and merge
                </Link>
              </Box>
            )}
          </Box>
        );
      })}
      {strong.length > 0 && (
        <Box paddingTop={1}>
          <Link tag={NavLink} to={DUPLICATES_PAGE_PATH}>
            Open the duplicates queue
          </Link>
        </Box>
      )}
    </Flex>
  );
};
