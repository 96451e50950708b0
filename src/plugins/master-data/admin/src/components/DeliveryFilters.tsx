import { useEffect, useState, type FormEvent } from 'react';
import { Box, Button, Field, Flex, Grid, TextInput } from '@strapi/design-system';
import { ClearableSelect } from './ClearableSelect';
import { DELIVERY_STATUSES, deliveryStatusLabel, type WebhookDeliveryQuery } from '../utils/webhooks';

export type DeliveryFilterValues = Pick<WebhookDeliveryQuery, 'status' | 'eventType' | 'documentId'>;

interface Props {
  value: DeliveryFilterValues;
  /** The event types to filter by (the endpoint's events and what the server offers). */
  eventTypes: string[];
  onApply(filters: DeliveryFilterValues): void;
}

/** The delivery log's filters: status, event type, record's document id; applied on submit. */
export const DeliveryFilters = ({ value, eventTypes, onApply }: Props) => {
  const [draft, setDraft] = useState<DeliveryFilterValues>(value);
  useEffect(() => setDraft(value), [value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...draft, documentId: draft.documentId?.trim() || undefined });
  };
  const types = draft.eventType && !eventTypes.includes(draft.eventType) ? [...eventTypes, draft.eventType] : eventTypes;

  return (
    <Box tag="form" onSubmit={submit} aria-label="Delivery filters" background="neutral0" padding={6} shadow="filterShadow" hasRadius>
      <Grid.Root gap={4}>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <ClearableSelect
            name="status"
            label="Status"
            placeholder="Any status"
            clearLabel="Clear the status"
            value={draft.status ?? ''}
            options={DELIVERY_STATUSES.map((status) => ({ value: status, label: deliveryStatusLabel(status) }))}
            onChange={(v) => setDraft((d) => ({ ...d, status: DELIVERY_STATUSES.find((s) => s === v) }))}
          />
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <ClearableSelect
            name="eventType"
            label="Event type"
            placeholder="Any event type"
            clearLabel="Clear the event type"
            value={draft.eventType ?? ''}
            options={types.map((type) => ({ value: type, label: type }))}
            onChange={(v) => setDraft((d) => ({ ...d, eventType: v || undefined }))}
          />
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="documentId">
            <Field.Label>Document ID</Field.Label>
            <TextInput value={draft.documentId ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, documentId: e.target.value }))} />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <Flex gap={2} justifyContent="flex-end" paddingTop={4}>
        <Button type="button" variant="tertiary" onClick={() => onApply({})}>
          Reset
        </Button>
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
      </Flex>
    </Box>
  );
};
