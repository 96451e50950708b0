import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { GovernedTypeSelect, NoGovernedType } from '../components/GovernedTypeSelect';
import { PolicyEditor } from '../components/PolicyEditor';
import { SettingsFrame } from '../components/SettingsFrame';
import { SettingsSection } from '../components/SettingsSection';
import { ToggleField } from '../components/ToggleField';
import { useAdminRoles } from '../hooks/useAdminRoles';
import { useGovernedTypeChoice } from '../hooks/useGovernedTypeChoice';
import { useSettings } from '../hooks/useSettings';
import { conditionAttributes, ownAttributes } from '../utils/contentTypes';
import { editApprovals, newPolicy } from '../utils/settingsDocument';
import { errorAt } from '../utils/settingsErrors';

/** The approval policies of one governed type. */
const Policies = () => {
  const { draft, errorMap, edit } = useSettings();
  const { uids, uid, select, typeNames: names, contentType, canManage } = useGovernedTypeChoice();
  const roles = useAdminRoles();
  const disabled = !canManage;
  if (!draft) return null;
  if (!uid) return <NoGovernedType />;
  const approvals = draft.governed[uid].approvals;
  const policies = approvals?.policies ?? [];
  const noDrafts = contentType && !contentType.options?.draftAndPublish;
  const base = ['governed', uid, 'approvals'];

  return (
    <>
      <GovernedTypeSelect uids={uids} typeNames={names} value={uid} onChange={select} />
      <SettingsSection
        title="Approval policies"
        subtitle="A change of the published (golden) record that a policy holds waits in the draft until every step has approved it; the maker never approves their own change."
        actions={
          disabled ? undefined : (
            <Button startIcon={<Plus />} onClick={() => edit((document) => editApprovals(document, uid, (a) => void a.policies.push(newPolicy(a.policies))))}>
              Add a policy
            </Button>
          )
        }
      >
        <Flex direction="column" alignItems="stretch" gap={3}>
          {noDrafts && (
            <Typography textColor="warning600">{`${names[uid] ?? uid} has no draft & publish: a change waiting for approval needs a draft to wait in, so policies are refused. Turn draft & publish on in the Content-Type Builder first.`}</Typography>
          )}
          <Box style={{ maxWidth: '32rem' }}>
            <ToggleField
              name="approvals.enabled"
              label="Approvals"
              hint="Off: every change goes live at once (the policies are kept)."
              checked={approvals?.enabled !== false && policies.length > 0}
              disabled={disabled || policies.length === 0}
              error={errorAt(errorMap, base) ?? errorAt(errorMap, [...base, 'policies'])}
              onChange={(on) => edit((document) => editApprovals(document, uid, (a) => void (a.enabled = on)))}
            />
          </Box>
          {policies.length === 0 && <Typography textColor="neutral600">No policy: changes go live at once.</Typography>}
        </Flex>
      </SettingsSection>
      {policies.map((policy, index) => (
        <PolicyEditor
          key={index}
          uid={uid}
          index={index}
          policy={policy}
          attributes={ownAttributes(contentType).map(([name]) => name)}
          conditionAttributes={conditionAttributes(contentType)}
          roles={roles}
          errors={errorMap}
          disabled={disabled}
          onChange={(next) => edit((document) => editApprovals(document, uid, (a) => void (a.policies[index] = next)))}
          onRemove={() => edit((document) => editApprovals(document, uid, (a) => void a.policies.splice(index, 1)))}
        />
      ))}
    </>
  );
};

/** Settings → Master data → Approval policies. */
const ApprovalPoliciesPage = () => (
  <SettingsFrame title="Approval policies" intro="Which changes of golden records need sign-off, and by whom.">
    <Policies />
  </SettingsFrame>
);

export default ApprovalPoliciesPage;
