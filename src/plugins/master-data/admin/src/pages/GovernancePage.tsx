import { useState } from 'react';
import { Box, Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { CodeSettingsForm } from '../components/CodeSettingsForm';
import { FieldRulesTable } from '../components/FieldRulesTable';
import { GovernedTypesTable } from '../components/GovernedTypesTable';
import { GovernTypeModal } from '../components/GovernTypeModal';
import { SettingsFrame } from '../components/SettingsFrame';
import { SettingsSection } from '../components/SettingsSection';
import { useContentTypes } from '../hooks/useContentTypes';
import { useGovernedTypeChoice } from '../hooks/useGovernedTypeChoice';
import { useSettings } from '../hooks/useSettings';
import { governableTypes, ruleFields, ruleFieldsWithGoverned, textAttributes } from '../utils/contentTypes';
import { governType, setCode, setFieldRule, setSensitive, stopGoverning } from '../utils/settingsDocument';

/** The rules of one governed type: its generated code and every text field's rule. */
const TypeRules = () => {
  const { draft, errorMap, edit, select } = useSettings();
  const { uid, contentType, components, canManage } = useGovernedTypeChoice();
  const type = uid ? draft?.governed?.[uid] : undefined;
  if (!uid || !type) return null;
  const name = contentType?.info.displayName ?? uid;
  const attributes = textAttributes(contentType);
  const fields = ruleFieldsWithGoverned(ruleFields(contentType, components), Object.keys(type.fields ?? {}));

  return (
    <SettingsSection
      title={name}
      subtitle={`${uid}: what every write of a ${name} must satisfy. A value is standardised by its rule, then checked.`}
      actions={
        canManage ? (
          <Button
            variant="danger-light"
            startIcon={<Trash />}
            onClick={() => {
              edit((document) => stopGoverning(document, uid));
              select(null);
            }}
          >
            Stop governing
          </Button>
        ) : undefined
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        {!contentType && <Typography textColor="danger600">{`No content type ${uid} exists any more: stop governing it.`}</Typography>}
        <CodeSettingsForm
          uid={uid}
          displayName={name}
          code={type.code}
          attributes={attributes}
          errors={errorMap}
          disabled={!canManage}
          onChange={(code) => edit((document) => setCode(document, uid, code))}
        />
        <Box>
          <Typography variant="sigma" textColor="neutral600" tag="h3">
            Field rules
          </Typography>
          <Box paddingTop={2}>
            {fields.length === 0 ? (
              <Typography textColor="neutral600">This type has no text fields a rule can apply to.</Typography>
            ) : (
              <FieldRulesTable
                uid={uid}
                type={type}
                fields={fields}
                countryFields={attributes}
                errors={errorMap}
                disabled={!canManage}
                onRule={(path, rule) => edit((document) => setFieldRule(document, uid, path, rule))}
                onSensitive={(path, sensitive) => edit((document) => setSensitive(document, uid, path, sensitive))}
              />
            )}
          </Box>
        </Box>
      </Flex>
    </SettingsSection>
  );
};

/** The governed types, governing another one, and the rules of the one chosen. */
const GovernedTypes = () => {
  const { draft, saved, errorMap, edit, select } = useSettings();
  const { error } = useContentTypes();
  const { uids: governed, uid: selected, typeNames, contentTypes, canManage } = useGovernedTypeChoice();
  const [governing, setGoverning] = useState(false);
  if (!draft || !saved) return null;
  const candidates = governableTypes(contentTypes).filter((type) => !governed.includes(type.uid));

  return (
    <>
      <SettingsSection
        title="Governed content types"
        subtitle={error ? `The content types could not be loaded (${error}): names and fields may be missing.` : 'Choose a type to edit its rules.'}
        actions={
          canManage ? (
            <Button startIcon={<Plus />} onClick={() => setGoverning(true)}>
              Govern a content type
            </Button>
          ) : undefined
        }
      >
        {governed.length === 0 ? (
          <EmptyStateLayout content="No content type is governed." hasRadius />
        ) : (
          <GovernedTypesTable
            document={draft}
            saved={saved.data}
            typeNames={typeNames}
            selected={selected}
            errors={errorMap}
            canManage={canManage}
            onSelect={select}
            onStop={(uid) => edit((document) => stopGoverning(document, uid))}
          />
        )}
      </SettingsSection>
      {selected && <TypeRules />}
      <GovernTypeModal
        open={governing}
        types={candidates}
        onClose={() => setGoverning(false)}
        onGovern={(uid) => {
          edit((document) => governType(document, uid));
          select(uid);
        }}
      />
    </>
  );
};

/** Settings → Master data → Governed types. */
const GovernancePage = () => (
  <SettingsFrame title="Governed types" intro="Content types whose every write is validated, standardised and audited, and their field rules.">
    <GovernedTypes />
  </SettingsFrame>
);

export default GovernancePage;
