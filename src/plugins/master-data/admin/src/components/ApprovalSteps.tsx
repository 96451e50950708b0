import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { formatDateTime } from '../utils/audit';
import { rolesText, stepCount, type ChangeRequestStatus, type StepView, type StepStatus } from '../utils/approvals';

const STEP_BADGE: Record<StepStatus, { label: string; variant: 'success' | 'warning' | 'neutral' }> = {
  done: { label: 'Done', variant: 'success' },
  current: { label: 'Waiting', variant: 'warning' },
  waiting: { label: 'Next', variant: 'neutral' },
};
/** A step the request never reached (it was rejected, withdrawn or went stale first). */
const NOT_REACHED = { label: 'Not reached', variant: 'neutral' as const };

interface Props {
  steps: StepView[];
  /** The request's status: the steps of a closed request that were never reached say so. */
  status: ChangeRequestStatus;
  /** In the edit view's side panel: no approval times. */
  compact?: boolean;
}

/**
 * The approval steps in order: each step's name, the roles that may approve it, n of m approvals,
 * and who approved (and when).
 */
export const ApprovalSteps = ({ steps, status, compact = false }: Props) => {
  if (steps.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        No approval steps.
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ol" aria-label="Approval steps">
      {steps.map((step) => {
        const badge = step.status === 'waiting' && status !== 'pending' ? NOT_REACHED : (STEP_BADGE[step.status] ?? STEP_BADGE.waiting);
        return (
          <Box
            key={step.index}
            tag="li"
            padding={compact ? 3 : 4}
            hasRadius
            background={step.status === 'current' ? 'warning100' : step.status === 'done' ? 'success100' : 'neutral100'}
            borderColor={step.status === 'current' ? 'warning200' : step.status === 'done' ? 'success200' : 'neutral200'}
            borderStyle="solid"
            borderWidth="1px"
            data-step={step.index}
            data-step-status={step.status}
          >
            <Flex justifyContent="space-between" gap={2} wrap="wrap">
              <Typography fontWeight="bold" textColor="neutral800">
                {`${step.index + 1}. ${step.name}`}
              </Typography>
              <Flex gap={2}>
                <Typography variant="pi" textColor="neutral700" data-step-count>
                  {`${stepCount(step)} ${step.required === 1 ? 'approval' : 'approvals'}`}
                </Typography>
                <Badge size="S" variant={badge.variant}>
                  {badge.label}
                </Badge>
              </Flex>
            </Flex>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {`Approved by: ${rolesText(step.roles)}`}
            </Typography>
            {step.approvals.map((approval, i) => (
              <Typography key={i} variant="pi" textColor="neutral800" tag="p" style={{ wordBreak: 'break-word' }}>
                {compact ? `✓ ${approval.actor.name}` : `✓ ${approval.actor.name}, ${formatDateTime(approval.at)}`}
              </Typography>
            ))}
          </Box>
        );
      })}
    </Flex>
  );
};
