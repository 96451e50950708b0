import { useEffect, useState, type FormEvent } from 'react';
import { Box, Button, DatePicker, Field, Flex, Grid, TextInput } from '@strapi/design-system';
import type { GovernedType } from '../../../shared/contracts/governance';
import { ClearableSelect } from './ClearableSelect';
import { ACTIONS, EMPTY_FILTERS, type AuditFilters } from '../utils/audit';

interface Props {
  /** The filters in force; the form starts from them and follows them when they change. */
  value: AuditFilters;
  onApply(filters: AuditFilters): void;
  governedTypes: GovernedType[];
}

/** The audit trail's filters: edited here, applied on submit ("Apply filters") or reset. */
export const AuditFiltersForm = ({ value, onApply, governedTypes }: Props) => {
  const [draft, setDraft] = useState<AuditFilters>(value);
  useEffect(() => setDraft(value), [value]);

  const set = <K extends keyof AuditFilters>(key: K, v: AuditFilters[K]) => setDraft((d) => ({ ...d, [key]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  // A uid in the URL that is not governed (any more) still shows, so the select is not blank.
  const typeOptions = governedTypes.some((t) => t.uid === draft.uid) || !draft.uid ? governedTypes : [...governedTypes, { uid: draft.uid, displayName: draft.uid, fields: [] }];

  return (
    <Box tag="form" onSubmit={submit} aria-label="Audit trail filters" background="neutral0" padding={6} shadow="filterShadow" hasRadius>
      <Grid.Root gap={4}>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <ClearableSelect
            name="uid"
            label="Content type"
            placeholder="All content types"
            clearLabel="Clear the content type"
            value={draft.uid}
            options={typeOptions.map((type) => ({ value: type.uid, label: `${type.displayName} (${type.uid})` }))}
            onChange={(v) => set('uid', v)}
          />
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="documentId">
            <Field.Label>Document ID</Field.Label>
            <TextInput value={draft.documentId} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('documentId', e.target.value)} />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="actor" hint="An actor id or a part of the name or email">
            <Field.Label>Actor</Field.Label>
            <TextInput value={draft.actor} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('actor', e.target.value)} />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <ClearableSelect
            name="action"
            label="Action"
            placeholder="All actions"
            clearLabel="Clear the action"
            value={draft.action}
            options={ACTIONS.map((action) => ({ value: action, label: action }))}
            onChange={(v) => set('action', v)}
          />
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="from">
            <Field.Label>From</Field.Label>
            <DatePicker value={draft.from} onChange={(d) => set('from', d)} onClear={() => set('from', undefined)} clearLabel="Clear the start date" />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Field.Root name="to">
            <Field.Label>To</Field.Label>
            <DatePicker value={draft.to} onChange={(d) => set('to', d)} onClear={() => set('to', undefined)} clearLabel="Clear the end date" />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      <Flex gap={2} justifyContent="flex-end" paddingTop={4}>
        <Button type="button" variant="tertiary" onClick={() => onApply(EMPTY_FILTERS)}>
          Reset
        </Button>
        <Button type="submit">Apply filters</Button>
      </Flex>
    </Box>
  );
};
