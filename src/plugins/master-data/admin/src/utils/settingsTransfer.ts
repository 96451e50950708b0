/**
 * Export and import of the settings as a JSON file, to move them from staging to production: the
 * file is the document itself, in the shape of the plugin's `config` in config/plugins.ts (so it can
 * also be pasted there). An import also takes the whole answer of `GET /master-data/settings`
 * (`{ data, meta }`). Pure.
 */
import type { SettingsDocument } from '../../../shared/contracts/settings';

/** `master-data-settings-v12-2026-11-30.json` */
export const exportFileName = (version: number, now = new Date()) => `master-data-settings-v${version}-${now.toISOString().slice(0, 10)}.json`;

export const exportText = (document: SettingsDocument) => `${JSON.stringify(document, null, 2)}\n`;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The document in an imported file, or why there is none (the server checks the rest). */
export const parseImport = (text: string): { document: SettingsDocument } | { error: string } => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `The file is not JSON: ${(error as Error).message}` };
  }
  if (!isObject(parsed)) return { error: 'The file does not hold a settings document (a JSON object).' };
  const document = isObject(parsed.data) && !('governed' in parsed) ? parsed.data : parsed;
  return { document: document as SettingsDocument };
};
