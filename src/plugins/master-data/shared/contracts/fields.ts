/**
 * Custom fields of the plugin, registered under these names by the server and the admin panel.
 * In a schema: `{ "type": "customField", "customField": "plugin::master-data.country", "maxLength": 2 }`.
 * Each stores a plain string (the code); the configured field rules validate it on the server.
 */
export const CUSTOM_FIELDS = { country: 'country', currency: 'currency' } as const;

export const customFieldUid = (name: keyof typeof CUSTOM_FIELDS) => `plugin::master-data.${CUSTOM_FIELDS[name]}` as const;
