import { Box, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useApprovalPreview } from '../hooks/useApprovalPreview';
import { useChangeRequests } from '../hooks/useChangeRequests';
import { actionLabel, age, changedFieldsText, changeRequestPath, rolesText } from '../utils/approvals';
import { ApprovalSteps } from './ApprovalSteps';
import { ChangeRequestStatusBadge } from './ChangeRequestStatusBadge';

interface Props {
  uid: string;
  documentId: string;
  /** Changes when the record is saved or published, so the panel refetches. */
  version?: string;
}

/**
 * The record's open change request (its status, steps and a link to it) or, when there is none,
 * whether publishing the current draft would need approval.
 */
export const ApprovalList = ({ uid, documentId, version }: Props) => {
  const { requests, loading, error } = useChangeRequests({ uid, documentId, status: 'pending', pageSize: 5 }, { refreshKey: version });
  const preview = useApprovalPreview({ uid, documentId, refreshKey: version });

  if (loading && requests.length === 0) {
    return (
      <Flex justifyContent="center" width="100%">
        <Loader small>Loading the change requests…</Loader>
      </Flex>
    );
  }
  if (error) {
    return (
      <Typography variant="pi" textColor="danger600">
        {`The change requests could not be loaded: ${error}`}
      </Typography>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" aria-label="Approval" role="region">
      {requests.length === 0 && (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="pi" textColor="neutral600">
            No change request is open for this record.
          </Typography>
          {preview?.needsApproval && (
            <Typography variant="pi" textColor="warning700" data-needs-approval>
              {`Publishing the draft needs approval: ${preview.steps.map((step) => `${step.name} (${rolesText(step.roles)})`).join(', then ')}.`}
            </Typography>
          )}
        </Flex>
      )}
      {requests.map((request) => (
        <Flex key={request.id} direction="column" alignItems="stretch" gap={2} data-request={request.id}>
          <Flex justifyContent="space-between" gap={2}>
            <Typography variant="omega" fontWeight="bold" textColor="neutral800">
              {`#${request.id} ${actionLabel(request.action)}`}
            </Typography>
            <ChangeRequestStatusBadge status={request.status} />
          </Flex>
          <Typography variant="pi" textColor="neutral700" style={{ wordBreak: 'break-word' }}>
            {`${request.maker.name}, ${age(request.createdAt)}`}
          </Typography>
          {Object.keys(request.changes).length > 0 && (
            <Typography variant="pi" textColor="neutral700" style={{ wordBreak: 'break-word' }}>
              {`Changed: ${changedFieldsText(request.changes)}`}
            </Typography>
          )}
          {request.blocked && (
            <Typography variant="pi" textColor="danger600" style={{ wordBreak: 'break-word' }}>
              {`Could not be applied: ${request.blocked.message}`}
            </Typography>
          )}
          <ApprovalSteps steps={request.steps} status={request.status} compact />
          <Box>
            <Link tag={NavLink} to={changeRequestPath(request.id)}>
              Open the change request
            </Link>
          </Box>
        </Flex>
      ))}
    </Flex>
  );
};
