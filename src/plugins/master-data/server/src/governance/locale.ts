/** The locale whose rows a write changes (not what the request said). */
import type { Core } from '@strapi/strapi';

const isLocalized = (strapi: Core.Strapi, uid: string) => (strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized === true;

/**
 * None for a type without i18n (whatever `locale` the request carried: Strapi ignores it there),
 * the request's or else the default locale otherwise.
 */
export const writtenLocale = async (write: { strapi: Core.Strapi; uid: string; params: Record<string, any> }): Promise<string | null> => {
  if (!isLocalized(write.strapi, write.uid)) return null;
  const requested = write.params.locale;
  if (typeof requested === 'string' && requested !== '' && requested !== '*') return requested;
  return ((await write.strapi.plugin('i18n')?.service('locales')?.getDefaultLocale?.()) as string | undefined) ?? null;
};
