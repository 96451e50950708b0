import { Box, Typography } from '@strapi/design-system';
import type { SettingsChanges } from '../../../shared/contracts/settings';
import { changeRows, changeTable } from '../utils/settingsDiff';
import { ChangeDiffTable } from './ChangeDiffTable';

/** What a save, an import or a version changes, setting by setting (before → after). */
export const SettingsDiff = ({ changes, typeNames }: { changes: SettingsChanges; typeNames: Record<string, string> }) => {
  const rows = changeRows(changes, typeNames);
  if (rows.length === 0) {
    return (
      <Box padding={4} background="neutral100" hasRadius>
        <Typography textColor="neutral600">Nothing changes: these settings are the ones in force.</Typography>
      </Box>
    );
  }
  return <ChangeDiffTable changes={changeTable(rows)} />;
};
