import { EmptyStateLayout, Flex, Loader } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useContentTypes } from '../hooks/useContentTypes';
import { useSettings } from '../hooks/useSettings';
import { PERMISSIONS } from '../permissions';
import { formatDateTime } from '../utils/audit';
import { typeNames as namesOf } from '../utils/contentTypes';
import { exportFileName, exportText } from '../utils/settingsTransfer';
import { downloadText } from '../utils/download';
import { SettingsJobsStatus } from './SettingsJobsStatus';
import { SettingsNotices } from './SettingsNotices';
import { SettingsSaveActions } from './SettingsSaveActions';

interface Props {
  title: string;
  /** What the page is for, before the version line. */
  intro: string;
  children: React.ReactNode;
}

/**
 * The frame of every Settings → Master data page that edits the governance settings: the version in
 * force, the one Save (and Discard), notices (refused keys, a conflicting save, a version that
 * cannot apply), background work, then the page. The page shows once the settings are loaded, to
 * admins who may read them.
 */
export const SettingsFrame = (props: Props) => (
  <Page.Protect permissions={PERMISSIONS.settingsRead}>
    <Frame {...props} />
  </Page.Protect>
);

const Frame = ({ title, intro, children }: Props) => {
  const { status, loadError, saved, draft, dirty } = useSettings();
  const { contentTypes } = useContentTypes();
  const { allowedActions } = useRBAC(PERMISSIONS.settingsManage);
  const typeNames = namesOf(contentTypes);
  const meta = saved?.meta;
  const version = !meta
    ? ''
    : meta.source === 'file'
      ? 'In force: the defaults of config/plugins.ts (nothing saved here yet).'
      : `In force: version ${meta.version}, saved${meta.savedBy ? ` by ${meta.savedBy}` : ''}${meta.savedAt ? ` on ${formatDateTime(meta.savedAt)}` : ''}.`;
  const downloadDraft = () => draft && downloadText(exportFileName(meta?.version ?? 0).replace('.json', '-unsaved.json'), exportText(draft));

  return (
    <Page.Main>
      <Page.Title>{`Master data · ${title}`}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={`${intro} ${version}${dirty ? ' You have unsaved changes.' : ''}`}
        primaryAction={saved ? <SettingsSaveActions typeNames={typeNames} canManage={Boolean(allowedActions.canManage)} /> : undefined}
      />
      <Layouts.Content>
        {status === 'failed' ? (
          <EmptyStateLayout content={`The settings could not be loaded: ${loadError}`} hasRadius shadow="tableShadow" />
        ) : !saved || !draft ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>Loading the settings…</Loader>
          </Flex>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <SettingsNotices typeNames={typeNames} onDownloadDraft={downloadDraft} />
            <SettingsJobsStatus typeNames={typeNames} />
            {children}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
