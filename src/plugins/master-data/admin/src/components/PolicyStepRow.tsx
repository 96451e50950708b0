import { Flex, Grid, IconButton, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import type { ApprovalStepSettings } from '../../../shared/contracts/settings';
import { asOptions, parseList } from '../utils/settingsDocument';
import { MultiSelectField } from './MultiSelectField';
import { NumberField } from './NumberField';
import { TextField } from './TextField';

interface Props {
  index: number;
  step: ApprovalStepSettings;
  /** The admin roles; empty when they cannot be read (roles are then typed, comma-separated). */
  roles: string[];
  /** The server's errors under this step, by the rest of their path (`roles`, `approvals`, ``). */
  errorOf(key: string): string | undefined;
  disabled: boolean;
  canRemove: boolean;
  onChange(step: ApprovalStepSettings): void;
  onRemove(): void;
}

/** One approval step: its name, the roles whose holders approve it, how many distinct people must (N of the holders). */
export const PolicyStepRow = ({ index, step, roles, errorOf, disabled, canRemove, onChange, onRemove }: Props) => (
  <Flex gap={2} alignItems="flex-start" data-step={index}>
    <Typography fontWeight="bold" textColor="neutral600" style={{ paddingTop: '2.6rem', minWidth: '2rem' }}>{`${index + 1}.`}</Typography>
    <Grid.Root gap={4} style={{ flex: 1 }}>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <TextField
          name={`steps.${index}.name`}
          label="Step"
          value={step.name}
          onChange={(name) => onChange({ ...step, name })}
          error={errorOf('name')}
          disabled={disabled}
          required
        />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        {roles.length > 0 ? (
          <MultiSelectField
            name={`steps.${index}.roles`}
            label="Approved by holders of"
            hint="Any of these admin roles (a Super Admin may approve any step)."
            placeholder="Choose roles"
            clearLabel="Clear the roles"
            value={step.roles}
            options={asOptions(roles, step.roles)}
            onChange={(value) => onChange({ ...step, roles: value })}
            error={errorOf('roles')}
            disabled={disabled}
            required
          />
        ) : (
          <TextField
            name={`steps.${index}.roles`}
            label="Approved by holders of"
            hint="Role names, comma-separated."
            value={step.roles.join(', ')}
            onChange={(text) => onChange({ ...step, roles: parseList(text) })}
            error={errorOf('roles')}
            disabled={disabled}
            required
          />
        )}
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <NumberField
          name={`steps.${index}.approvals`}
          label="Approvals needed"
          hint="Distinct people (N of the holders)."
          value={step.approvals}
          onChange={(approvals) => onChange({ ...step, approvals: approvals ?? 1 })}
          error={errorOf('approvals')}
          disabled={disabled}
        />
      </Grid.Item>
    </Grid.Root>
    {!disabled && (
      // Always there, so the rows line up; a policy keeps at least one step.
      <IconButton label={`Remove step ${index + 1}`} variant="ghost" onClick={onRemove} disabled={!canRemove} style={{ marginTop: '2.4rem' }}>
        <Trash />
      </IconButton>
    )}
  </Flex>
);
