import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import type { SettingsDocument } from '../../../shared/contracts/settings';
import { downloadText } from '../utils/download';
import { exportFileName, exportText } from '../utils/settingsTransfer';

/** Downloads the settings in force as JSON (the shape of the plugin's config, to import elsewhere or paste in config/plugins.ts). */
export const ExportSettingsButton = ({ document, version }: { document: SettingsDocument; version: number }) => (
  <Button variant="secondary" startIcon={<Download />} onClick={() => downloadText(exportFileName(version), exportText(document))}>
    Export JSON
  </Button>
);
