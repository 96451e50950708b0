import { Box, Field, Flex, Grid, TextInput, Textarea, Typography } from '@strapi/design-system';
import { errorFor, fieldOptions, maskedFields, type WebhookFormState } from '../utils/webhookForm';
import type { WebhookOptions } from '../utils/webhooks';
import { ContentTypesSelect } from './ContentTypesSelect';
import { EventsSelect } from './EventsSelect';
import { FieldsSelect } from './FieldsSelect';
import { HeadersEditor } from './HeadersEditor';
import { ToggleField } from './ToggleField';

interface Props {
  value: WebhookFormState;
  options: WebhookOptions;
  /** Messages by field path, the form's own checks and the server's 400. */
  errors: Record<string, string>;
  onChange(change: Partial<WebhookFormState>): void;
}

/** The form's field names, so an error on any other path is shown above the form. */
export const FORM_FIELDS = ['url', 'description', 'events', 'contentTypes', 'fields', 'allowSensitive', 'headers', 'system', 'suppressEcho', 'enabled'] as const;

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius tag="section" aria-label={title}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={4}>{children}</Box>
  </Box>
);

const Cell = ({ children, col = 6 }: { children: React.ReactNode; col?: number }) => (
  <Grid.Item col={col} s={12} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);

/** Every setting of an endpoint, each field with its error beside it. */
export const WebhookForm = ({ value, options, errors, onChange }: Props) => {
  const fields = fieldOptions(options.contentTypes, value.contentTypes, value.fields);
  const masked = maskedFields(fields, value.fields, value.allowSensitive);
  const systems = options.systems.length ? ` Known systems: ${options.systems.join(', ')}.` : '';

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Section title="Endpoint">
        <Grid.Root gap={4}>
          <Cell col={12}>
            <Field.Root name="url" required error={errorFor(errors, 'url')} hint="Where the events are POSTed. Private and loopback addresses are refused unless the server allows their host.">
              <Field.Label>URL</Field.Label>
              <TextInput type="url" value={value.url} placeholder="https://erp.example.com/hooks/customers" onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ url: e.target.value })} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Cell>
          <Cell col={12}>
            <Field.Root name="description" error={errorFor(errors, 'description')}>
              <Field.Label>Description</Field.Label>
              <Textarea value={value.description} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ description: e.target.value })} />
              <Field.Error />
            </Field.Root>
          </Cell>
          <Cell>
            <ToggleField
              name="enabled"
              label="Enabled"
              hint="A disabled endpoint gets no new deliveries."
              error={errorFor(errors, 'enabled')}
              checked={value.enabled}
              onChange={(enabled) => onChange({ enabled })}
            />
          </Cell>
        </Grid.Root>
      </Section>
      <Section title="What is sent">
        <Grid.Root gap={4}>
          <Cell col={12}>
            <EventsSelect value={value.events} events={options.events} error={errorFor(errors, 'events')} onChange={(events) => onChange({ events })} />
          </Cell>
          <Cell>
            <ContentTypesSelect value={value.contentTypes} contentTypes={options.contentTypes} error={errorFor(errors, 'contentTypes')} onChange={(contentTypes) => onChange({ contentTypes })} />
          </Cell>
          <Cell>
            <FieldsSelect value={value.fields} options={fields} masked={masked} error={errorFor(errors, 'fields')} onChange={(f) => onChange({ fields: f })} />
          </Cell>
          <Cell>
            <ToggleField
              name="allowSensitive"
              label="Allow sensitive fields"
              hint="Sensitive fields (bank accounts, masked and private attributes) are sent in clear only when this is on."
              error={errorFor(errors, 'allowSensitive')}
              checked={value.allowSensitive}
              onLabel="Yes"
              offLabel="No"
              onChange={(allowSensitive) => onChange({ allowSensitive })}
            />
          </Cell>
        </Grid.Root>
      </Section>
      <Section title="Request">
        <HeadersEditor rows={value.headers} errors={errors} onChange={(headers) => onChange({ headers })} />
      </Section>
      <Section title="Echo suppression">
        <Grid.Root gap={4}>
          <Cell>
            <Field.Root name="system" error={errorFor(errors, 'system')} hint={`The external system this endpoint feeds, as it syncs in: lower-case letters, digits, - or _ (e.g. sap).${systems}`}>
              <Field.Label>System</Field.Label>
              <TextInput value={value.system} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ system: e.target.value })} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Cell>
          <Cell>
            <ToggleField
              name="suppressEcho"
              label="Suppress echo"
              hint={value.system.trim() ? `A change that came in from ${value.system.trim()} is not sent back to it.` : 'Needs a system.'}
              error={errorFor(errors, 'suppressEcho')}
              checked={value.suppressEcho}
              disabled={!value.system.trim()}
              onChange={(suppressEcho) => onChange({ suppressEcho })}
            />
          </Cell>
        </Grid.Root>
      </Section>
    </Flex>
  );
};
