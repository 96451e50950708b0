/**
 * The locale an audit event (and its snapshots) is about: the rows the write changed, not the
 * request's parameter. No Strapi: a stand-in with just what the function reads.
 */
import { writtenLocale } from '../../../src/plugins/master-data/server/src/governance/locale';

const writeOf = (localized: boolean, params: Record<string, unknown>, defaultLocale = 'en') =>
  ({
    uid: 'api::thing.thing',
    params,
    strapi: {
      getModel: () => ({ pluginOptions: localized ? { i18n: { localized: true } } : {} }),
      plugin: (name: string) => (name === 'i18n' ? { service: () => ({ getDefaultLocale: async () => defaultLocale }) } : undefined),
    },
  }) as any;

describe('writtenLocale', () => {
  test.each([undefined, 'en', 'fr', '*', ''])('a type without i18n has no locale, whatever the request says (%p)', async (locale) => {
    expect(await writtenLocale(writeOf(false, { locale }))).toBeNull();
  });

  test('a localised type: the requested locale', async () => {
    expect(await writtenLocale(writeOf(true, { locale: 'fr' }))).toBe('fr');
  });

  test.each([undefined, null, '', '*'])('a localised type without a single requested locale (%p): the default locale', async (locale) => {
    expect(await writtenLocale(writeOf(true, { locale }, 'de'))).toBe('de');
  });
});
