import { Box, Flex, Typography } from '@strapi/design-system';
import { formatDateTime } from '../utils/audit';
import { COMMENT_VERBS, type CommentView } from '../utils/approvals';

const TONE: Record<string, 'success100' | 'danger100' | 'neutral100' | 'warning100'> = {
  approve: 'success100',
  applied: 'success100',
  reject: 'danger100',
  blocked: 'danger100',
  stale: 'warning100',
};

/** The request's history and discussion, oldest first: submit, comments, approvals, the outcome. */
export const CommentsThread = ({ comments }: { comments: CommentView[] }) => {
  if (comments.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        No comments yet.
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ol" aria-label="Comments">
      {comments.map((comment) => (
        <Box
          key={comment.id}
          tag="li"
          padding={3}
          hasRadius
          background={TONE[comment.kind] ?? 'neutral100'}
          borderColor="neutral200"
          borderStyle="solid"
          borderWidth="1px"
          data-kind={comment.kind}
        >
          <Flex justifyContent="space-between" gap={2} wrap="wrap">
            <Typography variant="pi" textColor="neutral800" fontWeight="bold" style={{ wordBreak: 'break-word' }}>
              {`${comment.actor.name} ${COMMENT_VERBS[comment.kind] ?? comment.kind}`}
            </Typography>
            <Typography variant="pi" textColor="neutral600" title={comment.at}>
              {formatDateTime(comment.at)}
            </Typography>
          </Flex>
          {comment.body && (
            <Typography tag="p" textColor="neutral800" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {comment.body}
            </Typography>
          )}
        </Box>
      ))}
    </Flex>
  );
};
