import { useState } from 'react';
import { Alert, Box, Button, EmptyStateLayout, Field, Flex, Grid, Link, Loader, Modal, Textarea, Typography } from '@strapi/design-system';
import { ArrowLeft, Check, Cross, Message, ArrowLineLeft } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';
import { ActionBadge } from '../components/ActionBadge';
import { ApprovalSteps } from '../components/ApprovalSteps';
import { ChangeDiffTable } from '../components/ChangeDiffTable';
import { ChangeRequestStatusBadge } from '../components/ChangeRequestStatusBadge';
import { CommentsThread } from '../components/CommentsThread';
import { Property } from '../components/Property';
import { useChangeRequest } from '../hooks/useChangeRequest';
import { PERMISSIONS } from '../permissions';
import { formatDateTime } from '../utils/audit';
import { actionLabel, age, apiError, APPROVALS_PAGE_PATH, CHANGE_REQUESTS_URL, requestLabel, type ChangeRequestView, type ChangeRequestResponse } from '../utils/approvals';
import { editViewPath } from '../utils/duplicates';

type Busy = 'approve' | 'reject' | 'withdraw' | 'comment' | null;

const Section = ({ title, children, label }: { title: string; children: React.ReactNode; label?: string }) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius aria-label={label ?? title} tag="section">
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={4}>{children}</Box>
  </Box>
);

/** What became of a request that is no longer waiting, or why a pending one could not be applied. */
const Outcome = ({ request }: { request: ChangeRequestView }) => {
  if (request.status === 'pending' && request.blocked) {
    return (
      <Alert variant="danger" title="The approved change could not be applied" closeLabel="Close">
        {`${request.blocked.message} The request stays pending: fix the cause, then approve again.`}
      </Alert>
    );
  }
  const when = request.decidedAt ? ` on ${formatDateTime(request.decidedAt)}` : '';
  switch (request.status) {
    case 'applied':
      return (
        <Alert variant="success" title="Applied" closeLabel="Close">
          {`Every step approved it; the change went live${when}.`}
        </Alert>
      );
    case 'rejected':
      return (
        <Alert variant="danger" title="Rejected" closeLabel="Close">
          {`The change was rejected${when}; the live record was left as it was. The comments say why.`}
        </Alert>
      );
    case 'withdrawn':
      return (
        <Alert variant="default" title="Withdrawn" closeLabel="Close">
          {`The maker withdrew the change${when}.`}
        </Alert>
      );
    case 'stale':
      return (
        <Alert variant="warning" title="Stale" closeLabel="Close">
          {`The record changed after this request was made, so it can no longer be applied${when}. Submit the change again if it is still wanted.`}
        </Alert>
      );
    default:
      return null;
  }
};

/**
 * One change request: the change field by field (before → after), its approval steps, the comments,
 * and what the viewer may do: approve, reject (with a comment), withdraw (the maker), comment.
 * The server decides who may do what (`can`): four-eyes keeps the maker from approving, and says so.
 */
export const ChangeRequestPage = () => {
  const { id: param } = useParams();
  const id = Number(param);
  const valid = Number.isInteger(id) && id > 0;
  const { request, loading, error, reload, replace } = useChangeRequest(valid ? id : 0);
  const { allowedActions } = useRBAC(PERMISSIONS.changeRequestsApprove);
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState<Busy>(null);
  const [rejecting, setRejecting] = useState(false);
  const [rejectComment, setRejectComment] = useState('');
  const [comment, setComment] = useState('');

  const act = async (kind: Exclude<Busy, null>, path: string, body: Record<string, unknown>, success: string) => {
    setBusy(kind);
    try {
      const { data } = await post<ChangeRequestResponse>(`${CHANGE_REQUESTS_URL}/${id}/${path}`, body);
      replace(data.data);
      toggleNotification({ type: 'success', message: success });
      return true;
    } catch (e) {
      // 403 four-eyes / role, 409 stale / closed / blocked: the server's message says which.
      toggleNotification({ type: 'danger', title: 'The action failed', message: apiError(e).message });
      reload();
      return false;
    } finally {
      setBusy(null);
    }
  };

  // A decision names the round it was made on: a change amended since it was loaded is refused (409).
  const round = request?.round;
  const approve = () => act('approve', 'approve', { round }, 'Approved');
  const reject = async () => {
    if (!rejectComment.trim()) return;
    if (await act('reject', 'reject', { comment: rejectComment.trim(), round }, 'Rejected')) {
      setRejecting(false);
      setRejectComment('');
    }
  };
  const withdraw = () => act('withdraw', 'withdraw', {}, 'Withdrawn');
  const addComment = async () => {
    if (!comment.trim()) return;
    if (await act('comment', 'comments', { comment: comment.trim() }, 'Comment added')) setComment('');
  };

  const back = (
    <Link tag={NavLink} to={APPROVALS_PAGE_PATH} startIcon={<ArrowLeft />}>
      Back to the approvals
    </Link>
  );

  if (!valid || (!loading && (error || !request))) {
    return (
      <Page.Main>
        <Page.Title>Change request</Page.Title>
        <Layouts.Header title="Change request" navigationAction={back} />
        <Layouts.Content>
          <EmptyStateLayout content={`The change request could not be loaded: ${valid ? (error ?? 'not found') : 'not a change request id'}`} hasRadius shadow="tableShadow" />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!request) {
    return (
      <Page.Main>
        <Page.Title>Change request</Page.Title>
        <Flex justifyContent="center" padding={8}>
          <Loader>Loading the change request…</Loader>
        </Flex>
      </Page.Main>
    );
  }

  const pending = request.status === 'pending';
  const can = request.can ?? { approve: false, reject: false, withdraw: false, comment: false, why: null };
  const mayApprove = allowedActions.canApprove && can.approve;
  const mayReject = allowedActions.canApprove && can.reject;
  // Why the buttons are disabled: the server's reason (four-eyes, role, already approved), else the admin permission.
  const why = can.why || (!allowedActions.canApprove ? 'Your role may not approve or reject change requests.' : null);
  const comments = request.comments ?? [];

  return (
    <Page.Main>
      <Page.Title>{`Change request #${request.id}`}</Page.Title>
      <Layouts.Header
        navigationAction={back}
        title={`Change request #${request.id}`}
        subtitle={`${actionLabel(request.action)} ${requestLabel(request)} · submitted by ${request.maker.name}, ${age(request.createdAt)}`}
        secondaryAction={<ChangeRequestStatusBadge status={request.status} />}
        primaryAction={
          pending ? (
            <Flex gap={2}>
              {can.withdraw && (
                <Button variant="tertiary" startIcon={<ArrowLineLeft />} onClick={withdraw} loading={busy === 'withdraw'} disabled={busy !== null}>
                  Withdraw
                </Button>
              )}
              <Button
                variant="danger-light"
                startIcon={<Cross />}
                onClick={() => setRejecting(true)}
                disabled={busy !== null || !mayReject}
                aria-describedby={!mayReject && why ? 'approval-why' : undefined}
              >
                Reject
              </Button>
              <Button
                variant="success"
                startIcon={<Check />}
                onClick={approve}
                loading={busy === 'approve'}
                disabled={busy !== null || !mayApprove}
                aria-describedby={!mayApprove && why ? 'approval-why' : undefined}
              >
                Approve
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {pending && (!mayApprove || !mayReject) && why && (
            <Box background="neutral100" borderColor="neutral200" borderStyle="solid" borderWidth="1px" padding={4} hasRadius role="note" aria-label="Why you cannot approve">
              <Typography id="approval-why" textColor="neutral800">
                {why}
              </Typography>
            </Box>
          )}
          <Outcome request={request} />
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Grid.Root gap={4}>
              <Property label="Record">
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography textColor="neutral800" fontWeight="bold" style={{ wordBreak: 'break-word' }}>
                    {requestLabel(request)}
                  </Typography>
                  {request.action !== 'delete' || pending ? (
                    <Link tag={NavLink} to={editViewPath(request.uid, request.documentId)}>
                      Open in the Content Manager
                    </Link>
                  ) : null}
                </Flex>
              </Property>
              <Property label="Action">
                <ActionBadge action={request.action} />
              </Property>
              <Property label="Maker">{request.maker.name}</Property>
              <Property label="Submitted">{formatDateTime(request.createdAt)}</Property>
              <Property label="Reason">{request.reason || '—'}</Property>
              <Property label="Policies">{request.policies.join(', ') || '—'}</Property>
              {request.amenders.length > 0 && <Property label="Amended by">{request.amenders.map((a) => a.name).join(', ')}</Property>}
              {request.decidedAt && <Property label="Decided">{formatDateTime(request.decidedAt)}</Property>}
            </Grid.Root>
          </Box>
          <Section title="Changes">
            <ChangeDiffTable changes={request.changes} />
          </Section>
          <Section title="Approval steps">
            <ApprovalSteps steps={request.steps} status={request.status} />
          </Section>
          <Section title="Comments">
            <Flex direction="column" alignItems="stretch" gap={4}>
              <CommentsThread comments={comments} />
              {can.comment && (
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <Field.Root name="comment">
                    <Field.Label>Add a comment</Field.Label>
                    <Textarea value={comment} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)} />
                  </Field.Root>
                  <Flex justifyContent="flex-end">
                    <Button variant="secondary" startIcon={<Message />} onClick={addComment} loading={busy === 'comment'} disabled={busy !== null || !comment.trim()}>
                      Comment
                    </Button>
                  </Flex>
                </Flex>
              )}
            </Flex>
          </Section>
        </Flex>
      </Layouts.Content>
      <Modal.Root open={rejecting} onOpenChange={(open) => !open && busy === null && setRejecting(false)}>
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>{`Reject change request #${request.id}`}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Field.Root name="rejectComment" required hint="The maker sees this comment. The live record stays as it is.">
              <Field.Label>Why do you reject it?</Field.Label>
              <Textarea value={rejectComment} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setRejectComment(e.target.value)} />
              <Field.Hint />
            </Field.Root>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary" disabled={busy !== null}>
                Cancel
              </Button>
            </Modal.Close>
            <Button variant="danger" onClick={reject} loading={busy === 'reject'} disabled={busy !== null || !rejectComment.trim()}>
              Reject
            </Button>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>
    </Page.Main>
  );
};
