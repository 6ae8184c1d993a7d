/**
 * One feature's messages in every language. The `en` catalog defines the keys; `satisfies
 * Catalogs` alone does not force `de` and `ja` to have the same keys, so `catalog.ts` checks that
 * at compile time and the i18n test checks it again at run time.
 */
export interface Catalogs {
  en: Record<string, string>;
  de: Record<string, string>;
  ja: Record<string, string>;
}
