export const PLUGIN_ID = 'master-data';
