import { useState } from 'react';
import { Box, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { ExportSettingsButton } from '../components/ExportSettingsButton';
import { ImportSettingsButton } from '../components/ImportSettingsButton';
import { ListPagination } from '../components/ListPagination';
import { SettingsFrame } from '../components/SettingsFrame';
import { SettingsSection } from '../components/SettingsSection';
import { SettingsVersionModal } from '../components/SettingsVersionModal';
import { SettingsVersionsTable } from '../components/SettingsVersionsTable';
import { useContentTypes } from '../hooks/useContentTypes';
import { useSettings } from '../hooks/useSettings';
import { useSettingsVersions } from '../hooks/useSettingsVersions';
import { PERMISSIONS } from '../permissions';
import { typeNames as namesOf } from '../utils/contentTypes';

const DEFAULT_PAGE_SIZE = 10;

const positive = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Every saved version (who, when, why, the diff), restore, export and import. */
const History = () => {
  const { saved, restore } = useSettings();
  const { contentTypes } = useContentTypes();
  const { allowedActions } = useRBAC(PERMISSIONS.settingsManage);
  const canManage = Boolean(allowedActions.canManage);
  const { toggleNotification } = useNotification();
  const [searchParams] = useSearchParams();
  const page = positive(searchParams.get('page'), 1);
  const pageSize = Math.min(100, positive(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE));
  const current = saved?.meta.version ?? 0;
  const { versions, pagination, loading, error } = useSettingsVersions({ page, pageSize, refreshKey: current });
  const [open, setOpen] = useState<number | null>(null);
  const typeNames = namesOf(contentTypes);
  if (!saved) return null;

  const restoreVersion = async (id: number, reason: string) => {
    const result = await restore(id, reason);
    if (result.ok) toggleNotification({ type: 'success', message: `Version ${id} restored as a new version: it applies now.` });
    else toggleNotification({ type: 'danger', title: `Version ${id} was not restored`, message: result.message });
    return result.ok;
  };

  return (
    <>
      <SettingsSection
        title="Export and import"
        subtitle="Move the settings from staging to production: export them as JSON there, import the file here. The file has the shape of the plugin's config in config/plugins.ts."
      >
        <Flex gap={2}>
          <ExportSettingsButton document={saved.data} version={current} />
          {canManage && <ImportSettingsButton typeNames={typeNames} />}
        </Flex>
      </SettingsSection>
      <SettingsSection title="Versions" subtitle="Every save is a version, recorded on the audit trail. Open one to see what it changed, or to go back to it.">
        {loading && versions.length === 0 ? (
          <Flex justifyContent="center" padding={6}>
            <Loader>Loading the versions…</Loader>
          </Flex>
        ) : error ? (
          <EmptyStateLayout content={`The versions could not be loaded: ${error}`} hasRadius />
        ) : versions.length === 0 ? (
          <Typography textColor="neutral600">Nothing saved yet: the settings in force are those of config/plugins.ts.</Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Box>
              <SettingsVersionsTable versions={versions} current={current} onOpen={(version) => setOpen(version.id)} />
            </Box>
            <ListPagination pageCount={pagination?.pageCount ?? 1} total={pagination?.total ?? 0} defaultPageSize={DEFAULT_PAGE_SIZE} noun={['version', 'versions']} />
          </Flex>
        )}
      </SettingsSection>
      <SettingsVersionModal id={open} current={current} typeNames={typeNames} canManage={canManage} onClose={() => setOpen(null)} onRestore={restoreVersion} />
    </>
  );
};

/** Settings → Master data → History. */
const SettingsHistoryPage = () => (
  <SettingsFrame title="History" intro="Versions of the governance settings: who changed what, when and why.">
    <History />
  </SettingsFrame>
);

export default SettingsHistoryPage;
