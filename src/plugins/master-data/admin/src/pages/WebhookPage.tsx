import { useState } from 'react';
import { Button, EmptyStateLayout, Flex, Link, Loader } from '@strapi/design-system';
import { ArrowLeft, Key, Pencil, PaperPlane, Trash } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { NavLink, useNavigate, useParams } from 'react-router-dom';
import { DeleteWebhookDialog } from '../components/DeleteWebhookDialog';
import { DeliveryLog } from '../components/DeliveryLog';
import { RotateSecretModal } from '../components/RotateSecretModal';
import { SecretDialog } from '../components/SecretDialog';
import { WebhookProperties } from '../components/WebhookProperties';
import { useWebhook } from '../hooks/useWebhook';
import { useWebhookActions } from '../hooks/useWebhookActions';
import { useWebhookOptions } from '../hooks/useWebhookOptions';
import { PERMISSIONS } from '../permissions';
import { apiError } from '../utils/approvals';
import { idParam, loggedEventTypes, webhookEditPath, WEBHOOKS_PAGE_PATH, type WebhookEndpointWithSecret } from '../utils/webhooks';

type Busy = 'test' | 'rotate' | 'delete' | null;

/**
 * One endpoint (`…/webhooks/:id`): its settings and state, "Send test event", edit, rotate the
 * secret (shown once, the old one signing on for the overlap), delete, and its delivery log.
 */
export const WebhookPage = () => {
  const { id: param } = useParams();
  const id = idParam(param);
  const navigate = useNavigate();
  const { endpoint, error, reload, replace } = useWebhook(id);
  const { options } = useWebhookOptions();
  const { allowedActions } = useRBAC(PERMISSIONS.webhooksManage);
  const canManage = Boolean(allowedActions.canManage);
  const actions = useWebhookActions();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState<Busy>(null);
  const [rotating, setRotating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [rotated, setRotated] = useState<WebhookEndpointWithSecret | null>(null);
  const [logKey, setLogKey] = useState(0);

  const back = (
    <Link tag={NavLink} to={WEBHOOKS_PAGE_PATH} startIcon={<ArrowLeft />}>
      Back to the webhooks
    </Link>
  );

  if (!id || (error && !endpoint)) {
    return (
      <Page.Main>
        <Page.Title>Webhook endpoint</Page.Title>
        <Layouts.Header title="Webhook endpoint" navigationAction={back} />
        <Layouts.Content>
          <EmptyStateLayout content={`The endpoint could not be loaded: ${id ? error : 'not an endpoint id'}`} hasRadius shadow="tableShadow" />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!endpoint) {
    return (
      <Page.Main>
        <Page.Title>Webhook endpoint</Page.Title>
        <Flex justifyContent="center" padding={8}>
          <Loader>Loading the endpoint…</Loader>
        </Flex>
      </Page.Main>
    );
  }

  const sendTest = async () => {
    setBusy('test');
    try {
      await actions.test(id);
      toggleNotification({ type: 'success', message: 'Test event queued: see the delivery log' });
      setLogKey((n) => n + 1);
      reload();
    } catch (e) {
      toggleNotification({ type: 'danger', title: 'The test event was not sent', message: apiError(e).message });
    } finally {
      setBusy(null);
    }
  };

  const rotate = async (overlapHours: number) => {
    setBusy('rotate');
    try {
      const next = await actions.rotate(id, overlapHours);
      setRotating(false);
      setRotated(next);
      const { secret: _secret, ...shown } = next;
      replace(shown);
    } catch (e) {
      toggleNotification({ type: 'danger', title: 'The secret was not rotated', message: apiError(e).message });
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    setBusy('delete');
    try {
      await actions.remove(id);
      toggleNotification({ type: 'success', message: 'Endpoint deleted' });
      navigate(WEBHOOKS_PAGE_PATH);
    } catch (e) {
      toggleNotification({ type: 'danger', title: 'The endpoint was not deleted', message: apiError(e).message });
      setBusy(null);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{`Webhook ${endpoint.url}`}</Page.Title>
      <Layouts.Header
        navigationAction={back}
        title={endpoint.description || 'Webhook endpoint'}
        subtitle={endpoint.url}
        primaryAction={
          canManage ? (
            <Flex gap={2}>
              <Button
                variant="secondary"
                startIcon={<PaperPlane />}
                onClick={sendTest}
                loading={busy === 'test'}
                disabled={busy !== null || !endpoint.enabled}
                title={endpoint.enabled ? undefined : 'Enable the endpoint to send a test event'}
              >
                Send test event
              </Button>
              <Button variant="secondary" startIcon={<Pencil />} onClick={() => navigate(webhookEditPath(id))} disabled={busy !== null}>
                Edit
              </Button>
              <Button variant="secondary" startIcon={<Key />} onClick={() => setRotating(true)} disabled={busy !== null}>
                Rotate secret
              </Button>
              <Button variant="danger-light" startIcon={<Trash />} onClick={() => setDeleting(true)} disabled={busy !== null}>
                Delete
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={8}>
          <WebhookProperties endpoint={endpoint} />
          <DeliveryLog endpoint={endpoint} eventTypes={loggedEventTypes(options?.events ?? [], endpoint.events)} canManage={canManage} refreshKey={logKey} onChanged={reload} />
        </Flex>
      </Layouts.Content>
      <RotateSecretModal open={rotating} busy={busy === 'rotate'} secretHint={endpoint.secretHint} onCancel={() => setRotating(false)} onRotate={rotate} />
      <DeleteWebhookDialog open={deleting} busy={busy === 'delete'} url={endpoint.url} onCancel={() => setDeleting(false)} onDelete={remove} />
      <SecretDialog
        secret={rotated?.secret ?? null}
        title="Secret rotated: the new signing secret"
        previousSecretExpiresAt={rotated?.previousSecretExpiresAt}
        onClose={() => setRotated(null)}
      />
    </Page.Main>
  );
};
