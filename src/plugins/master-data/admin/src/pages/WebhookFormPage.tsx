import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, EmptyStateLayout, Flex, Link, Loader } from '@strapi/design-system';
import { ArrowLeft, Check } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { NavLink, useNavigate, useParams } from 'react-router-dom';
import { FORM_FIELDS, WebhookForm } from '../components/WebhookForm';
import { SecretDialog } from '../components/SecretDialog';
import { useWebhook } from '../hooks/useWebhook';
import { useWebhookActions } from '../hooks/useWebhookActions';
import { useWebhookOptions } from '../hooks/useWebhookOptions';
import { EMPTY_FORM, formFromEndpoint, inputFromForm, otherErrors, saveErrors, validateForm, type WebhookFormState } from '../utils/webhookForm';
import { idParam, webhookPath, WEBHOOKS_PAGE_PATH, type WebhookEndpointWithSecret } from '../utils/webhooks';

/**
 * Creates an endpoint (`…/webhooks/new`) or edits one (`…/webhooks/:id/edit`). A new endpoint's
 * secret is shown once in a dialog here; closing it opens the endpoint.
 */
export const WebhookFormPage = () => {
  const { id: param } = useParams();
  const id = idParam(param);
  const editing = param !== undefined;
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const actions = useWebhookActions();
  const { options, error: optionsError } = useWebhookOptions();
  const { endpoint, error: endpointError } = useWebhook(editing ? id : 0);
  const [form, setForm] = useState<WebhookFormState | null>(editing ? null : EMPTY_FORM);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; other: string[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<WebhookEndpointWithSecret | null>(null);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused save, the first field in error (else the message above the form) comes into view.
  useEffect(() => {
    if (!refusals) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) {
      invalid.scrollIntoView({ block: 'center' });
      invalid.focus({ preventScroll: true });
    } else formRef.current?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center' });
  }, [refusals]);

  // The endpoint's settings fill the form once; later reloads do not overwrite what is being edited.
  useEffect(() => {
    if (editing && endpoint && form === null) setForm(formFromEndpoint(endpoint));
  }, [editing, endpoint, form]);

  const change = (next: Partial<WebhookFormState>) => setForm((f) => (f ? { ...f, ...next } : f));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form || saving) return;
    const own = validateForm(form);
    setErrors(own);
    setFailure(null);
    if (Object.keys(own).length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      if (editing) {
        await actions.update(id, inputFromForm(form));
        toggleNotification({ type: 'success', message: 'Endpoint saved' });
        navigate(webhookPath(id));
      } else {
        setCreated(await actions.create(inputFromForm(form)));
      }
    } catch (error) {
      const { message, fields } = saveErrors(error);
      setErrors(fields);
      setFailure({ message, other: otherErrors(fields, FORM_FIELDS) });
      toggleNotification({ type: 'danger', title: 'The endpoint was not saved', message });
      setRefusals((n) => n + 1);
    } finally {
      setSaving(false);
    }
  };

  const title = editing ? 'Edit webhook endpoint' : 'New webhook endpoint';
  const back = (
    <Link tag={NavLink} to={editing ? webhookPath(id) : WEBHOOKS_PAGE_PATH} startIcon={<ArrowLeft />}>
      {editing ? 'Back to the endpoint' : 'Back to the webhooks'}
    </Link>
  );
  const loadError = optionsError ?? (editing ? (id ? endpointError : 'not an endpoint id') : null);

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
        <Layouts.Header
          navigationAction={back}
          title={title}
          subtitle={editing && endpoint ? endpoint.url : 'Events of governed records are POSTed to this URL, signed (Standard Webhooks), retried for about three days.'}
          primaryAction={
            <Button type="submit" startIcon={<Check />} loading={saving} disabled={!form || !options || saving}>
              Save
            </Button>
          }
        />
        <Layouts.Content>
          {loadError ? (
            <EmptyStateLayout content={`The form could not be loaded: ${loadError}`} hasRadius shadow="tableShadow" />
          ) : !form || !options ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>Loading…</Loader>
            </Flex>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4}>
              {failure && (
                <Alert variant="danger" title="The endpoint was not saved" closeLabel="Close" onClose={() => setFailure(null)}>
                  {[failure.message, ...failure.other].join(' · ')}
                </Alert>
              )}
              <WebhookForm value={form} options={options} errors={errors} onChange={change} />
            </Flex>
          )}
        </Layouts.Content>
      </form>
      <SecretDialog
        secret={created?.secret ?? null}
        title="Endpoint created: its signing secret"
        onClose={() => created && navigate(webhookPath(created.id))}
      />
    </Page.Main>
  );
};
