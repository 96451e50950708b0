import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { POLICY_ACTIONS, type ApprovalPolicySettings } from '../../../shared/contracts/settings';
import type { ChangeRequestAction } from '../../../shared/contracts/approvals';
import type { AttributeInfo } from '../utils/contentTypes';
import { asOptions, policyName } from '../utils/settingsDocument';
import { errorAt, messagesUnder } from '../utils/settingsErrors';
import { MultiSelectField } from './MultiSelectField';
import { PolicyConditionRow } from './PolicyConditionRow';
import { PolicyStepRow } from './PolicyStepRow';
import { TextField } from './TextField';

interface Props {
  uid: string;
  index: number;
  policy: ApprovalPolicySettings;
  /** Every attribute of the type (a policy may name components and relations). */
  attributes: string[];
  /** The attributes a condition may compare. */
  conditionAttributes: [string, AttributeInfo][];
  roles: string[];
  errors: Record<string, string>;
  disabled: boolean;
  onChange(policy: ApprovalPolicySettings): void;
  onRemove(): void;
}

/** One approval policy: which changes it holds for sign-off (actions, fields, conditions) and who signs off, step by step. */
export const PolicyEditor = ({ uid, index, policy, attributes, conditionAttributes, roles, errors, disabled, onChange, onRemove }: Props) => {
  const base = ['governed', uid, 'approvals', 'policies', String(index)];
  const at = (...rest: string[]) => errorAt(errors, [...base, ...rest]);
  const under = (...rest: string[]) => messagesUnder(errors, [...base, ...rest]);

  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius tag="section" aria-label={`Policy ${policy.name}`} data-policy={index}>
      <Flex direction="column" alignItems="stretch" gap={5}>
        <Flex justifyContent="space-between" alignItems="center" gap={4}>
          <Typography variant="delta" tag="h2">
            {`Policy ${policy.name || index + 1}`}
          </Typography>
          {!disabled && (
            <Button variant="danger-light" startIcon={<Trash />} onClick={onRemove}>
              Remove policy
            </Button>
          )}
        </Flex>
        <Grid.Root gap={4}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <TextField
              name={`policies.${index}.name`}
              label="Policy name"
              hint="Lower-case letters, digits and dashes."
              value={policy.name}
              onChange={(name) => onChange({ ...policy, name: policyName(name) })}
              error={at('name')}
              disabled={disabled}
              required
            />
          </Grid.Item>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            <MultiSelectField
              name={`policies.${index}.actions`}
              label="Actions held for approval"
              hint="Of the published (golden) record."
              placeholder="Choose actions"
              clearLabel="Clear the actions"
              value={policy.actions}
              options={asOptions(POLICY_ACTIONS, policy.actions)}
              onChange={(actions) => onChange({ ...policy, actions: actions as ChangeRequestAction[] })}
              error={under('actions')}
              disabled={disabled}
              required
            />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <MultiSelectField
              name={`policies.${index}.fields`}
              label="When one of these fields changes"
              hint="None chosen: any change of the actions above."
              placeholder="Any field"
              clearLabel="Any field"
              value={policy.fields}
              options={asOptions(attributes, policy.fields)}
              onChange={(fields) => onChange({ ...policy, fields })}
              error={under('fields')}
              disabled={disabled}
            />
          </Grid.Item>
        </Grid.Root>

        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="sigma" textColor="neutral600" tag="h3">
            Only if (every condition holds)
          </Typography>
          {policy.when.length === 0 && <Typography textColor="neutral600">No condition: every such change.</Typography>}
          {policy.when.map((condition, i) => (
            <PolicyConditionRow
              key={i}
              index={i}
              condition={condition}
              attributes={conditionAttributes}
              error={under('when', String(i))}
              disabled={disabled}
              onChange={(next) => onChange({ ...policy, when: policy.when.map((c, j) => (j === i ? next : c)) })}
              onRemove={() => onChange({ ...policy, when: policy.when.filter((_, j) => j !== i) })}
            />
          ))}
          {!disabled && (
            <Flex>
              <Button variant="tertiary" size="S" startIcon={<Plus />} onClick={() => onChange({ ...policy, when: [...policy.when, { field: '', op: 'changed' }] })}>
                Add a condition
              </Button>
            </Flex>
          )}
        </Flex>

        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="sigma" textColor="neutral600" tag="h3">
            Approval steps (in order)
          </Typography>
          {at('steps') && <Typography textColor="danger600">{at('steps')}</Typography>}
          {policy.steps.map((step, i) => (
            <PolicyStepRow
              key={i}
              index={i}
              step={step}
              roles={roles}
              errorOf={(key) => (key ? under('steps', String(i), key) : at('steps', String(i)))}
              disabled={disabled}
              canRemove={policy.steps.length > 1}
              onChange={(next) => onChange({ ...policy, steps: policy.steps.map((s, j) => (j === i ? next : s)) })}
              onRemove={() => onChange({ ...policy, steps: policy.steps.filter((_, j) => j !== i) })}
            />
          ))}
          {!disabled && (
            <Flex>
              <Button
                variant="tertiary"
                size="S"
                startIcon={<Plus />}
                onClick={() => onChange({ ...policy, steps: [...policy.steps, { name: `Step ${policy.steps.length + 1}`, roles: [], approvals: 1 }] })}
              >
                Add a step
              </Button>
            </Flex>
          )}
        </Flex>
      </Flex>
    </Box>
  );
};
